import { useQuery } from '@apollo/client/react';
import { BOARD_ACTION_STATUS_LABELS, readinessForNextStage, formatPartialDate } from '@scr/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useReview } from '../../app/review-context';
import { REVIEW_HOME } from './review-home.graphql';
import { keyFiguresOf, readinessOf, ReviewHomeData } from './review-home-readiness';
import { ReviewHomeDetails } from './ReviewHomeDetails';
import { ReviewHomeMembers } from './ReviewHomeMembers';
import { PublicationDialog } from './PublicationDialog';
import { PublishedNotice } from './PublishedNotice';
import { ReviewReportSection } from './ReviewReportSection';
import { ReviewHomeStage } from './ReviewHomeStage';
import { useReviewUpdate } from './ReviewHomeUpdate';
import './review-home.css';

/** Board actions past their date: the first thing a lead reviewer or board member should see. */
function OverdueActions({ actions }: { actions: ReviewHomeData['overdueActions'] }) {
  if (actions.length === 0) return null;
  return (
    <section className="review-home__overdue" aria-labelledby="review-overdue">
      <h2 id="review-overdue">
        <span className="review-home__overdue-mark" aria-hidden="true">
          !
        </span>
        {actions.length === 1
          ? 'One board action is overdue'
          : `${actions.length} board actions are overdue`}
      </h2>
      <ul>
        {actions.map((action) => (
          <li key={action.id}>
            <strong>{action.description}</strong>
            <span className="review-home__overdue-detail">
              {action.dueDate ? `due ${formatPartialDate(action.dueDate, 'DAY')}` : 'no due date'}
              {' · '}
              {BOARD_ACTION_STATUS_LABELS[action.status]}
              {action.owningAgency ? ` · ${action.owningAgency.name}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <Link className="button button--secondary" to="board">
        Go to the board response
      </Link>
    </section>
  );
}

function KeyFigures({ review }: { review: ReviewHomeData }) {
  return (
    <section className="review-home__card" aria-labelledby="review-figures">
      <h2 id="review-figures">Key figures</h2>
      <ul className="review-home__figures">
        {keyFiguresOf(review).map((figure) => (
          <li key={figure.key}>
            <Link to={figure.tab} className="review-home__figure">
              <span className="review-home__figure-value">{figure.value}</span>
              <span className="review-home__figure-label">{figure.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReviewHomeLoaded({ review }: { review: ReviewHomeData }) {
  const { canEdit, review: header, isAdministrator } = useReview();
  const canManage = header.myCapabilities.includes('manage');
  const [editingDetails, setEditingDetails] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [justPublished, setJustPublished] = useState<number | null>(null);
  const details = useReviewUpdate(review);
  const stage = useReviewUpdate(review);
  const { next, missing } = readinessForNextStage(readinessOf(review));

  return (
    <div className="review-home">
      <OverdueActions actions={review.overdueActions} />
      <div className="review-home__columns">
        <div className="review-home__main">
          {review.status === 'PUBLISHED' && (
            <PublishedNotice
              reviewId={review.id}
              version={review.publishedVersion ?? null}
              publishedAt={review.publishedAt ?? null}
              canReopen={canManage}
              canWithdraw={isAdministrator}
              justPublished={justPublished}
            />
          )}
          <ReviewHomeStage
            status={review.status}
            next={next}
            missing={missing}
            canEdit={canEdit}
            moving={stage.saving}
            error={stage.error}
            onMove={(status, stageOverrideReason) =>
              void stage.save(
                stageOverrideReason ? { status, stageOverrideReason } : { status },
                () => undefined,
              )
            }
            onPublish={() => setPublishing(true)}
            onFixDetails={() => setEditingDetails(true)}
          />
          {publishing && (
            <PublicationDialog
              reviewId={review.id}
              canOverride={canManage}
              onClose={() => setPublishing(false)}
              onPublished={(version) => {
                setPublishing(false);
                setJustPublished(version);
              }}
            />
          )}
          <ReviewHomeDetails
            details={review}
            canEdit={canEdit}
            editing={editingDetails}
            onEdit={() => setEditingDetails(true)}
            onCancel={() => {
              details.clearError();
              setEditingDetails(false);
            }}
            onSave={(changes) => void details.save(changes, () => setEditingDetails(false))}
            saving={details.saving}
            error={details.error}
          />
        </div>
        <div className="review-home__side">
          <KeyFigures review={review} />
          <ReviewReportSection reviewId={review.id} reference={header.reference ?? 'review'} />
          <ReviewHomeMembers reviewId={review.id} members={review.members} canManage={canManage} />
        </div>
      </div>
      {details.conflictDialog}
      {stage.conflictDialog}
    </div>
  );
}

/** The review's home: where it stands, what is missing for the next stage, and who works on it. */
export function ReviewHome() {
  const { review: header } = useReview();
  const { data, loading, error, refetch } = useQuery(REVIEW_HOME, {
    variables: { id: header.id },
  });
  if (loading && !data) return <p role="status">Loading the review’s home…</p>;
  if (error && !data) {
    return (
      <div className="notice notice--error" role="alert">
        The review’s home could not be loaded: {error.message}{' '}
        <button type="button" className="button button--inline" onClick={() => void refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (!data?.review) {
    return (
      <p className="notice notice--error" role="alert">
        This review is no longer available.
      </p>
    );
  }
  return <ReviewHomeLoaded review={data.review} />;
}
