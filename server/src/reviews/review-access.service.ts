import { Injectable } from '@nestjs/common';
import { AppError, badInput, forbidden, notFound } from '../common/app-error';
import { RequestLoaders } from '../common/request-loaders';
import { User } from '../users/user.entity';
import {
  capabilitiesFor,
  capabilitiesWhileOpen,
  isPublished,
  READ_ONLY_WHEN_PUBLISHED,
  ReviewCapability,
} from './review-access';
import { Review } from './review.entity';

export const REFUSALS: Record<ReviewCapability, string> = {
  read: 'You are not a member of this review.',
  readRealNames: 'Real names are visible to members of the review only.',
  comment: 'Only members of this review may comment on it.',
  edit: 'Your role on this review does not allow changes.',
  respond: "Your role on this review does not allow changes to the partnership's response.",
  manage: "Only the review's lead reviewer or an administrator may do this.",
};

export const PUBLISHED_READ_ONLY =
  'This review is published and read-only: the lead reviewer or an administrator reopens it for correction (reopenReview) before it can change. Board actions stay open.';

@Injectable()
export class ReviewAccessService {
  async capabilities(
    user: User,
    review: Review,
    loaders: RequestLoaders,
  ): Promise<ReadonlySet<ReviewCapability>> {
    const members = await loaders.membersByReview.load(review.id);
    const role = members.find((member) => member.userId === user.id)?.role ?? null;
    return capabilitiesFor(user.role, role, isPublished(review));
  }

  /**
   * The error for a user refused `capability` on the review: BAD_USER_INPUT when only publication
   * stands in the way (the review is read-only until reopened), FORBIDDEN otherwise.
   */
  async refusal(
    user: User,
    review: Review,
    capability: ReviewCapability,
    loaders: RequestLoaders,
  ): Promise<AppError> {
    const members = await loaders.membersByReview.load(review.id);
    const role = members.find((member) => member.userId === user.id)?.role ?? null;
    const published = isPublished(review);
    const allowed = capabilitiesFor(user.role, role, published);
    if (
      published &&
      READ_ONLY_WHEN_PUBLISHED.includes(capability) &&
      capabilitiesWhileOpen(user.role, role, published).has(capability)
    )
      return badInput(PUBLISHED_READ_ONLY, { reason: 'PUBLISHED' });
    return forbidden(REFUSALS[allowed.has('read') ? capability : 'read']);
  }

  /**
   * Whether the user may read the review team's comments on the review: they may name the family
   * (the anonymisation check flags them, and publication may go ahead with an override, since
   * comments never reach the corpus), so only those who may read real names.
   */
  async mayReadComments(user: User, reviewId: string, loaders: RequestLoaders): Promise<boolean> {
    const review = await loaders.reviewById.load(reviewId);
    return !!review && (await this.capabilities(user, review, loaders)).has('readRealNames');
  }

  /** How many of the reviews the user may not read (an id that names no review counts too). */
  async unreadable(user: User, reviewIds: string[], loaders: RequestLoaders): Promise<number> {
    const reviews = await loaders.reviewById.loadMany(reviewIds);
    const readable = await Promise.all(
      reviews.map(
        async (review) =>
          review instanceof Review && (await this.capabilities(user, review, loaders)).has('read'),
      ),
    );
    return readable.filter((may) => !may).length;
  }

  /** The review, when the user may do `capability` with it; NOT_FOUND or FORBIDDEN otherwise. */
  async require(
    user: User,
    reviewId: string,
    capability: ReviewCapability,
    loaders: RequestLoaders,
  ): Promise<Review> {
    // The members are asked for alongside the review: one round trip instead of two.
    const [review] = await Promise.all([
      loaders.reviewById.load(reviewId),
      loaders.membersByReview.load(reviewId),
    ]);
    if (!review) throw notFound(`There is no review with id ${reviewId}.`);
    const allowed = await this.capabilities(user, review, loaders);
    if (!allowed.has(capability)) throw await this.refusal(user, review, capability, loaders);
    return review;
  }
}
