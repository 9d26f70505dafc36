import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { conflictOf } from '../../components/graphql-errors';
import { useConfirmRemoval } from '../../components/use-confirm-removal';
import { conflictMessage } from '../../components/save-conflict';
import type { BoardResponseQuery } from '../../gql/graphql';
import { useReview } from '../../app/review-context';
import { BoardActionCard, OverdueIcon } from './BoardActionCard';
import { BoardActionForm } from './BoardActionForm';
import {
  BOARD_RESPONSE,
  BOARD_RESPONSE_ADD_ACTION,
  BOARD_RESPONSE_REMOVE_ACTION,
  BOARD_RESPONSE_UPDATE_ACTION,
} from './board-response.graphql';
import {
  BoardActionDraft,
  draftOf,
  EMPTY_DRAFT,
  inputOf,
  summariseActions,
  summaryLine,
} from './board-response-rules';
import './board-response.css';

type Finding = NonNullable<BoardResponseQuery['review']>['findings'][number];
/** The form open on the screen: a new action on a finding, or an existing action. */
type Editing = { kind: 'add'; findingId: string } | { kind: 'edit'; actionId: string } | null;

/** The partnership's response to the review: the board's actions on each finding, followed up. */
export function BoardResponsePage() {
  const { review: header, canRespond } = useReview();
  const base = `/reviews/${header.id}`;
  const variables = { id: header.id };
  const {
    data,
    loading,
    error,
    refetch: refetchResponse,
  } = useQuery(BOARD_RESPONSE, {
    variables,
  });
  const refetch = {
    refetchQueries: [{ query: BOARD_RESPONSE, variables }],
    awaitRefetchQueries: true,
  };
  const [addAction] = useMutation(BOARD_RESPONSE_ADD_ACTION, refetch);
  const [updateAction] = useMutation(BOARD_RESPONSE_UPDATE_ACTION);
  const removalOf = useConfirmRemoval(BOARD_RESPONSE_REMOVE_ACTION, refetch);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);

  if (loading && !data) return <p role="status">Loading the board’s response…</p>;
  const review = data?.review;
  if (error || !review) {
    return (
      <p className="notice notice--error" role="alert">
        The board’s response could not be loaded:{' '}
        {error?.message ?? 'the review is no longer there.'}
      </p>
    );
  }

  if (!review.findings.length) {
    return (
      <>
        <h2>Board response</h2>
        <EmptyState title="No findings yet">
          <p>
            The board responds to each of the review’s findings with actions, owners and dates. Once
            the review team has written the <Link to={`${base}/findings`}>findings</Link>, the
            board’s actions on each are recorded and followed up here.
          </p>
        </EmptyState>
      </>
    );
  }

  const summary = summariseActions(review.findings.flatMap((finding) => finding.boardActions));
  const shown = overdueOnly
    ? review.findings.filter((finding) => finding.boardActions.some((action) => action.overdue))
    : review.findings;

  const add = async (findingId: string, draft: BoardActionDraft) => {
    await addAction({ variables: { findingId, input: inputOf(draft) } });
    setEditing(null);
  };
  /** Saves against the version shown; if someone saved first, shows theirs and keeps the form. */
  const update = async (actionId: string, expectedVersion: number, draft: BoardActionDraft) => {
    try {
      await updateAction({ variables: { id: actionId, expectedVersion, input: inputOf(draft) } });
    } catch (caught) {
      const conflict = conflictOf(caught);
      if (!conflict) throw caught;
      await refetchResponse();
      throw new Error(conflictMessage('action', conflict.current.description), { cause: caught });
    }
    setEditing(null);
  };

  const findingSection = (finding: Finding) => {
    const actions = overdueOnly
      ? finding.boardActions.filter((action) => action.overdue)
      : finding.boardActions;
    const headingId = `board-finding-${finding.id}`;
    return (
      <section key={finding.id} className="board-finding" aria-labelledby={headingId}>
        <header className="board-finding__header">
          <h3 id={headingId}>
            <span className="board-finding__number">Finding {finding.ordinal}</span>{' '}
            <Link to={`${base}/findings/${finding.id}`}>{finding.title}</Link>
          </h3>
          <p className="board-finding__category">{finding.categoryLabel}</p>
        </header>
        {actions.length > 0 ? (
          <ol
            className="board-finding__actions"
            aria-label={`Actions on finding ${finding.ordinal}`}
          >
            {actions.map((action) => (
              <li key={action.id}>
                {editing?.kind === 'edit' && editing.actionId === action.id ? (
                  <BoardActionForm
                    heading="Edit the action"
                    initial={draftOf(action)}
                    agencies={review.agencies}
                    submitLabel="Save the action"
                    onSubmit={(draft) => update(action.id, action.version, draft)}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <BoardActionCard
                    action={action}
                    canEdit={canRespond}
                    onEdit={() => setEditing({ kind: 'edit', actionId: action.id })}
                    removal={removalOf({ id: action.id })}
                  />
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p className="board-finding__none">
            The board has not set any actions on this finding yet.
          </p>
        )}
        {canRespond &&
          (editing?.kind === 'add' && editing.findingId === finding.id ? (
            <BoardActionForm
              heading={`New action on finding ${finding.ordinal}`}
              initial={EMPTY_DRAFT}
              agencies={review.agencies}
              submitLabel="Add the action"
              onSubmit={(draft) => add(finding.id, draft)}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Add an action to finding ${finding.ordinal}`}
              onClick={() => setEditing({ kind: 'add', findingId: finding.id })}
            >
              Add an action
            </button>
          ))}
      </section>
    );
  };

  return (
    <>
      <div className="section-header">
        <h2>Board response</h2>
      </div>
      <div className="board-response__bar">
        <p className="board-response__summary" data-testid="board-summary">
          {summaryLine(summary)
            .split(' · ')
            .map((part, index, parts) => (
              <span key={part}>
                {index > 0 && ' · '}
                {index === parts.length - 1 && summary.overdue > 0 ? (
                  <span className="board-action__overdue">
                    <OverdueIcon />
                    {part}
                  </span>
                ) : (
                  part
                )}
              </span>
            ))}
        </p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={overdueOnly}
            onChange={(event) => setOverdueOnly(event.target.checked)}
          />
          Overdue actions only
        </label>
      </div>
      <p className="hint board-response__intro">
        The partnership’s response to each finding: what it will do, who owns it and by when, and
        later whether it made a difference.
      </p>
      {overdueOnly && shown.length === 0 ? (
        <p className="board-response__clear">No action is overdue.</p>
      ) : (
        shown.map(findingSection)
      )}
    </>
  );
}
