import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { GraphqlContext } from '../graphql/graphql-context';
import { isPublished } from '../reviews/review-access';
import { ReviewAccessService } from '../reviews/review-access.service';
import { User } from '../users/user.entity';
import { CorpusReview } from './corpus.types';

/**
 * What a corpus review is now, for the caller: a snapshot outlives its review's publication (the
 * review may have been reopened for correction since), so a link to the review is offered only
 * when it would open.
 */
@Resolver(() => CorpusReview)
export class CorpusReviewResolver {
  constructor(private readonly access: ReviewAccessService) {}

  @ResolveField(() => Boolean, {
    description:
      'Whether the review is published now; false when it was reopened for correction after this snapshot (always true for a coded report)',
  })
  async currentlyPublished(
    @Parent() row: CorpusReview,
    @Context() ctx: GraphqlContext,
  ): Promise<boolean> {
    // A coded report is a published document: nothing reopens it.
    if (row.source === 'REPORT') return true;
    const review = await ctx.loaders.reviewById.load(row.reviewId);
    return !!review && isPublished(review);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether you may open the review itself now (review(id: reviewId)); false for a coded report',
  })
  async readable(
    @Parent() row: CorpusReview,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ): Promise<boolean> {
    // A coded report has no review to open (its reportId opens it in the library).
    if (row.source === 'REPORT') return false;
    const review = await ctx.loaders.reviewById.load(row.reviewId);
    return !!review && (await this.access.capabilities(user, review, ctx.loaders)).has('read');
  }
}
