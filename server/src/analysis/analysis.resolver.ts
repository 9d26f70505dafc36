import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { ReviewComment } from '../chronology/comment.entity';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import { GraphqlContext } from '../common/graphql-context';
import { RemovalResult } from '../common/removal-result';
import { Review } from '../reviews/review.entity';
import { User } from '../users/user.entity';
import { AnalysisService } from './analysis.service';
import { ContributoryFactor } from './contributory-factor.entity';
import {
  EpisodeInput,
  FactorInput,
  UpdateEpisodeInput,
  UpdateFactorInput,
} from './dto/analysis.inputs';
import { PracticeEpisode } from './practice-episode.entity';

@Resolver(() => PracticeEpisode)
export class EpisodesResolver {
  constructor(private readonly analysis: AnalysisService) {}

  @Mutation(() => PracticeEpisode)
  createEpisode(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: EpisodeInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.analysis.createEpisode(user, reviewId, input, ctx.loaders);
  }

  @Mutation(() => PracticeEpisode)
  updateEpisode(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateEpisodeInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.analysis.updateEpisode(user, id, expectedVersion, input, ctx.loaders);
  }

  @Mutation(() => [PracticeEpisode], {
    description: "Puts the review's episodes in the given order (list them all)",
  })
  reorderEpisodes(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('episodeIds', { type: () => [ID] }) episodeIds: string[],
    @Context() ctx: GraphqlContext,
  ) {
    return this.analysis.reorderEpisodes(user, reviewId, episodeIds, ctx.loaders);
  }

  @Mutation(() => RemovalResult)
  removeEpisode(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.analysis.removeEpisode(user, id, dryRun, ctx.loaders);
  }

  @Mutation(() => ContributoryFactor)
  async addContributoryFactor(
    @CurrentUser() user: User,
    @Args('episodeId', { type: () => ID }) episodeId: string,
    @Args('input') input: FactorInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [factor] = await ctx.loaders.withThemes([
      await this.analysis.addFactor(user, episodeId, input, ctx.loaders),
    ]);
    return factor;
  }

  @Mutation(() => ContributoryFactor)
  async updateContributoryFactor(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateFactorInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [factor] = await ctx.loaders.withThemes([
      await this.analysis.updateFactor(user, id, input, ctx.loaders),
    ]);
    return factor;
  }

  @Mutation(() => RemovalResult)
  removeContributoryFactor(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.analysis.removeFactor(user, id, dryRun, ctx.loaders);
  }

  @ResolveField(() => [TimelineEvent], { description: 'The events of the episode, in date order' })
  events(
    @Parent() episode: PracticeEpisode,
    @Context() ctx: GraphqlContext,
  ): Promise<TimelineEvent[]> {
    return ctx.loaders.eventsByEpisode.load(episode.id);
  }

  @ResolveField(() => [ContributoryFactor])
  factors(@Parent() episode: PracticeEpisode, @Context() ctx: GraphqlContext) {
    return ctx.loaders.factorsOfEpisode(episode.reviewId, episode.id);
  }

  @ResolveField(() => [ReviewComment])
  comments(@Parent() episode: PracticeEpisode, @Context() ctx: GraphqlContext) {
    return ctx.loaders.commentsByEpisode.load(episode.id);
  }
}

@Resolver(() => ContributoryFactor)
export class FactorsResolver {
  @ResolveField(() => PracticeEpisode)
  episode(@Parent() factor: ContributoryFactor, @Context() ctx: GraphqlContext) {
    return ctx.loaders.episodeById.load(factor.episodeId);
  }
}

@Resolver(() => Review)
export class ReviewAnalysisResolver {
  @ResolveField(() => [PracticeEpisode], { description: 'Key practice episodes, in order' })
  episodes(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return ctx.loaders.episodesByReview.load(review.id);
  }
}
