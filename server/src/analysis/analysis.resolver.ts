import { ReviewAccessService } from '../reviews/review-access.service';
import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { Comment } from '../chronology/comment.entity';
import { GraphqlContext } from '../graphql/graphql-context';
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
import { OnReview } from '../auth/policy';

@Resolver(() => PracticeEpisode)
export class EpisodesResolver {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly access: ReviewAccessService,
  ) {}

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => PracticeEpisode)
  async createEpisode(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: EpisodeInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [episode] = await ctx.loaders.withEpisodeDetails([
      await this.analysis.createEpisode(user, reviewId, input, ctx.loaders),
    ]);
    return episode;
  }

  @OnReview('edit', { arg: 'id', of: 'episode' })
  @Mutation(() => PracticeEpisode)
  async updateEpisode(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateEpisodeInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [episode] = await ctx.loaders.withEpisodeDetails([
      await this.analysis.updateEpisode(user, id, expectedVersion, input, ctx.loaders),
    ]);
    return episode;
  }

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => [PracticeEpisode], {
    description: "Puts the review's episodes in the given order (list them all)",
  })
  async reorderEpisodes(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('episodeIds', { type: () => [ID] }) episodeIds: string[],
    @Context() ctx: GraphqlContext,
  ) {
    return ctx.loaders.withEpisodeDetails(
      await this.analysis.reorderEpisodes(user, reviewId, episodeIds, ctx.loaders),
    );
  }

  @OnReview('edit', { arg: 'id', of: 'episode' })
  @Mutation(() => RemovalResult)
  removeEpisode(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.analysis.removeEpisode(user, id, dryRun, ctx.loaders);
  }

  @OnReview('edit', { arg: 'episodeId', of: 'episode' })
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

  @OnReview('edit', { arg: 'id', of: 'factor' })
  @Mutation(() => ContributoryFactor)
  async updateContributoryFactor(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateFactorInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [factor] = await ctx.loaders.withThemes([
      await this.analysis.updateFactor(user, id, expectedVersion, input, ctx.loaders),
    ]);
    return factor;
  }

  @OnReview('edit', { arg: 'id', of: 'factor' })
  @Mutation(() => RemovalResult)
  removeContributoryFactor(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.analysis.removeFactor(user, id, dryRun, ctx.loaders);
  }

  @ResolveField(() => [Comment], {
    description: 'Comments on the episode; empty for those who may not read real names',
  })
  async comments(
    @Parent() episode: PracticeEpisode,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ) {
    if (!(await this.access.mayReadComments(user, episode.reviewId, ctx.loaders))) return [];
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
