import { ReviewRoleName } from '@scr/shared';
import { Role } from '../users/user.entity';

/** What a person may do with one review. */
export type ReviewCapability =
  /** see the review, its registers, chronology, episodes and findings */
  | 'read'
  /** see people's real names rather than only their pseudonyms */
  | 'readRealNames'
  /** add comments to events and episodes */
  | 'comment'
  /** change anything the review team records */
  | 'edit'
  /** add members, see the audit trail */
  | 'manage';

const BY_REVIEW_ROLE: Record<ReviewRoleName, ReviewCapability[]> = {
  LEAD_REVIEWER: ['read', 'readRealNames', 'comment', 'edit', 'manage'],
  REVIEW_TEAM: ['read', 'readRealNames', 'comment', 'edit'],
  CASE_GROUP: ['read', 'readRealNames', 'comment'],
  OBSERVER: ['read', 'readRealNames'],
};

/** Account roles that may read any published review, though never a real name. */
const CORPUS_READERS: Role[] = [Role.ANALYST, Role.TRAINER];

/**
 * The rules of who sees what, in one place: administrators may do everything; members what their
 * review role allows; analysts and trainers may read published reviews; nobody else anything.
 */
export function capabilitiesFor(
  accountRole: Role,
  reviewRole: ReviewRoleName | null,
  published: boolean,
): ReadonlySet<ReviewCapability> {
  if (accountRole === Role.ADMIN) return new Set(BY_REVIEW_ROLE.LEAD_REVIEWER);
  if (reviewRole) return new Set(BY_REVIEW_ROLE[reviewRole]);
  if (published && CORPUS_READERS.includes(accountRole)) return new Set(['read']);
  return new Set();
}
