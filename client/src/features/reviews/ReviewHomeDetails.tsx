import { UkDateInput, focusUnreadableDate } from '../../components/UkDateInput';
import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatPartialDate } from '@scr/shared';

export interface ReviewDetails {
  summary: string | null | undefined;
  periodStart: string | null | undefined;
  periodEnd: string | null | undefined;
}

/** The editor, filled from the saved details when it opens and kept as typed until saved. */
function DetailsForm({
  details,
  onCancel,
  onSave,
  saving,
  error,
}: {
  details: ReviewDetails;
  onCancel: () => void;
  onSave: (changes: ReviewDetails) => void;
  saving: boolean;
  error: string | null;
}) {
  const id = useId();
  const [draft, setDraft] = useState(() => ({
    summary: details.summary ?? '',
    periodStart: details.periodStart ?? '',
    periodEnd: details.periodEnd ?? '',
  }));
  const summaryRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => summaryRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (focusUnreadableDate(event.currentTarget as HTMLFormElement)) return;
    onSave({
      summary: draft.summary.trim() || null,
      periodStart: draft.periodStart || null,
      periodEnd: draft.periodEnd || null,
    });
  };

  return (
    <form className="review-home__form" onSubmit={submit}>
      <label htmlFor={`${id}-summary`}>Summary</label>
      <textarea
        id={`${id}-summary`}
        ref={summaryRef}
        rows={7}
        value={draft.summary}
        onChange={(event) => setDraft({ ...draft, summary: event.target.value })}
      />
      <fieldset className="review-home__period">
        <legend>Period under review</legend>
        <div>
          <label htmlFor={`${id}-start`}>From</label>
          <UkDateInput
            id={`${id}-start`}
            value={draft.periodStart}
            onChange={(periodStart) => setDraft((current) => ({ ...current, periodStart }))}
          />
        </div>
        <div>
          <label htmlFor={`${id}-end`}>To</label>
          <UkDateInput
            id={`${id}-end`}
            value={draft.periodEnd}
            onChange={(periodEnd) => setDraft((current) => ({ ...current, periodEnd }))}
          />
        </div>
      </fieldset>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * The review's summary and period under review; those who may edit change them in place. What
 * they typed stays in the form until it is saved, whatever the server answers.
 */
export function ReviewHomeDetails({
  details,
  canEdit,
  editing,
  onEdit,
  onCancel,
  onSave,
  saving,
  error,
}: {
  details: ReviewDetails;
  canEdit: boolean;
  editing: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSave: (changes: ReviewDetails) => void;
  saving: boolean;
  error: string | null;
}) {
  const id = useId();
  const period =
    details.periodStart || details.periodEnd
      ? `${details.periodStart ? formatPartialDate(details.periodStart, 'DAY') : 'not set'} – ${details.periodEnd ? formatPartialDate(details.periodEnd, 'DAY') : 'not set'}`
      : 'Not set yet';

  return (
    <section className="review-home__card review-home__details" aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <h2 id={`${id}-title`}>About this review</h2>
        {canEdit && !editing && (
          <button type="button" className="button button--secondary" onClick={onEdit}>
            Edit summary and period
          </button>
        )}
      </div>
      {!editing && (
        <>
          {details.summary ? (
            <p className="review-home__summary">{details.summary}</p>
          ) : (
            <p className="hint">
              No summary yet: a short account of the child, the family, what happened and what the
              review asks.
            </p>
          )}
          <p>
            <strong>Period under review:</strong> {period}
          </p>
        </>
      )}
      {editing && (
        <DetailsForm
          details={details}
          onCancel={onCancel}
          onSave={onSave}
          saving={saving}
          error={error}
        />
      )}
    </section>
  );
}
