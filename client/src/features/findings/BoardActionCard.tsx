import { BOARD_ACTION_STATUS_LABELS, formatPartialDate } from '@scr/shared';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import type { Removal } from '../../components/use-confirm-removal';
import type { BoardResponseActionFragment } from '../../gql/graphql';

/** A clock with a warning mark, for an action past its due date. */
export function OverdueIcon() {
  return (
    <svg className="board-action__overdue-icon" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 4.2v4.3l2.6 1.6" />
    </svg>
  );
}

const shortDescription = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** One of the board's actions on a finding, as the board follows it up. */
export function BoardActionCard({
  action,
  canEdit,
  onEdit,
  removal,
}: {
  action: BoardResponseActionFragment;
  canEdit: boolean;
  onEdit: () => void;
  removal: Removal;
}) {
  const what = `the action “${shortDescription(action.description)}”`;
  return (
    <article className={`board-action${action.overdue ? ' board-action--overdue' : ''}`}>
      <div className="board-action__top">
        <p className="board-action__description">{action.description}</p>
        <div className="board-action__flags">
          {action.overdue && (
            <span className="board-action__overdue">
              <OverdueIcon />
              Overdue
            </span>
          )}
          <span
            className={`board-action__status board-action__status--${action.status.toLowerCase()}`}
          >
            {BOARD_ACTION_STATUS_LABELS[action.status]}
          </span>
        </div>
      </div>
      <div className="board-action__bottom">
        <dl className="board-action__facts">
          <div>
            <dt>Owning agency</dt>
            <dd>{action.owningAgency?.name ?? <span className="hint">Not yet decided</span>}</dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>
              {action.dueDate ? (
                <>
                  {formatPartialDate(action.dueDate, 'DAY')}
                  {action.overdue && <span className="board-action__late"> (past due)</span>}
                </>
              ) : (
                <span className="hint">No date set</span>
              )}
            </dd>
          </div>
        </dl>
        {canEdit && (
          <div className="board-action__controls">
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Edit ${what}`}
              onClick={onEdit}
            >
              Edit
            </button>
            <ConfirmRemoval
              what={what}
              className="button button--secondary button--small board-action__remove"
              {...removal}
            />
          </div>
        )}
      </div>
      {action.status === 'DROPPED' && action.droppedReason && (
        <div className="board-action__note">
          <h4>Why it was dropped</h4>
          <p>{action.droppedReason}</p>
        </div>
      )}
      {action.impactNote ? (
        <div className="board-action__note board-action__note--impact">
          <h4>Evidence that it made a difference</h4>
          <p>{action.impactNote}</p>
        </div>
      ) : (
        action.status === 'DONE' && (
          <p className="hint board-action__no-impact">No evidence yet that it made a difference.</p>
        )
      )}
    </article>
  );
}
