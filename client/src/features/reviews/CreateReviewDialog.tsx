import { UkDateInput, focusUnreadableDate } from '../../components/UkDateInput';
import { useMutation } from '@apollo/client/react';
import {
  METHODOLOGIES,
  METHODOLOGY_LABELS,
  MethodologyName,
  REVIEW_TYPE_LABELS,
  REVIEW_TYPES,
  ReviewTypeName,
} from '@scr/shared';
import { FormEvent, ReactElement, ReactNode, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../../components/Dialog';
import { messageOf } from '../../components/graphql-errors';
import { CreateReviewInput } from '../../gql/graphql';
import { fieldProblemsOf, inFormWords } from './CreateReviewFieldProblems';
import { CREATE_REVIEW } from './reviews.graphql';
import './reviews-list.css';

interface Draft {
  reference: string;
  title: string;
  type: ReviewTypeName | '';
  methodology: MethodologyName;
  partnership: string;
  periodStart: string;
  periodEnd: string;
  summary: string;
}

const EMPTY: Draft = {
  reference: '',
  title: '',
  type: '',
  methodology: 'LEARNING_TOGETHER',
  partnership: '',
  periodStart: '',
  periodEnd: '',
  summary: '',
};

/** What the form sends: text trimmed, and fields left empty not sent at all. */
function inputOf(draft: Draft): CreateReviewInput {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    reference: draft.reference.trim(),
    title: draft.title.trim(),
    type: draft.type as ReviewTypeName,
    methodology: draft.methodology,
    partnership: optional(draft.partnership),
    periodStart: optional(draft.periodStart),
    periodEnd: optional(draft.periodEnd),
    summary: optional(draft.summary),
  };
}

/** A new review: the form in a dialog; on success, the new review's home. */
export function CreateReviewDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CREATE_REVIEW, { refetchQueries: ['ReviewList'] });

  const set = (field: keyof Draft) => (value: string) => setDraft({ ...draft, [field]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (focusUnreadableDate(event.currentTarget as HTMLFormElement)) {
      setError('A date cannot be read: see the marked field (dd/mm/yyyy).');
      return;
    }
    const missing: Record<string, string> = {};
    if (!draft.reference.trim()) missing.reference = 'Give the partnership’s reference.';
    if (!draft.title.trim()) missing.title = 'Give the review a title.';
    if (!draft.type) missing.type = 'Choose the type of review.';
    setProblems(missing);
    if (Object.keys(missing).length > 0) {
      setError('Some details are missing: see the marked fields.');
      return;
    }
    setError(null);
    try {
      const result = await create({ variables: { input: inputOf(draft) } });
      const created = result.data?.createReview;
      if (created) navigate(`/reviews/${created.id}`);
    } catch (caught) {
      const found = fieldProblemsOf(caught);
      setProblems(
        Object.fromEntries(Object.entries(found).map(([key, text]) => [key, inFormWords(text)])),
      );
      setError(
        Object.keys(found).length > 0
          ? 'The review was not created: see the marked fields.'
          : inFormWords(messageOf(caught)),
      );
    }
  };

  const field = (
    name: keyof Draft,
    label: string,
    control: (props: FieldProps) => ReactElement,
    wide = false,
  ) => {
    const problem = problems[name];
    const controlId = `${id}-${name}`;
    return (
      <div className={`create-review__field${wide ? ' create-review__field--wide' : ''}`}>
        <label htmlFor={controlId}>{label}</label>
        {control({
          id: controlId,
          value: draft[name],
          onChange: set(name),
          invalid: Boolean(problem),
          describedBy: problem ? `${controlId}-problem` : undefined,
        })}
        {problem && (
          <p className="create-review__problem" id={`${controlId}-problem`}>
            {problem}
          </p>
        )}
      </div>
    );
  };

  return (
    <Dialog title="New review" onClose={onClose} wide>
      <form className="create-review" onSubmit={(event) => void submit(event)} noValidate>
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <div className="create-review__grid">
          {field('reference', 'Reference', (props) => (
            <TextInput {...props} required hint="e.g. NSCP-LCSPR-2025-03" />
          ))}
          {field('title', 'Title', (props) => (
            <TextInput {...props} required hint="How the review is known, e.g. Child M" />
          ))}
          {field('type', 'Type of review', (props) => (
            <Select {...props} required>
              <option value="">Choose…</option>
              {REVIEW_TYPES.map((type) => (
                <option key={type} value={type}>
                  {REVIEW_TYPE_LABELS[type]}
                </option>
              ))}
            </Select>
          ))}
          {field('methodology', 'Methodology', (props) => (
            <Select {...props}>
              {METHODOLOGIES.map((methodology) => (
                <option key={methodology} value={methodology}>
                  {METHODOLOGY_LABELS[methodology]}
                </option>
              ))}
            </Select>
          ))}
          {field(
            'partnership',
            'Safeguarding partnership',
            (props) => (
              <TextInput {...props} />
            ),
            true,
          )}
          <fieldset className="create-review__period">
            <legend>Period under review</legend>
            {field('periodStart', 'From', (props) => (
              <UkDateInput
                id={props.id}
                value={props.value}
                onChange={props.onChange}
                aria-invalid={props.invalid || undefined}
                aria-describedby={props.describedBy}
              />
            ))}
            {field('periodEnd', 'To', (props) => (
              <UkDateInput
                id={props.id}
                value={props.value}
                onChange={props.onChange}
                aria-invalid={props.invalid || undefined}
                aria-describedby={props.describedBy}
              />
            ))}
          </fieldset>
        </div>
        {field('summary', 'Summary', (props) => (
          <textarea
            id={props.id}
            className="create-review__summary"
            rows={4}
            value={props.value}
            aria-invalid={props.invalid || undefined}
            aria-describedby={props.describedBy}
            onChange={(event) => props.onChange(event.target.value)}
          />
        ))}
        <p className="hint">You become the review’s lead reviewer and can add its members.</p>
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Creating…' : 'Create the review'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface FieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  describedBy?: string;
}

function TextInput({
  id,
  value,
  onChange,
  invalid,
  describedBy,
  required,
  hint,
  type = 'text',
}: FieldProps & { required?: boolean; hint?: string; type?: string }) {
  return (
    <input
      id={id}
      type={type}
      value={value}
      placeholder={hint}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function Select({
  id,
  value,
  onChange,
  invalid,
  describedBy,
  required,
  children,
}: FieldProps & { required?: boolean; children: ReactNode }) {
  return (
    <select
      id={id}
      value={value}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    >
      {children}
    </select>
  );
}
