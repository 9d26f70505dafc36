import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from '../common/app-error';
import { RequestLoaders } from '../common/request-loaders';
import { User } from '../users/user.entity';
import { capabilitiesFor, isPublished, ReviewCapability } from './review-access';
import { Review } from './review.entity';

export const REFUSALS: Record<ReviewCapability, string> = {
  read: 'You are not a member of this review.',
  readRealNames: 'Real names are visible to members of the review only.',
  comment: 'Only members of this review may comment on it.',
  edit: 'Your role on this review does not allow changes.',
  manage: "Only the review's lead reviewer or an administrator may do this.",
};

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
    if (!allowed.has(capability))
      throw forbidden(REFUSALS[allowed.has('read') ? capability : 'read']);
    return review;
  }
}
