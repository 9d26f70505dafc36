import { ReactNode } from 'react';
import { formatMoment } from './comment-format';

export interface CommentView {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
  resolvedAt?: string | null;
  resolvedBy?: string | null;
}

/**
 * One comment: who wrote it and when, its words, and whether it is resolved, in words as well as
 * by its mark. `about` says what it is on; `onResolve` gives the lead reviewer the button.
 */
export function CommentItem({
  comment,
  about,
  busy,
  onResolve,
}: {
  comment: CommentView;
  about?: ReactNode;
  busy?: boolean;
  onResolve?: (resolved: boolean) => void;
}) {
  const resolved = Boolean(comment.resolvedAt);
  return (
    <li className={`comment${resolved ? ' comment--resolved' : ''}`}>
      <p className="comment__meta">
        <strong>{comment.authorName}</strong>, {formatMoment(comment.createdAt)}
        {about && <> · {about}</>}
      </p>
      <p className="comment__body">{comment.body}</p>
      <p className="comment__state">
        {resolved ? (
          <>
            <span aria-hidden="true">✓ </span>Resolved
            {comment.resolvedBy ? ` by ${comment.resolvedBy}` : ''}
            {comment.resolvedAt ? `, ${formatMoment(comment.resolvedAt)}` : ''}
          </>
        ) : (
          'Open'
        )}
        {onResolve && (
          <button
            type="button"
            className="button button--inline"
            disabled={busy}
            onClick={() => onResolve(!resolved)}
          >
            {resolved ? 'Reopen' : 'Mark resolved'}
          </button>
        )}
      </p>
    </li>
  );
}
