import { useMutation, useQuery } from '@apollo/client/react';
import { TEXT_LIMITS } from '@scr/shared';
import { FormEvent, useId, useState } from 'react';
import { useReview } from '../../app/review-context';
import { messageOf } from '../../components/graphql-errors';
import { CommentItem } from './CommentItem';
import { ADD_COMMENT, CASE_GROUP_COMMENTS, RESOLVE_COMMENT } from './comments.graphql';
import './comments.css';

/** What the panel's comments are on: one episode or one finding. */
export type CommentTarget = { episodeId: string } | { findingId: string };

/**
 * The comments on one episode or finding, beside its editor: members of the case group (and the
 * review team) add theirs; the lead reviewer marks each resolved, here or in the review's list.
 */
export function CommentsPanel({ target }: { target: CommentTarget }) {
  const { review } = useReview();
  const canComment = review.myCapabilities.includes('comment');
  const canResolve = review.myCapabilities.includes('manage');
  const headingId = useId();
  const fieldId = useId();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { data, loading, error } = useQuery(CASE_GROUP_COMMENTS, {
    variables: { reviewId: review.id, state: 'ALL' },
  });
  const refetch = { refetchQueries: ['CaseGroupComments'], awaitRefetchQueries: true };
  const [add, adding] = useMutation(ADD_COMMENT, refetch);
  const [resolve, resolving] = useMutation(RESOLVE_COMMENT, refetch);

  const comments = (data?.review?.comments ?? []).filter((comment) =>
    'episodeId' in target
      ? comment.episodeId === target.episodeId
      : comment.findingId === target.findingId,
  );
  const what = 'episodeId' in target ? 'episode' : 'finding';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setProblem('Write the comment first.');
      return;
    }
    setProblem(null);
    try {
      await add({ variables: { reviewId: review.id, input: { ...target, body: body.trim() } } });
      setBody('');
    } catch (caught) {
      setProblem(messageOf(caught));
    }
  };

  const setResolved = async (id: string, resolved: boolean) => {
    setProblem(null);
    try {
      await resolve({ variables: { id, resolved } });
    } catch (caught) {
      setProblem(messageOf(caught));
    }
  };

  return (
    <section className="comments-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Case group comments</h2>
      {loading && !data && <p role="status">Loading the comments…</p>}
      {error && !data && (
        // Not an alert: the panel is beside the editor, whose own messages are the alerts.
        <p className="notice notice--error">The comments could not be loaded: {messageOf(error)}</p>
      )}
      {data && comments.length === 0 && (
        <p className="comments-panel__empty">No comments on this {what} yet.</p>
      )}
      {comments.length > 0 && (
        <ul className="comments">
          {comments.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              busy={resolving.loading}
              onResolve={
                canResolve ? (resolved) => void setResolved(comment.id, resolved) : undefined
              }
            />
          ))}
        </ul>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {canComment && (
        <form className="comments-panel__form" onSubmit={(event) => void submit(event)}>
          <label htmlFor={fieldId}>Your comment on this {what}</label>
          <textarea
            id={fieldId}
            rows={3}
            value={body}
            maxLength={TEXT_LIMITS.commentBody}
            onChange={(event) => setBody(event.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--secondary" disabled={adding.loading}>
              {adding.loading ? 'Adding…' : 'Add comment'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
