import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { DocumentDownloads } from '../../components/DocumentDownloads';
import {
  ConflictChoice,
  ConflictDialog,
  ConflictField,
  differingFields,
} from '../../components/ConflictDialog';
import { conflictOf, messageOf } from '../../components/graphql-errors';
import { useConfirmRemoval } from '../../components/use-confirm-removal';
import { PracticeIssueQuery } from '../../gql/graphql';
import { downloadWithToken } from '../chronology';
import { BriefingPreview } from './BriefingPreview';
import { FindFindings, SimilarHits } from './FindFindings';
import {
  PRACTICE_ISSUE,
  PRACTICE_ISSUE_SET,
  REMOVE_PRACTICE_ISSUE,
  UNLINK_FINDINGS,
  UPDATE_PRACTICE_ISSUE,
} from './practice-issues.graphql';
import './briefings.css';

type Issue = NonNullable<PracticeIssueQuery['practiceIssue']>;

interface Quote {
  text: string;
  role: string;
}
interface Reason {
  heading: string;
  text: string;
  quotes: Quote[];
}
export interface IssueForm {
  title: string;
  statement: string;
  whatIsTheIssue: string;
  illustration: string;
  reasonsFromReviews: string;
  practiceReasons: Reason[];
  solutions: string;
  questions: { title: string; questions: string }[];
}

