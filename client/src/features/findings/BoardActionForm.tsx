import { UkDateInput, focusUnreadableDate } from '../../components/UkDateInput';
import { BOARD_ACTION_STATUS_LABELS, BOARD_ACTION_STATUSES, TEXT_LIMITS } from '@scr/shared';
import { FormEvent, useId, useRef, useState } from 'react';
import { messageOf } from '../../components/graphql-errors';
import { BoardActionDraft, DraftProblems, problemsOf } from './board-response-rules';

/**
 * The form for one of the board's actions, new or existing. It checks what it can before
 * sending, and keeps everything typed when the server refuses.
 */
export function BoardActionForm({
  heading,
  initial,
  agencies,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  heading: string;
  initial: BoardActionDraft;
  agencies: { id: string; name: string }[];
  submitLabel: string;
  onSubmit: (draft: BoardActionDraft) => Promise<unknown>;
  onCancel: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [shown, setShown] = useState<DraftProblems>({});
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const fields = useRef<Partial<Record<keyof BoardActionDraft, HTMLElement | null>>>({});
  const set = <K extends keyof BoardActionDraft>(key: K, value: BoardActionDraft[K]) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    // A problem already pointed out goes away as soon as it is put right.
    if (shown[key]) setShown(problemsOf(next));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (focusUnreadableDate(event.currentTarget as HTMLFormElement)) return;
    const problems = problemsOf(draft);
    setShown(problems);
    const first = (Object.keys(problems) as (keyof BoardActionDraft)[])[0];
    if (first) {
      fields.current[first]?.focus();
      return;
    }
    setSaving(true);
    setServerError(null);
    try {
      await onSubmit(draft);
    } catch (caught) {
      setServerError(messageOf(caught));
      setSaving(false);
    }
  };

  const fieldId = (key: keyof BoardActionDraft) => `${id}-${key}`;
  const problem = (key: keyof BoardActionDraft) =>
    shown[key] ? (
      <p className="board-action-form__problem" id={`${fieldId(key)}-problem`}>
        {shown[key]}
      </p>
    ) : null;
  const describedBy = (key: keyof BoardActionDraft, hint?: boolean) =>
    [hint ? `${fieldId(key)}-hint` : '', shown[key] ? `${fieldId(key)}-problem` : '']
      .filter(Boolean)
      .join(' ') || undefined;

  return (
    <form className="board-action-form" onSubmit={(event) => void submit(event)} noValidate>
      <h4 className="board-action-form__heading">{heading}</h4>
      <label htmlFor={fieldId('description')}>What the board will do</label>
      <textarea
        id={fieldId('description')}
        ref={(element) => {
          fields.current.description = element;
        }}
        rows={3}
        value={draft.description}
        maxLength={TEXT_LIMITS.boardActionDescription}
        aria-invalid={Boolean(shown.description)}
        aria-describedby={describedBy('description')}
        onChange={(event) => set('description', event.target.value)}
      />
      {problem('description')}

      <div className="board-action-form__row">
        <div className="board-action-form__field">
          <label htmlFor={fieldId('owningAgencyId')}>Owning agency</label>
          <select
            id={fieldId('owningAgencyId')}
            value={draft.owningAgencyId}
            onChange={(event) => set('owningAgencyId', event.target.value)}
          >
            <option value="">Not yet decided</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
          {agencies.length === 0 && (
            <p className="hint">
              The review lists no agencies yet; they are added on the registers tab.
            </p>
          )}
        </div>
        <div className="board-action-form__field">
          <label htmlFor={fieldId('dueDate')}>Due date</label>
          <UkDateInput
            id={fieldId('dueDate')}
            value={draft.dueDate}
            onChange={(value) => set('dueDate', value)}
          />
        </div>
        <div className="board-action-form__field">
          <label htmlFor={fieldId('status')}>Status</label>
          <select
            id={fieldId('status')}
            value={draft.status}
            onChange={(event) => set('status', event.target.value as BoardActionDraft['status'])}
          >
            {BOARD_ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {BOARD_ACTION_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
      </div>

      {draft.status === 'DROPPED' && (
        <>
          <label htmlFor={fieldId('droppedReason')}>Why it was dropped (required)</label>
          <p className="hint" id={`${fieldId('droppedReason')}-hint`}>
            A dropped action needs a reason, so that the board’s response can be followed later.
          </p>
          <textarea
            id={fieldId('droppedReason')}
            ref={(element) => {
              fields.current.droppedReason = element;
            }}
            rows={2}
            required
            aria-required="true"
            value={draft.droppedReason}
            maxLength={TEXT_LIMITS.droppedReason}
            aria-invalid={Boolean(shown.droppedReason)}
            aria-describedby={describedBy('droppedReason', true)}
            onChange={(event) => set('droppedReason', event.target.value)}
          />
          {problem('droppedReason')}
        </>
      )}

      <label htmlFor={fieldId('impactNote')}>Impact</label>
      <p className="hint" id={`${fieldId('impactNote')}-hint`}>
        Evidence that the action made a difference: what changed, and how the board knows.
      </p>
      <textarea
        id={fieldId('impactNote')}
        rows={2}
        value={draft.impactNote}
        maxLength={TEXT_LIMITS.impactNote}
        aria-describedby={describedBy('impactNote', true)}
        onChange={(event) => set('impactNote', event.target.value)}
      />

      {serverError && (
        <p className="notice notice--error" role="alert">
          {serverError}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
