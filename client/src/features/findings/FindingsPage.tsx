import { plural } from '../../components/plural';
import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { Removal, useConfirmRemoval } from '../../components/use-confirm-removal';
import { EmptyState } from '../../components/EmptyState';
import { messageOf } from '../../components/graphql-errors';
import { FindingListQuery } from '../../gql/graphql';
import { useReview } from '../../app/review-context';
import { FindingNewDialog } from './FindingNewDialog';
import { FINDING_LIST, FINDING_LIST_REMOVE, FINDING_LIST_REORDER } from './finding.graphql';
import { moveItem } from './finding-order';
import './findings.css';

type ListedFinding = NonNullable<FindingListQuery['review']>['findings'][number];

/** The review's findings in the order the report presents them. */
export function FindingsPage() {
  const { review, canEdit } = useReview();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const { data, loading, error, refetch } = useQuery(FINDING_LIST, {
    variables: { reviewId: review.id },
  });
  const [reorder] = useMutation(FINDING_LIST_REORDER);
  const removalOf = useConfirmRemoval(FINDING_LIST_REMOVE, {
    consequencesOf: (removed) => removed.removeFinding.consequences,
    refetchQueries: [{ query: FINDING_LIST, variables: { reviewId: review.id } }],
    awaitRefetchQueries: true,
  });

  const findings = data?.review?.findings ?? [];

  const move = async (index: number, offset: number) => {
    const findingIds = moveItem(
      findings.map((finding) => finding.id),
      index,
      offset,
    );
    setProblem(null);
    // Keep the keyboard on the finding that moved, at its new place.
    requestAnimationFrame(() =>
      list.current
        ?.querySelector<HTMLButtonElement>(
          `[data-finding="${findingIds[index + offset]}"] [data-move="${offset < 0 ? 'up' : 'down'}"]:not(:disabled)`,
        )
        ?.focus(),
    );
    try {
      await reorder({
        variables: { reviewId: review.id, findingIds },
        optimisticResponse: {
          reorderFindings: findingIds.map((id, position) => ({
            __typename: 'Finding' as const,
            id,
            ordinal: position + 1,
          })),
        },
        update(cache) {
          cache.modify({
            id: cache.identify({ __typename: 'Review', id: review.id }),
            fields: {
              findings(existing: readonly { __ref: string }[], { readField }) {
                const position = (ref: { __ref: string }) =>
                  findingIds.indexOf(readField<string>('id', ref) ?? '');
                return [...existing].sort((a, b) => position(a) - position(b));
              },
            },
          });
        },
      });
    } catch (caught) {
      setProblem(`The order was not changed: ${messageOf(caught)}`);
    }
  };

  if (loading && !data) return <p role="status">Loading the findings…</p>;
  if (error && !data) {
    return (
      <div className="notice notice--error" role="alert">
        <p>The findings could not be loaded: {messageOf(error)}</p>
        <button type="button" className="button button--secondary" onClick={() => void refetch()}>
          Try again
        </button>
      </div>
    );
  }

  return (
    <section className="findings" aria-labelledby="findings-heading">
      <div className="section-header">
        <h2 id="findings-heading">Findings</h2>
        {canEdit && (
          <div className="section-header__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => setCreating(true)}
            >
              New finding
            </button>
          </div>
        )}
      </div>
      {findings.length > 0 && (
        <p className="lede">
          The underlying patterns in the system that the case reveals, in the order the report
          presents them.
        </p>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {findings.length === 0 ? (
        <EmptyState title="No findings yet">
          <p>
            A finding names an underlying pattern in the system that this case reveals: not “the
            social worker failed to …”, but “practitioners here are left to …, which makes …
            likely”.
          </p>
          <p>
            Each rests on the key practice episodes and contributory factors behind it, argues why
            it is not peculiar to this case, says why it matters for how reliably children are
            protected, and puts questions to the board.
          </p>
        </EmptyState>
      ) : (
        <ol className="finding-list" ref={list}>
          {findings.map((finding, index) => (
            <FindingCard
              key={finding.id}
              finding={finding}
              position={index + 1}
              last={index === findings.length - 1}
              canEdit={canEdit}
              onMove={(offset) => void move(index, offset)}
              removal={removalOf({ id: finding.id })}
            />
          ))}
        </ol>
      )}
      {creating && (
        <FindingNewDialog
          reviewId={review.id}
          onClose={() => setCreating(false)}
          onCreated={(id) => void navigate(id)}
        />
      )}
    </section>
  );
}

function FindingCard({
  finding,
  position,
  last,
  canEdit,
  onMove,
  removal,
}: {
  finding: ListedFinding;
  position: number;
  last: boolean;
  canEdit: boolean;
  onMove: (offset: number) => void;
  removal: Removal;
}) {
  const name = `finding ${position}`;
  const unsupported =
    finding.episodes.length + finding.factors.length + finding.events.length === 0;
  return (
    <li className="finding-card" data-finding={finding.id}>
      <div className="finding-card__body">
        <p className="finding-card__number">Finding {position}</p>
        <h3 className="finding-card__title">
          <Link to={finding.id}>{finding.title}</Link>
        </h3>
        {finding.statement ? (
          <p className="finding-card__statement">{finding.statement}</p>
        ) : (
          <p className="finding-card__statement hint">No statement of the pattern yet.</p>
        )}
        <p className="finding-card__meta">
          <span className="finding-tag">
            <span className="finding-tag__name">Typology</span> {finding.categoryLabel}
          </span>
        </p>
        <p className="finding-card__counts">
          Evidence: {plural(finding.episodes.length, 'episode', 'episodes')} ·{' '}
          {plural(finding.factors.length, 'factor', 'factors')} ·{' '}
          {plural(finding.events.length, 'event', 'events')} ·{' '}
          {plural(finding.questions.length, 'question', 'questions')} for the board
        </p>
        {unsupported && (
          <p className="finding-card__unsupported">
            <span aria-hidden="true" className="finding-card__unsupported-mark">
              !
            </span>
            Rests on no evidence yet: link the episodes, factors or events behind it.
          </p>
        )}
      </div>
      {canEdit && (
        <div className="finding-card__actions">
          <button
            type="button"
            className="button button--secondary button--inline"
            data-move="up"
            disabled={position === 1}
            aria-label={`Move ${name} up`}
            onClick={() => onMove(-1)}
          >
            <span aria-hidden="true">↑</span> Up
          </button>
          <button
            type="button"
            className="button button--secondary button--inline"
            data-move="down"
            disabled={last}
            aria-label={`Move ${name} down`}
            onClick={() => onMove(1)}
          >
            <span aria-hidden="true">↓</span> Down
          </button>
          <ConfirmRemoval
            what={`${name}, “${finding.title}”`}
            className="button button--secondary button--inline finding-card__remove"
            {...removal}
          />
        </div>
      )}
    </li>
  );
}
