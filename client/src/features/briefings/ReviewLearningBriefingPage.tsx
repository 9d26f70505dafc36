import { useMutation, useQuery } from '@apollo/client/react';
import { useReview } from '../../app/review-context';
import { LearningBriefingEditor } from './LearningBriefingEditor';
import {
  REVIEW_LEARNING_BRIEFING,
  UPDATE_REVIEW_LEARNING_BRIEFING,
} from './learning-briefing.graphql';

/** The review's learning-lessons briefing: its sections, the computed themes, the preview. */
export function ReviewLearningBriefingPage() {
  const { review } = useReview();
  const { data, loading, error } = useQuery(REVIEW_LEARNING_BRIEFING, {
    variables: { reviewId: review.id },
    fetchPolicy: 'cache-and-network',
  });
  const [update] = useMutation(UPDATE_REVIEW_LEARNING_BRIEFING);
  const briefing = data?.reviewLearningBriefing;

  return (
    <section aria-labelledby="learning-briefing-heading">
      <h2 id="learning-briefing-heading">Learning briefing</h2>
      <p className="hint">
        The partnership’s learning-lessons briefing about this review: background, methodology, good
        practice, the emerging themes over the case, key findings, learning points, recommendations
        and key messages for managers and practitioners. Sections left empty are left out of the
        printed briefing.
      </p>
      {loading && !briefing && <p role="status">Loading the briefing…</p>}
      {error && !briefing && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
      {briefing && (
        <LearningBriefingEditor
          key={review.id}
          briefing={briefing}
          what="this review’s learning briefing"
          download={{
            basePath: `/api/reviews/${review.id}/briefing`,
            fileName: `${review.reference ?? 'review'} learning briefing`,
          }}
          save={async (expectedVersion, input) =>
            (await update({ variables: { reviewId: review.id, expectedVersion, input } })).data
              ?.updateReviewLearningBriefing
          }
        />
      )}
    </section>
  );
}
