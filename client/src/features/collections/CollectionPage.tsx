import { useMutation, useQuery } from '@apollo/client/react';
import { REVIEW_STATUS_LABELS } from '@scr/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../components/graphql-errors';
import type { CollectionReviewFieldsFragment } from '../../gql/graphql';
import { AddReviews } from './AddReviews';
import { ADD_TO_COLLECTION, COLLECTION_PAGE, REMOVE_FROM_COLLECTION } from './collections.graphql';
import './collections.css';

type Member = CollectionReviewFieldsFragment;

/** The reviews of one collection, taken out (with an undo) and added by its owner or an administrator. */
export function CollectionPage() {
  const { collectionId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(COLLECTION_PAGE, {
    variables: { id: collectionId },
    fetchPolicy: 'cache-and-network',
  });
  const [add] = useMutation(ADD_TO_COLLECTION);
  const [remove] = useMutation(REMOVE_FROM_COLLECTION);
  const [removed, setRemoved] = useState<Member | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const collection = data?.collection;

  if (loading && !data) return <p role="status">Loading the collection…</p>;
  if (error && !data) {
    return (
      <p className="notice notice--error" role="alert">
        The collection could not be loaded: {error.message}{' '}
        <button type="button" className="button button--inline" onClick={() => void refetch()}>
          Try again
        </button>
      </p>
    );
  }
  if (!collection) {
    return (
      <>
        <h1>No such collection</h1>
        <p className="notice notice--error" role="alert">
          There is no collection at this address. Go back to{' '}
          <Link to="/collections">the collections</Link>.
        </p>
      </>
    );
  }

  const change = async (what: 'add' | 'remove', reviewIds: string[]) => {
    setBusy(true);
    setProblem(null);
    try {
      const mutate = what === 'add' ? add : remove;
      await mutate({ variables: { collectionId, reviewIds } });
      return true;
    } catch (caught) {
      setProblem(`${what === 'add' ? 'Not added' : 'Not taken out'}: ${messageOf(caught)}`);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const takeOut = async (review: Member) => {
    if (await change('remove', [review.id])) setRemoved(review);
  };
  const undo = async () => {
    if (removed && (await change('add', [removed.id]))) setRemoved(null);
  };
  const reviews = collection.reviews;

  return (
    <div className="collections">
      <p className="breadcrumb">
        <Link to="/collections">Collections</Link> / {collection.name}
      </p>
      <h1>{collection.name}</h1>
      {collection.description && <p className="lede">{collection.description}</p>}
      <nav className="collections__links" aria-label="Work with this collection">
        <Link
          className="button button--secondary"
          to={`/corpus?collection=${collection.id}${collection.canAnalyse ? '&live=1' : ''}`}
          title={
            collection.canAnalyse
              ? 'Counts its reviews as they are now, published or not'
              : 'Counts its published reviews only'
          }
        >
          Analyse in the corpus
        </Link>
        <Link className="button button--secondary" to={`/collections/${collection.id}/briefing`}>
          Learning briefing
        </Link>
      </nav>

      <section aria-labelledby="collection-reviews" className="collections__section">
        <h2 id="collection-reviews">
          Reviews in this collection <span className="collections__count">({reviews.length})</span>
        </h2>
        <p className="hint">
          Only the reviews you may read are listed. The corpus counts the published ones.
        </p>
        <div role="status" className="collections__undo">
          {removed && (
            <>
              {removed.reference} “{removed.title}” was taken out of the collection.{' '}
              <button
                type="button"
                className="button button--inline"
                disabled={busy}
                onClick={() => void undo()}
              >
                Undo
              </button>
            </>
          )}
        </div>
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        {reviews.length === 0 ? (
          <p className="collections__empty">
            No reviews yet.{' '}
            {collection.editable
              ? 'Find them below and add them.'
              : 'Its owner or an administrator adds them.'}
          </p>
        ) : (
          <table className="collections__table">
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Title</th>
                <th scope="col">Partnership</th>
                <th scope="col">Stage</th>
                {collection.editable && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {reviews.map((review) => (
                <tr key={review.id}>
                  <td>
                    <Link to={`/reviews/${review.id}`}>{review.reference}</Link>
                  </td>
                  <td>{review.title}</td>
                  <td>{review.partnership}</td>
                  <td>{REVIEW_STATUS_LABELS[review.status]}</td>
                  {collection.editable && (
                    <td>
                      <button
                        type="button"
                        className="button button--quiet"
                        disabled={busy}
                        aria-label={`Take ${review.reference} out of the collection`}
                        onClick={() => void takeOut(review)}
                      >
                        Take out
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {collection.editable ? (
        <AddReviews
          present={new Set(reviews.map((review) => review.id))}
          busy={busy}
          onAdd={async (ids) => {
            const done = await change('add', ids);
            if (done) setRemoved(null);
            return done;
          }}
        />
      ) : (
        <p className="hint">
          Only the collection’s owner or an administrator adds reviews to it or takes them out.
        </p>
      )}
    </div>
  );
}
