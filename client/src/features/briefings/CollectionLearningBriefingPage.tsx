import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { LearningBriefingEditor } from './LearningBriefingEditor';
import {
  COLLECTION_LEARNING_BRIEFING,
  UPDATE_COLLECTION_LEARNING_BRIEFING,
} from './learning-briefing.graphql';

/**
 * The learning briefing of a collection (an audit round): the emerging themes are percentages
 * over the collection's reviews that you may read, as they are now.
 */
export function CollectionLearningBriefingPage() {
  const { collectionId = '' } = useParams();
  const { data, loading, error } = useQuery(COLLECTION_LEARNING_BRIEFING, {
    variables: { collectionId },
    fetchPolicy: 'cache-and-network',
  });
  const [update] = useMutation(UPDATE_COLLECTION_LEARNING_BRIEFING);
  const briefing = data?.collectionLearningBriefing;
  const collection = data?.collection;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/collections">Collections</Link> /{' '}
        <Link to={`/collections/${collectionId}`}>{collection?.name ?? '…'}</Link> / Learning
        briefing
      </p>
      <h1>Learning briefing{collection ? `: ${collection.name}` : ''}</h1>
      {collection?.description && <p className="lede">{collection.description}</p>}
      {loading && !briefing && <p role="status">Loading the briefing…</p>}
      {error && !briefing && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
      {briefing && (
        <LearningBriefingEditor
          key={collectionId}
          briefing={briefing}
          what="this collection’s learning briefing"
          download={{
            basePath: `/api/collections/${collectionId}/briefing`,
            fileName: `${collection?.name ?? 'collection'} learning briefing`,
          }}
          save={async (expectedVersion, input) =>
            (await update({ variables: { collectionId, expectedVersion, input } })).data
              ?.updateCollectionLearningBriefing
          }
        />
      )}
    </>
  );
}
