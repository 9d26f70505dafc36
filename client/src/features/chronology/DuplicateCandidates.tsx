import { useMutation, useQuery } from '@apollo/client/react';
import { DUPLICATE_CANDIDATES, LINK_EVENTS, REVIEW_CHRONOLOGY } from './chronology.graphql';
import { formatPartialDate } from '@scr/shared';

/** Records of one occasion by two agencies, proposed for linking as one event seen by both. */
export function DuplicateCandidates({ reviewId, canEdit }: { reviewId: string; canEdit: boolean }) {
  const { data } = useQuery(DUPLICATE_CANDIDATES, { variables: { id: reviewId } });
  const [link, { loading, error }] = useMutation(LINK_EVENTS, {
    refetchQueries: [
      { query: DUPLICATE_CANDIDATES, variables: { id: reviewId } },
      { query: REVIEW_CHRONOLOGY, variables: { id: reviewId } },
    ],
    awaitRefetchQueries: true,
  });
  const pairs = data?.review?.duplicateCandidates ?? [];
  if (pairs.length === 0) return null;
  return (
    <section className="duplicates" aria-labelledby="duplicates-title">
      <h3 id="duplicates-title">Possibly the same occasion, recorded by two agencies</h3>
      <p className="hint">
        Linking keeps both records, with their own sources and words, and shows them as one event
        seen by both agencies.
      </p>
      {error && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
      <ul className="duplicates__list">
        {pairs.map((pair) => (
          <li key={`${pair.first.id}-${pair.second.id}`} className="duplicates__pair">
            <span>
              <strong>{formatPartialDate(pair.first.occurredOn, pair.first.precision)}</strong> ·{' '}
              {pair.first.agency?.name}: “{pair.first.title}”
            </span>
            <span>
              <strong>{formatPartialDate(pair.second.occurredOn, pair.second.precision)}</strong> ·{' '}
              {pair.second.agency?.name}: “{pair.second.title}”
            </span>
            <span className="hint">{Math.round(pair.score * 100)}% alike</span>
            {canEdit && (
              <button
                type="button"
                className="button button--secondary"
                disabled={loading}
                onClick={() =>
                  void link({ variables: { reviewId, eventIds: [pair.first.id, pair.second.id] } })
                }
              >
                Link as one event
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
