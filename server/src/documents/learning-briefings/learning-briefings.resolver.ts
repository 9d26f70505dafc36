import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../../auth/current-user.decorator';
import { OnReview, OwnsCollection, SignedIn } from '../../auth/policy';
import { GraphqlContext } from '../../graphql/graphql-context';
import { User } from '../../users/user.entity';
import { LearningBriefingInput } from './dto/learning-briefing.input';
import { LearningBriefing } from './learning-briefing.types';
import { LearningBriefingsService } from './learning-briefings.service';

@Resolver(() => LearningBriefing)
export class LearningBriefingsResolver {
  constructor(private readonly briefings: LearningBriefingsService) {}

  @OnReview('read', { arg: 'reviewId' })
  @Query(() => LearningBriefing, {
    description: "The review's learning briefing (version 0 and empty sections until first saved)",
  })
  reviewLearningBriefing(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.briefings.forReview(user, reviewId, ctx.loaders);
  }

  @SignedIn("counts only the collection's reviews the account may read")
  @Query(() => LearningBriefing, {
    description:
      "The collection's learning briefing: emerging themes over the collection's reviews that you may read",
  })
  collectionLearningBriefing(
    @CurrentUser() user: User,
    @Args('collectionId', { type: () => ID }) collectionId: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.briefings.forCollection(user, collectionId, ctx.loaders);
  }

  @OnReview('respond', { arg: 'reviewId' })
  @Mutation(() => LearningBriefing, {
    description:
      "Saves every section of the review's learning briefing; expectedVersion 0 for the first save, a stale one is CONFLICT",
  })
  updateReviewLearningBriefing(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: LearningBriefingInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.briefings.saveForReview(user, reviewId, expectedVersion, input, ctx.loaders);
  }

  @OwnsCollection('collectionId')
  @Mutation(() => LearningBriefing, {
    description:
      "Saves every section of the collection's learning briefing; expectedVersion 0 for the first save, a stale one is CONFLICT",
  })
  updateCollectionLearningBriefing(
    @CurrentUser() user: User,
    @Args('collectionId', { type: () => ID }) collectionId: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: LearningBriefingInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.briefings.saveForCollection(
      user,
      collectionId,
      expectedVersion,
      input,
      ctx.loaders,
    );
  }
}
