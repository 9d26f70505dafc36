import { useQuery } from '@apollo/client/react';
import { REVIEW_STATUS_LABELS } from '@scr/shared';
import { FormEvent, useEffect, useId, useState } from 'react';
import { COLLECTION_REVIEW_CHOICES } from './collections.graphql';

const SHOWN = 25;

/** Finds reviews the user may read by reference, title or partnership, and adds the ones ticked. */
export function AddReviews({
  present,
  busy,
  onAdd,
}: {
  /** The ids already in the collection: shown, but not offered again. */
  present: Set<string>;
  busy: boolean;
  onAdd: (reviewIds: string[]) => Promise<boolean>;
}) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [words, setWords] = useState('');
  // Asks the server once typing pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => setWords(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const id = useId();
  const { data, loading, error } = useQuery(COLLECTION_REVIEW_CHOICES, {
    variables: { first: SHOWN, filter: words ? { search: words } : undefined },
  });
  const found = data?.reviews.edges.map((edge) => edge.node) ?? [];
  const total = data?.reviews.totalCount ?? 0;
  const choosable = chosen.filter((reviewId) => !present.has(reviewId));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (choosable.length === 0) return;
    if (await onAdd(choosable)) setChosen([]);
  };
  const toggle = (reviewId: string, on: boolean) =>
    setChosen((before) =>
      on ? [...before, reviewId] : before.filter((other) => other !== reviewId),
    );

  return (
    <section aria-labelledby={`${id}-heading`} className="collections__section">
      <h2 id={`${id}-heading`}>Add reviews</h2>
      <form onSubmit={(event) => void submit(event)} className="collections__add">
        <div className="form__field">
          <label htmlFor={`${id}-search`}>Find reviews by reference, title or partnership</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <p className="hint">Only the reviews you may read are offered.</p>
        </div>
        {loading && !data && <p role="status">Looking for reviews…</p>}
        {error && (
          <p className="notice notice--error" role="alert">
            The reviews could not be found: {error.message}
          </p>
        )}
        {data && found.length === 0 && <p>No review you may read matches “{words}”.</p>}
        {found.length > 0 && (
          <fieldset className="collections__choices">
            <legend>
              {total > found.length
                ? `The first ${found.length} of ${total} reviews: narrow the search to see others`
                : `${total} ${total === 1 ? 'review' : 'reviews'}`}
            </legend>
            <ul>
              {found.map((review) => {
                const inIt = present.has(review.id);
                return (
                  <li key={review.id}>
                    <label>
                      <input
                        type="checkbox"
                        disabled={inIt}
                        checked={inIt || chosen.includes(review.id)}
                        onChange={(event) => toggle(review.id, event.target.checked)}
                      />{' '}
                      <strong>{review.reference}</strong> {review.title}{' '}
                      <span className="collections__meta">
                        {review.partnership} · {REVIEW_STATUS_LABELS[review.status]}
                        {inIt ? ' · already in the collection' : ''}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || choosable.length === 0}
        >
          {choosable.length === 0
            ? 'Add the chosen reviews'
            : choosable.length === 1
              ? 'Add the chosen review'
              : `Add the ${choosable.length} chosen reviews`}
        </button>
      </form>
    </section>
  );
}
