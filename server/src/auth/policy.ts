import { Role } from '../users/user.entity';
import type { ReviewCapability } from '../reviews/review-access';

/** Metadata key under which each handler (or class) lists its permission declarations. */
export const POLICIES = 'scr:policies';

/** Records of a review that an operation may name instead of the review itself. */
export const REVIEW_RECORD_TABLES = {
  agency: 'agency',
  person: 'person',
  relationship: 'person_relationship',
  event: 'timeline_event',
  episode: 'practice_episode',
  factor: 'contributory_factor',
  finding: 'finding',
  boardAction: 'board_action',
  comment: 'review_comment',
  reviewQuestion: 'review_question',
  reviewConversation: 'review_conversation',
} as const;
export type ReviewRecord = keyof typeof REVIEW_RECORD_TABLES;

/** Where the guard finds the review an operation acts on. */
export type ReviewSource =
  /** a GraphQL argument holding the review's id */
  | { arg: string }
  /** a GraphQL argument holding the id of a record of the review */
  | { arg: string; of: ReviewRecord }
  /** a route parameter holding the review's id */
  | { param: string };

/** Who may call an operation: exactly one of these is declared next to each operation. */
export type Policy =
  /** anyone, signed in or not */
  | { kind: 'public' }
  /** any signed-in account; `scope` says how the operation narrows what it gives */
  | { kind: 'signedIn'; scope: string }
  /** signed-in accounts of these roles */
  | { kind: 'roles'; roles: Role[] }
  /** those whose capabilities on the review (review-access.ts) include `capability` */
  | { kind: 'review'; capability: ReviewCapability; from: ReviewSource }
  /** the owner of the collection named by the argument, and administrators */
  | { kind: 'collectionOwner'; arg: string }
  /**
   * The corpus: accounts of these roles over published snapshots; and anyone, these roles too,
   * for a live analysis of a collection (`filter.live`, or `live=true` on a route) whose every
   * review they may read.
   */
  | { kind: 'corpus'; roles: Role[] };

/** Adds a declaration to a method or a class (a class's declaration covers all its handlers). */
export function declarePolicy(policy: Policy) {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    const holder: object = descriptor ? descriptor.value : target;
    const list: Policy[] = Reflect.getOwnMetadata(POLICIES, holder) ?? [];
    Reflect.defineMetadata(POLICIES, [...list, policy], holder);
  };
}

/** Any signed-in account; say in `scope` what the operation then narrows (it is printed). */
export const SignedIn = (scope: string) => declarePolicy({ kind: 'signedIn', scope });

/**
 * The caller's capabilities on the review named by `from` must include `capability`. The guard
 * checks it before the operation runs; an id that names nothing is left to the operation (which
 * answers NOT_FOUND, or null).
 */
export const OnReview = (capability: ReviewCapability, from: ReviewSource) =>
  declarePolicy({ kind: 'review', capability, from });

/** Only the owner of the collection named by the argument `arg`, and administrators. */
export const OwnsCollection = (arg: string) => declarePolicy({ kind: 'collectionOwner', arg });

/**
 * The corpus's analyses: accounts of these roles over the published snapshots, and anyone who may
 * read every review of the collection for a live analysis of it (CorpusFilter.live).
 */
export const CorpusAnalysis = (...roles: Role[]) => declarePolicy({ kind: 'corpus', roles });

/** The declarations of a handler and of its class, together: there must be exactly one. */
export function declaredPolicies(handler: object, type: object): Policy[] {
  return [
    ...((Reflect.getOwnMetadata(POLICIES, handler) as Policy[] | undefined) ?? []),
    ...((Reflect.getOwnMetadata(POLICIES, type) as Policy[] | undefined) ?? []),
  ];
}

/** The declaration in words, as docs/permissions.md shows it. */
export function describePolicy(policy: Policy): string {
  switch (policy.kind) {
    case 'public':
      return 'public';
    case 'signedIn':
      return `signed in (${policy.scope})`;
    case 'roles':
      return `account role ${policy.roles.join(' or ')}`;
    case 'review': {
      const from = policy.from;
      const where =
        'param' in from
          ? `route :${from.param}`
          : 'of' in from
            ? `the ${from.of} in ${from.arg}`
            : from.arg;
      return `${policy.capability} on the review (${where})`;
    }
    case 'collectionOwner':
      return `owner of the collection (${policy.arg}) or ADMIN`;
    case 'corpus':
      return `account role ${policy.roles.join(' or ')} (published reviews); with filter.live, whoever may read every review of the collection`;
  }
}
