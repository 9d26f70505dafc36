import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { COLLECTION_LIST } from './collections.graphql';
import { CreateCollectionDialog } from './CreateCollectionDialog';
import './collections.css';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** The collections: named sets of reviews analysed together, such as an audit round. */
export function CollectionsPage() {
  const { data, loading, error, refetch } = useQuery(COLLECTION_LIST, {
    fetchPolicy: 'cache-and-network',
  });
  const [creating, setCreating] = useState(false);
  const collections = data?.collections;

  return (
    <div className="collections">
      <div className="collections__top">
        <h1>Collections</h1>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          New collection
        </button>
      </div>
      <p className="lede">
        A collection is a set of reviews you analyse together, such as a partnership’s audit round
        or a national sample: the corpus figures and a learning briefing can be worked out over its
        reviews alone.
      </p>
      {loading && !collections && <p role="status">Loading the collections…</p>}
      {error && !collections && (
        <p className="notice notice--error" role="alert">
          The collections could not be loaded: {error.message}{' '}
          <button type="button" className="button button--inline" onClick={() => void refetch()}>
            Try again
          </button>
        </p>
      )}
      {collections && collections.length === 0 && (
        <EmptyState title="No collections yet">
          <p>
            Create one for an audit round (“Neglect audit, four cases”) or a national sample, add
            the reviews it covers, then analyse them in the corpus or write its learning briefing:
            the percentages, such as “100% of cases had neglect”, are computed over its reviews.
          </p>
        </EmptyState>
      )}
      {collections && collections.length > 0 && (
        <ul className="collections__list" aria-label="Collections">
          {collections.map((collection) => (
            <li key={collection.id} className="collections__item">
              <Link to={collection.id} className="collections__name">
                {collection.name}
              </Link>
              {collection.description && (
                <p className="collections__description">{collection.description}</p>
              )}
              <p className="collections__meta">
                {collection.reviews.length === 1
                  ? '1 review you may read'
                  : `${collection.reviews.length} reviews you may read`}
                {' · created '}
                {dateFormat.format(new Date(collection.createdAt))}
                {collection.editable ? ' · you may change it' : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {creating && <CreateCollectionDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
