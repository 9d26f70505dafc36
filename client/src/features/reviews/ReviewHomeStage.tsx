import {
  describeMissing,
  MissingItem,
  REVIEW_STAGES,
  REVIEW_STATUS_LABELS,
  ReviewStatusName,
  TEXT_LIMITS,
} from '@scr/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { Dialog } from '../../components/Dialog';

/** Each stage as the object of "move on to …" and "missing for …". */
const STAGE_NOUNS: Record<ReviewStatusName, string> = {
  SCOPING: 'scoping',
  DATA_GATHERING: 'data gathering',
  ANALYSIS: 'analysis',
  DRAFTING: 'drafting',
  PUBLISHED: 'publication',
  ARCHIVED: 'the archive',
};

/** The stages as steps, the current one marked in words and shape as well as colour. */
export function StageStepper({ status }: { status: ReviewStatusName }) {
  const current = REVIEW_STAGES.indexOf(status);
  const archived = status === 'ARCHIVED';
  return (
    <ol className="stage-stepper" aria-label="Stages of the review">
      {REVIEW_STAGES.map((stage, index) => {
        const state =
          archived || index < current ? 'done' : index === current ? 'current' : 'upcoming';
        return (
          <li
            key={stage}
            className={`stage-stepper__step stage-stepper__step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="stage-stepper__mark" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="stage-stepper__label">
              {REVIEW_STATUS_LABELS[stage]}
              <span className="stage-stepper__state">
                {state === 'done' ? 'done' : state === 'current' ? 'current stage' : 'to come'}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** One thing still to do, linked to where it is done. */
function MissingEntry({ item, onFixDetails }: { item: MissingItem; onFixDetails?: () => void }) {
  const sentence = describeMissing(item);
  if (item.fixAt === 'details') {
    return (
      <li>
        {sentence}{' '}
        {onFixDetails && (
          <button type="button" className="button button--inline" onClick={onFixDetails}>
            Set it in the details
          </button>
        )}
      </li>
    );
  }
  return (
    <li>
      <Link to={item.fixAt}>{sentence}</Link>
    </li>
  );
}

export function MissingList({
  items,
  onFixDetails,
}: {
  items: MissingItem[];
  onFixDetails?: () => void;
}) {
  return (
    <ul className="review-home__missing">
      {items.map((item) => (
        <MissingEntry key={item.key} item={item} onFixDetails={onFixDetails} />
      ))}
    </ul>
  );
}

/**
 * Where the review stands, what the next stage still needs, and the move to it. The move is
 * open even with things missing: reviewers decide, after seeing the list, and say why; the server
 * keeps the reason in the audit trail (and refuses the move without one).
 */
export function ReviewHomeStage({
  status,
  next,
  missing,
  canEdit,
  moving,
  error,
  onMove,
  onPublish,
  onFixDetails,
}: {
  status: ReviewStatusName;
  next: ReviewStatusName | null;
  missing: MissingItem[];
  canEdit: boolean;
  moving: boolean;
  error: string | null;
  /** `overrideReason`: why the review moves on with something missing. */
  onMove: (stage: ReviewStatusName, overrideReason?: string) => void;
  /** Opens the publication dialog: a review is published through the check, not by a move. */
  onPublish: () => void;
  onFixDetails?: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const nextNoun = next ? STAGE_NOUNS[next] : '';

  return (
    <section className="review-home__card review-home__stage" aria-labelledby="review-stage">
      <h2 id="review-stage">Stage</h2>
      <StageStepper status={status} />
      {status === 'ARCHIVED' && <p>This review is archived.</p>}
      {status === 'PUBLISHED' && <p>The review is published; the board’s response follows.</p>}
      {next && missing.length === 0 && (
        <p className="review-home__ready">
          <span aria-hidden="true">✓ </span>Nothing is missing for {nextNoun}.
        </p>
      )}
      {next && missing.length > 0 && (
        <>
          <h3 className="review-home__subheading">
            Still missing for {nextNoun} ({missing.length})
          </h3>
          <MissingList items={missing} onFixDetails={canEdit ? onFixDetails : undefined} />
        </>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {next && canEdit && (
        <div className="form__actions">
          <button
            type="button"
            className={`button ${missing.length === 0 ? 'button--primary' : 'button--secondary'}`}
            disabled={moving}
            onClick={() =>
              next === 'PUBLISHED'
                ? onPublish()
                : missing.length === 0
                  ? onMove(next)
                  : setConfirming(true)
            }
          >
            {moving ? 'Moving…' : next === 'PUBLISHED' ? 'Publish…' : `Move on to ${nextNoun}`}
          </button>
        </div>
      )}
      {confirming && next && (
        <Dialog
          title={`Move on to ${nextNoun} with ${missing.length === 1 ? 'one thing' : `${missing.length} things`} missing?`}
          onClose={() => setConfirming(false)}
        >
          <p>These are not done yet:</p>
          <MissingList items={missing} />
          <p className="hint">
            The review team decides when the review moves on; the list stays on the review’s home
            until each is done.
          </p>
          <div className="form__field">
            <label htmlFor="stage-override-reason">Why move on now?</label>
            <textarea
              id="stage-override-reason"
              aria-describedby="stage-override-reason-hint"
              value={reason}
              maxLength={TEXT_LIMITS.stageOverrideReason}
              rows={3}
              onChange={(event) => setReason(event.target.value)}
            />
            <p id="stage-override-reason-hint" className="hint">
              Required. It is kept in the review’s audit trail with what was missing.
            </p>
          </div>
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--secondary"
              // The safe choice has focus, rather than the first missing item's link.
              autoFocus
              onClick={() => setConfirming(false)}
            >
              Stay in {STAGE_NOUNS[status]}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={!reason.trim()}
              onClick={() => {
                setConfirming(false);
                onMove(next, reason.trim());
                setReason('');
              }}
            >
              Move on to {nextNoun} anyway
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
