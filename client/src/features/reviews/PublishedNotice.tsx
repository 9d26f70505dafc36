import { useMutation } from '@apollo/client/react';
import { TEXT_LIMITS } from '@scr/shared';
import { useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { REOPEN_REVIEW, WITHDRAW_REVIEW } from './publication.graphql';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

/** A step that needs a reason: reopening for correction, or withdrawal from the corpus. */
function ReasonDialog({
  title,
  explanation,
  label,
  action,
  limit,
  busy,
  error,
  onClose,
  onConfirm,
}: {
  title: string;
  explanation: string;
  label: string;
  action: string;
  limit: number;
  busy: boolean;
  error: string | null;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const id = useId();
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{explanation}</p>
      <div className="form__field">
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          aria-describedby={`${id}-hint`}
          value={reason}
          maxLength={limit}
          rows={3}
          onChange={(event) => setReason(event.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          Required. It is kept in the review’s audit trail.
        </p>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" autoFocus onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !reason.trim()}
          onClick={() => onConfirm(reason.trim())}
        >
          {busy ? 'Saving…' : action}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * A published review: read-only, with the version analysts see and when it was published, and
 * the ways back: reopening for correction (lead reviewer, administrators) and withdrawal from the
 * corpus (administrators).
 */
export function PublishedNotice({
  reviewId,
  version,
  publishedAt,
  canReopen,
  canWithdraw,
  justPublished,
}: {
  reviewId: string;
  version: number | null;
  publishedAt: string | null;
  canReopen: boolean;
  canWithdraw: boolean;
  /** The version just published from this screen, said once. */
  justPublished?: number | null;
}) {
  const [open, setOpen] = useState<'reopen' | 'withdraw' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refetch = { refetchQueries: ['ReviewHeader', 'ReviewHome'], awaitRefetchQueries: true };
  const [reopen, reopening] = useMutation(REOPEN_REVIEW, refetch);
  const [withdraw, withdrawing] = useMutation(WITHDRAW_REVIEW, refetch);

  async function run(step: () => Promise<unknown>) {
    setError(null);
    try {
      await step();
      setOpen(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  const close = () => {
    setError(null);
    setOpen(null);
  };

  return (
    <section
      className="review-home__card review-home__published"
      aria-labelledby="review-published"
    >
      <h2 id="review-published">Published{version ? ` · version ${version}` : ''}</h2>
      {justPublished && (
        <p className="notice notice--success" role="status">
          Published as version {justPublished}.
        </p>
      )}
      <p>
        This review was published
        {publishedAt ? ` on ${dateFormat.format(new Date(publishedAt))}` : ''} and is read-only: the
        corpus holds {version ? `version ${version}` : 'its snapshot'}, with pseudonyms only. The
        board’s response can still be recorded.
      </p>
      {(canReopen || canWithdraw) && (
        <div className="form__actions">
          {canReopen && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setOpen('reopen')}
            >
              Reopen for correction
            </button>
          )}
          {canWithdraw && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setOpen('withdraw')}
            >
              Withdraw from the corpus
            </button>
          )}
        </div>
      )}
      {open === 'reopen' && (
        <ReasonDialog
          title="Reopen for correction?"
          explanation="The review goes back to drafting so its team can correct it. The corpus keeps the published version until the review is published again."
          label="What needs correcting?"
          action="Reopen for correction"
          limit={TEXT_LIMITS.reopenReason}
          busy={reopening.loading}
          error={error}
          onClose={close}
          onConfirm={(reason) => void run(() => reopen({ variables: { id: reviewId, reason } }))}
        />
      )}
      {open === 'withdraw' && (
        <ReasonDialog
          title="Withdraw from the corpus?"
          explanation="Analysts no longer see the review anywhere, and the review is archived. Who withdrew it and why are kept."
          label="Why withdraw it?"
          action="Withdraw from the corpus"
          limit={TEXT_LIMITS.withdrawReason}
          busy={withdrawing.loading}
          error={error}
          onClose={close}
          onConfirm={(reason) => void run(() => withdraw({ variables: { id: reviewId, reason } }))}
        />
      )}
    </section>
  );
}
