import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useReview } from '../../app/review-context';
import { EmptyState } from '../../components/EmptyState';
import { messageOf } from '../../components/graphql-errors';
import type { CaseGroupCommentsQuery, CommentState } from '../../gql/graphql';
import { CommentItem } from './CommentItem';
import { countComments, formatMoment } from './comment-format';
import {
  CASE_GROUP_COMMENTS,
  RESOLVE_COMMENT,
  SIGN_OFF_ANALYSIS,
  WITHDRAW_ANALYSIS_SIGN_OFF,
} from './comments.graphql';
import './comments.css';

type Review = NonNullable<CaseGroupCommentsQuery['review']>;
type Comment = Review['comments'][number];

const FILTERS: { state: CommentState; label: string; word: 'open' | 'resolved' | '' }[] = [
  { state: 'OPEN', label: 'Open', word: 'open' },
  { state: 'RESOLVED', label: 'Resolved', word: 'resolved' },
  { state: 'ALL', label: 'All', word: '' },
];

/** What a comment is on, linked to where it is. */
function About({ comment, review }: { comment: Comment; review: Review }) {
  if (comment.findingId) {
    const finding = review.findings.find((each) => each.id === comment.findingId);
    return (
      <Link to={`../findings/${comment.findingId}`} relative="path">
        on finding {finding ? `${finding.ordinal} “${finding.title}”` : ''}
      </Link>
    );
  }
  if (comment.episodeId) {
    const episode = review.episodes.find((each) => each.id === comment.episodeId);
    return (
      <Link to={`../episodes/${comment.episodeId}`} relative="path">
        on episode {episode ? `${episode.ordinal} “${episode.title}”` : ''}
      </Link>
    );
  }
  return (
    <Link to="../chronology" relative="path">
      on an event in the chronology
    </Link>
  );
}

/** The case group's sign-off on the analysis: whether it is given, and the lead's means to record or withdraw it. */
function SignOff({ review, canManage }: { review: Review; canManage: boolean }) {
  const [signOff, signing] = useMutation(SIGN_OFF_ANALYSIS);
  const [withdraw, withdrawing] = useMutation(WITHDRAW_ANALYSIS_SIGN_OFF);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = signing.loading || withdrawing.loading;
  const run = async (signed: boolean) => {
    setProblem(null);
    const options = {
      variables: { reviewId: review.id },
      refetchQueries: ['ReviewHome', 'CaseGroupComments'],
    };
    try {
      await (signed ? signOff(options) : withdraw(options));
    } catch (caught) {
      setProblem(messageOf(caught));
    }
  };
  return (
    <section className="case-group-comments__sign-off" aria-labelledby="case-group-sign-off">
      <h2 id="case-group-sign-off">Sign-off on the analysis</h2>
      {review.caseGroupSignedOffAt ? (
        <p>
          <span aria-hidden="true">✓ </span>The case group signed off the analysis on{' '}
          {formatMoment(review.caseGroupSignedOffAt)}
          {review.caseGroupSignedOffBy ? ` (recorded by ${review.caseGroupSignedOffBy})` : ''}.
        </p>
      ) : (
        <p>
          The case group has not signed off the analysis yet. The review needs its sign-off before
          drafting.
        </p>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {canManage && (
        <div className="form__actions">
          {review.caseGroupSignedOffAt ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void run(false)}
            >
              Withdraw the sign-off
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void run(true)}
            >
              Record the case group’s sign-off
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * The case group's comments on the review's episodes, findings and events, open or resolved, where
 * the lead reviewer resolves them and records the case group's sign-off on the analysis.
 */
export function CaseGroupCommentsPage() {
  const { review } = useReview();
  const canManage = review.myCapabilities.includes('manage');
  const [filter, setFilter] = useState(FILTERS[0]);
  const { data, loading, error, refetch } = useQuery(CASE_GROUP_COMMENTS, {
    variables: { reviewId: review.id, state: filter.state },
  });
  const [resolve, resolving] = useMutation(RESOLVE_COMMENT, {
    refetchQueries: ['CaseGroupComments'],
    awaitRefetchQueries: true,
  });
  const [problem, setProblem] = useState<string | null>(null);

  const setResolved = async (id: string, resolved: boolean) => {
    setProblem(null);
    try {
      await resolve({ variables: { id, resolved } });
    } catch (caught) {
      setProblem(messageOf(caught));
    }
  };

  const loaded = data?.review;
  return (
    <div className="case-group-comments">
      <h1>Case group</h1>
      <p className="hint">
        The case group’s comments on key practice episodes and findings. The lead reviewer marks
        each resolved once it has been dealt with.
      </p>
      <fieldset className="case-group-comments__filter">
        <legend>Show</legend>
        {FILTERS.map((each) => (
          <label key={each.state}>
            <input
              type="radio"
              name="comment-state"
              checked={filter.state === each.state}
              onChange={() => setFilter(each)}
            />{' '}
            {each.label}
          </label>
        ))}
      </fieldset>
      {loading && !loaded && <p role="status">Loading the comments…</p>}
      {error && !loaded && (
        <div className="notice notice--error" role="alert">
          <p>The comments could not be loaded: {messageOf(error)}</p>
          <button type="button" className="button button--secondary" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {loaded && loaded.comments.length === 0 && (
        <EmptyState title={`No ${filter.word ? `${filter.word} ` : ''}comments`}>
          <p>
            Members of the case group comment from each episode’s and finding’s page; their comments
            are listed here.
          </p>
        </EmptyState>
      )}
      {loaded && loaded.comments.length > 0 && (
        <>
          <p role="status">{countComments(loaded.comments.length, filter.word)}</p>
          <ul className="comments" aria-label="Comments">
            {loaded.comments.map((comment) => (
              <CommentItem
                key={comment.id}
                comment={comment}
                about={<About comment={comment} review={loaded} />}
                busy={resolving.loading}
                onResolve={
                  canManage ? (resolved) => void setResolved(comment.id, resolved) : undefined
                }
              />
            ))}
          </ul>
        </>
      )}
      {loaded && <SignOff review={loaded} canManage={canManage} />}
    </div>
  );
}
