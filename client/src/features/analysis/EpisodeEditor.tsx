import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../components/graphql-errors';
import { useReview } from '../../app/review-context';
import { CommentsPanel } from '../comments';
import { EpisodeEditorForm } from './EpisodeEditorForm';
import { EPISODE_EDITOR } from './episodes.graphql';
import './episodes.css';
import './episode-editor.css';

/** One key practice episode: what happened, the view from the tunnel, appraisal and factors. */
export function EpisodeEditor() {
  const { review, canEdit } = useReview();
  const { episodeId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(EPISODE_EDITOR, {
    variables: { reviewId: review.id },
  });

  if (loading && !data) return <p role="status">Loading the episode…</p>;
  if (error || !data?.review) {
    return (
      <div className="notice notice--error" role="alert">
        The episode could not be loaded:{' '}
        {error ? messageOf(error) : 'the review is no longer there.'}{' '}
        <button type="button" className="button button--inline" onClick={() => void refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const episodes = [...data.review.episodes].sort((a, b) => a.ordinal - b.ordinal);
  const index = episodes.findIndex((episode) => episode.id === episodeId);
  if (index < 0) {
    return (
      <>
        <p className="notice notice--error" role="alert">
          This episode is not in the review: it may have been removed.
        </p>
        <Link to=".." relative="path">
          Back to the key practice episodes
        </Link>
      </>
    );
  }
  return (
    <>
      <EpisodeEditorForm
        key={episodeId}
        reviewId={review.id}
        episode={episodes[index]}
        position={index + 1}
        themes={data.themes}
        canEdit={canEdit}
      />
      <CommentsPanel key={`comments-${episodeId}`} target={{ episodeId }} />
    </>
  );
}
