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
  /** change anything the review team records; nobody may while the review is published */
  | 'edit'
  /** record the partnership's response to the findings (board actions), before and after publication */
  | 'respond'
  /** add members, see the audit trail, export with real names */
  | 'manage';

export const REVIEW_CAPABILITIES: readonly ReviewCapability[] = [
  'read',
  'readRealNames',
  'comment',
  'edit',
  'respond',
  'manage',
];

const BY_REVIEW_ROLE: Record<ReviewRoleName, ReviewCapability[]> = {
  LEAD_REVIEWER: ['read', 'readRealNames', 'comment', 'edit', 'respond', 'manage'],
  REVIEW_TEAM: ['read', 'readRealNames', 'comment', 'edit', 'respond'],
  CASE_GROUP: ['read', 'readRealNames', 'comment'],
  OBSERVER: ['read', 'readRealNames'],
};

/** Account roles that may read any published review, though never a real name. */
export const CORPUS_READERS: readonly Role[] = [Role.ANALYST, Role.TRAINER];

/**
 * Which review roles an account of each role may hold (docs/decisions/0005-who-may-be-a-member.md).
 * Analysts and trainers study the published corpus: at most they observe a review in progress,
 * and even then without real names.
 */
export const HOLDABLE_REVIEW_ROLES: Record<Role, readonly ReviewRoleName[]> = {
  [Role.ADMIN]: ['LEAD_REVIEWER', 'REVIEW_TEAM', 'CASE_GROUP', 'OBSERVER'],
  [Role.REVIEWER]: ['LEAD_REVIEWER', 'REVIEW_TEAM', 'CASE_GROUP', 'OBSERVER'],
  [Role.ANALYST]: ['OBSERVER'],
  [Role.TRAINER]: ['OBSERVER'],
};

/**
 * The review role a membership works as: the stored one when the account role may hold it,
 * otherwise the highest the account role may hold (an analyst made lead reviewer before the rule,
 * or a reviewer since made analyst, observes).
 */
export function effectiveReviewRole(
  accountRole: Role,
  reviewRole: ReviewRoleName | null,
): ReviewRoleName | null {
  if (!reviewRole) return null;
  const holdable = HOLDABLE_REVIEW_ROLES[accountRole] ?? [];
  return holdable.includes(reviewRole) ? reviewRole : (holdable[0] ?? null);
}

/** What a corpus reader (analyst, trainer) gets from any membership: reading, no real names. */
const CORPUS_READER_MEMBERSHIP: ReviewCapability[] = ['read'];

/** The one rule of what counts as published: the status, nothing else. */
export function isPublished(review: { status: string }): boolean {
  return review.status === 'PUBLISHED';
}

/** The same rule in SQL, for lists: `alias` is the review table's alias. */
export const publishedSql = (alias: string) => `${alias}.status = 'PUBLISHED'`;

/**
 * The rules of who sees what, in one place: administrators may do everything; members what their
 * review role allows, capped by their account role (an analyst or trainer member only reads,
 * whatever role the membership row says, so a later change of account role takes effect at once);
 * analysts and trainers may read published reviews; nobody else anything.
 */
export function capabilitiesFor(
  accountRole: Role,
  reviewRole: ReviewRoleName | null,
  published: boolean,
): ReadonlySet<ReviewCapability> {
  const all = capabilitiesWhileOpen(accountRole, reviewRole, published);
  if (!published) return all;
  // A published review is read-only until it is reopened for correction; only the partnership's
  // response to its findings goes on.
  return new Set([...all].filter((capability) => !READ_ONLY_WHEN_PUBLISHED.includes(capability)));
}

/** What publication takes away from everyone, administrators too. */
export const READ_ONLY_WHEN_PUBLISHED: readonly ReviewCapability[] = ['edit', 'comment'];

/** The capabilities before the read-only rule of published reviews is applied. */
export function capabilitiesWhileOpen(
  accountRole: Role,
  reviewRole: ReviewRoleName | null,
  published: boolean,
): ReadonlySet<ReviewCapability> {
  if (accountRole === Role.ADMIN) return new Set(BY_REVIEW_ROLE.LEAD_REVIEWER);
  if (reviewRole) {
    if (CORPUS_READERS.includes(accountRole)) return new Set(CORPUS_READER_MEMBERSHIP);
    if (!HOLDABLE_REVIEW_ROLES[accountRole]?.includes(reviewRole)) return new Set();
    return new Set(BY_REVIEW_ROLE[reviewRole]);
  }
  if (published && CORPUS_READERS.includes(accountRole)) return new Set(['read']);
  return new Set();
}

/** A collection is changed by whoever made it and by administrators, nobody else. */
export function mayChangeCollection(
  user: { id: string; role: Role },
  collection: { createdById: string | null },
): boolean {
  return (
    user.role === Role.ADMIN || (!!collection.createdById && collection.createdById === user.id)
  );
}