const LABELS: Record<keyof IssueForm, string> = {
  title: 'Title',
  statement: 'What is the issue? (one line)',
  whatIsTheIssue: 'What is the issue? (paragraph)',
  illustration: 'Illustration',
  reasonsFromReviews: 'Reasons from the analysis of the reviews',
  practiceReasons: 'Reasons from practitioners',
  solutions: 'Solutions suggested',
  questions: 'Questions for you to consider',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The saved issue (from the server, or a conflict's current record) as the form holds it. */
export function formOf(issue: {
  title: string;
  statement?: string | null;
  whatIsTheIssue?: string | null;
  illustration?: string | null;
  reasonsFromReviews: string[];
  practiceReasons: { heading?: string | null; text: string; quotes: Quote[] }[];
  solutions: string[];
  questions: { title: string; questions: string[] }[];
}): IssueForm {
  return {
    title: issue.title,
    statement: issue.statement ?? '',
    whatIsTheIssue: issue.whatIsTheIssue ?? '',
    illustration: issue.illustration ?? '',
    reasonsFromReviews: issue.reasonsFromReviews.join('\n'),
    practiceReasons: issue.practiceReasons.map((reason) => ({
      heading: reason.heading ?? '',
      text: reason.text,
      quotes: reason.quotes.map((quote) => ({ text: quote.text, role: quote.role })),
    })),
    solutions: issue.solutions.join('\n'),
    questions: issue.questions.map((group) => ({
      title: group.title,
      questions: group.questions.join('\n'),
    })),
  };
}

/** What the form sends: lists one item a line, empty quotes and reasons left out. */
export function inputOf(form: IssueForm) {
  return {
    title: form.title,
    statement: form.statement,
    whatIsTheIssue: form.whatIsTheIssue,
    illustration: form.illustration,
    reasonsFromReviews: lines(form.reasonsFromReviews),
    practiceReasons: form.practiceReasons
      .filter((reason) => reason.text.trim())
      .map((reason) => ({
        heading: reason.heading,
        text: reason.text,
        quotes: reason.quotes.filter((quote) => quote.text.trim() && quote.role.trim()),
      })),
    solutions: lines(form.solutions),
    questions: form.questions
      .filter((group) => group.title.trim())
      .map((group) => ({ title: group.title, questions: lines(group.questions) })),
  };
}

const show = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : Array.isArray(value)
      ? value
          .map((item) =>
            typeof item === 'object' && item
              ? Object.values(item as Record<string, unknown>)
                  .map((part) => (Array.isArray(part) ? part.map(show).join('; ') : show(part)))
                  .filter(Boolean)
                  .join(' — ')
              : String(item),
          )
          .join('\n')
      : value == null
        ? ''
        : String(value);

function ReasonsEditor({
  reasons,
  onChange,
}: {
  reasons: Reason[];
  onChange: (reasons: Reason[]) => void;
}) {
  const set = (index: number, reason: Reason) =>
    onChange(reasons.map((other, i) => (i === index ? reason : other)));
  return (
    <fieldset className="briefings__fieldset">
      <legend>From practitioners (quotes by role only, never a name)</legend>
      {reasons.map((reason, index) => (
        <fieldset key={index} className="briefings__fieldset" aria-label={`Reason ${index + 1}`}>
          <label className="briefings__field">
            Heading of reason {index + 1}
            <input
              value={reason.heading}
              onChange={(event) => set(index, { ...reason, heading: event.target.value })}
            />
          </label>
          <label className="briefings__field">
            Text of reason {index + 1}
            <textarea
              value={reason.text}
              onChange={(event) => set(index, { ...reason, text: event.target.value })}
            />
          </label>
          {reason.quotes.map((quote, q) => (
            <div key={q} className="briefings__quote">
              <label className="briefings__field">
                Quote {q + 1} of reason {index + 1}
                <textarea
                  value={quote.text}
                  onChange={(event) =>
                    set(index, {
                      ...reason,
                      quotes: reason.quotes.map((other, i) =>
                        i === q ? { ...quote, text: event.target.value } : other,
                      ),
                    })
                  }
                />
              </label>
              <label className="briefings__field">
                Role of the person quoted (quote {q + 1} of reason {index + 1})
                <input
                  value={quote.role}
                  placeholder="Named Nurse"
                  onChange={(event) =>
                    set(index, {
                      ...reason,
                      quotes: reason.quotes.map((other, i) =>
                        i === q ? { ...quote, role: event.target.value } : other,
                      ),
                    })
                  }
                />
              </label>
              <button
                type="button"
                className="button button--quiet"
                onClick={() =>
                  set(index, { ...reason, quotes: reason.quotes.filter((_, i) => i !== q) })
                }
              >
                Remove quote {q + 1} of reason {index + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() =>
              set(index, { ...reason, quotes: [...reason.quotes, { text: '', role: '' }] })
            }
          >
            Add a quote to reason {index + 1}
          </button>{' '}
          <button
            type="button"
            className="button button--quiet"
            onClick={() => onChange(reasons.filter((_, i) => i !== index))}
          >
            Remove reason {index + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...reasons, { heading: '', text: '', quotes: [] }])}
      >
        Add a reason from practitioners
      </button>
    </fieldset>
  );
}

function IssueEditorForm({ issue }: { issue: Issue }) {
  const [form, setForm] = useState<IssueForm>(() => formOf(issue));
  const [version, setVersion] = useState(issue.version);
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{
    fields: ConflictField[];
    theirs: IssueForm;
    currentVersion: number;
  } | null>(null);
  const [update, { loading }] = useMutation(UPDATE_PRACTICE_ISSUE, {
    refetchQueries: [{ query: PRACTICE_ISSUE, variables: { id: issue.id } }],
    awaitRefetchQueries: true,
  });
  const text = (
    key:
      | 'title'
      | 'statement'
      | 'whatIsTheIssue'
      | 'illustration'
      | 'reasonsFromReviews'
      | 'solutions',
  ) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) =>
      setForm({ ...form, [key]: event.target.value }),
  });

  const save = async (values: IssueForm, on: number) => {
    setStatus(null);
    try {
      const result = await update({
        variables: { id: issue.id, expectedVersion: on, input: inputOf(values) },
      });
      setVersion(result.data!.updatePracticeIssue.version);
      setStatus('Saved.');
    } catch (caught) {
      const found = conflictOf(caught);
      if (!found) {
        setStatus(`The issue could not be saved: ${messageOf(caught)}`);
        return;
      }
      const theirs = formOf(found.current as unknown as Parameters<typeof formOf>[0]);
      setConflict({
        fields: differingFields(LABELS, { ...values }, { ...theirs }, show),
        theirs,
        currentVersion: found.currentVersion,
      });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(form, version);
  };
  // Compared as sent, so blank lines and empty quotes do not count as changes.
  const changed =
    JSON.stringify(inputOf(form)) !== JSON.stringify(inputOf(formOf(issue))) ||
    version !== issue.version;

  const resolve = (choice: ConflictChoice) => {
    if (!conflict) return;
    const next = { ...form } as Record<string, unknown>;
    for (const field of conflict.fields)
      if (choice[field.key] === 'theirs')
        next[field.key] = (conflict.theirs as unknown as Record<string, unknown>)[field.key];
    const resolved = next as unknown as IssueForm;
    setForm(resolved);
    setVersion(conflict.currentVersion);
    setConflict(null);
    void save(resolved, conflict.currentVersion);
  };

  return (
    <>
      <section aria-labelledby="issue-downloads" className="briefings__panel">
        <h2 id="issue-downloads">Download this briefing</h2>
        <p className="hint">The briefing as last saved, laid out like the printed set.</p>
        <DocumentDownloads
          label="Download this briefing"
          basePath={`/api/practice-issues/${issue.id}/briefing`}
          fileName={`practice issue ${issue.number} ${issue.title}`}
          download={downloadWithToken}
          disabledReason={
            changed
              ? 'Save your changes first: the downloads are the briefing as last saved.'
              : null
          }
        />
      </section>
      <form onSubmit={submit} aria-labelledby="issue-sections">
        <h2 id="issue-sections">Sections</h2>
        <label className="briefings__field">
          Title
          <input {...text('title')} required />
        </label>
        <fieldset className="briefings__fieldset">
          <legend>What is the issue?</legend>
          <label className="briefings__field">
            The issue in one line
            <input {...text('statement')} />
          </label>
          <label className="briefings__field">
            What is the issue? (paragraph)
            <textarea {...text('whatIsTheIssue')} />
          </label>
          <label className="briefings__field">
            Illustration from one case (anonymised: no names, places or dates)
            <textarea {...text('illustration')} />
          </label>
        </fieldset>
        <fieldset className="briefings__fieldset">
          <legend>Why does this occur?</legend>
          <label className="briefings__field">
            From the analysis of the reviews (one reason a line)
            <textarea {...text('reasonsFromReviews')} />
          </label>
          <ReasonsEditor
            reasons={form.practiceReasons}
            onChange={(practiceReasons) => setForm({ ...form, practiceReasons })}
          />
        </fieldset>
        <label className="briefings__field">
          Solutions suggested (one a line)
          <textarea {...text('solutions')} />
        </label>
        <fieldset className="briefings__fieldset">
          <legend>Questions for you to consider</legend>
          {form.questions.map((group, index) => (
            <label key={index} className="briefings__field">
              {group.title} (one question a line)
              <textarea
                rows={Math.max(4, group.questions.split('\n').length + 1)}
                value={group.questions}
                onChange={(event) =>
                  setForm({
                    ...form,
                    questions: form.questions.map((other, i) =>
                      i === index ? { ...other, questions: event.target.value } : other,
                    ),
                  })
                }
              />
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={loading}>
          Save the issue
        </button>
        {status && <p role="status">{status}</p>}
        {conflict && (
          <ConflictDialog
            what="practice issue"
            fields={conflict.fields}
            onCancel={() => setConflict(null)}
            onResolve={resolve}
          />
        )}
      </form>
    </>
  );
}

function LinkedFindings({ issue }: { issue: Issue }) {
  const [similarTo, setSimilarTo] = useState<string | null>(null);
  const linkedIds = issue.linkedFindings.map((linked) => linked.finding.id);
  const [unlink, { error }] = useMutation(UNLINK_FINDINGS, {
    refetchQueries: [{ query: PRACTICE_ISSUE, variables: { id: issue.id } }],
  });
  return (
    <section aria-labelledby="linked-findings" className="briefings__panel">
      <h2 id="linked-findings">Findings this issue draws on</h2>
      {issue.linkedFindings.length === 0 ? (
        <p>None yet. Find published findings below and add them to this issue.</p>
      ) : (
        <ul className="briefings__hits">
          {issue.linkedFindings.map((linked) => (
            <li key={linked.finding.id}>
              <strong>{linked.finding.title}</strong>
              <p>
                {linked.finding.reference}: {linked.reviewTitle}
              </p>
              {linked.stale && (
                <p className="notice notice--warning">
                  Its review was withdrawn or published again since: check the issue still holds.
                </p>
              )}
              <button
                type="button"
                className="button button--quiet"
                onClick={() =>
                  void unlink({
                    variables: { practiceIssueId: issue.id, findingIds: [linked.finding.id] },
                  }).catch(() => null)
                }
              >
                Remove the link to {linked.finding.title}
              </button>{' '}
              <button
                type="button"
                className="button"
                aria-expanded={similarTo === linked.finding.id}
                aria-label={`More findings like ${linked.finding.title}`}
                onClick={() =>
                  setSimilarTo(similarTo === linked.finding.id ? null : linked.finding.id)
                }
              >
                More like this
              </button>
              {similarTo === linked.finding.id && (
                <SimilarHits finding={linked.finding} issueId={issue.id} linkedIds={linkedIds} />
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div className="notice notice--error" role="alert">
          The link could not be removed: {messageOf(error)}
        </div>
      )}
    </section>
  );
}

export function PracticeIssueEditor() {
  const { issueId = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(PRACTICE_ISSUE, { variables: { id: issueId } });
  const [preview, setPreview] = useState(false);
  const issue = data?.practiceIssue;
  const removalOf = useConfirmRemoval(REMOVE_PRACTICE_ISSUE, {
    consequencesOf: (result) => result.removePracticeIssue.consequences,
    refetchQueries: issue ? [{ query: PRACTICE_ISSUE_SET, variables: { id: issue.setId } }] : [],
  });
  if (loading && !data) return <p role="status">Reading the practice issue…</p>;
  if (error)
    return (
      <div className="notice notice--error" role="alert">
        The practice issue could not be read: {messageOf(error)}
      </div>
    );
  if (!issue)
    return (
      <div className="notice notice--error" role="alert">
        There is no such practice issue. <Link to="/briefings">Back to the briefings</Link>
      </div>
    );
  return (
    <>
      <p>
        <Link to="/briefings">Briefings</Link> ›{' '}
        <Link to={`/briefings/sets/${issue.setId}`}>{issue.set.title}</Link>
      </p>
      <h1>
        {issue.number}. {issue.title}
      </h1>
      <div className="briefings__columns">
        <div>
          <IssueEditorForm key={issue.id} issue={issue} />
        </div>
        <div>
          <LinkedFindings issue={issue} />
          <FindFindings
            issueId={issue.id}
            linkedIds={issue.linkedFindings.map((linked) => linked.finding.id)}
          />
        </div>
      </div>
      <section className="briefings__panel" aria-labelledby="issue-preview">
        <h2 id="issue-preview">Preview as it will print</h2>
        <button
          type="button"
          className="button"
          aria-expanded={preview}
          onClick={() => setPreview(!preview)}
        >
          {preview ? 'Hide the preview' : 'Preview as it will print'}
        </button>
        {preview && <BriefingPreview json={issue.printedDocument} />}
      </section>
      <p className="briefings__panel">
        <ConfirmRemoval
          what={`the practice issue “${issue.title}”`}
          label="Remove this issue"
          {...removalOf({ id: issue.id })}
          onRemoved={() => void navigate(`/briefings/sets/${issue.setId}`)}
        />
      </p>
    </>
  );
}
