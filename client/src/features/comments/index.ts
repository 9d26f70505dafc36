/**
 * The case group's comments: the panel beside an episode's or a finding's editor, and the
 * review's list where the lead reviewer resolves them (loaded lazily by the app from its file).
 */
export { CommentsPanel } from './CommentsPanel';
export type { CommentTarget } from './CommentsPanel';
