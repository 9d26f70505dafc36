import { ReviewAccessService } from '../reviews/review-access.service';
import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { Comment } from '../chronology/comment.entity';
import { GraphqlContext } from '../graphql/graphql-context';
import { RemovalResult } from '../common/removal-result';
import { today } from '../common/today';
import { Review } from '../reviews/review.entity';
import { User } from '../users/user.entity';
import { BoardAction } from './board-action.entity';
import { BoardActionInput, FindingInput, UpdateBoardActionInput } from './dto/finding.inputs';
import { Finding } from './finding.entity';
import { FindingsService } from './findings.service';
import { OnReview } from '../auth/policy';

@Resolver(() => Finding)
export class FindingsResolver {
  constructor(
    private readonly findingsService: FindingsService,
    private readonly access: ReviewAccessService,
  ) {}

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => Finding)
  async createFinding(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: FindingInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [finding] = await ctx.loaders.withFindingDetails([
      await this.findingsService.createFinding(user, reviewId, input, ctx.loaders),
    ]);
    return finding;
  }

  @OnReview('edit', { arg: 'id', of: 'finding' })
  @Mutation(() => Finding)
  async updateFinding(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: FindingInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [finding] = await ctx.loaders.withFindingDetails([
      await this.findingsService.updateFinding(user, id, expectedVersion, input, ctx.loaders),
    ]);
    return finding;
  }

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => [Finding], {
    description: "Puts the review's findings in the given order (list them all)",
  })
  async reorderFindings(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('findingIds', { type: () => [ID] }) findingIds: string[],
    @Context() ctx: GraphqlContext,
  ) {
    return ctx.loaders.withFindingDetails(
      await this.findingsService.reorderFindings(user, reviewId, findingIds, ctx.loaders),
    );
  }

  @OnReview('edit', { arg: 'id', of: 'finding' })
  @Mutation(() => RemovalResult)
  removeFinding(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.findingsService.removeFinding(user, id, dryRun, ctx.loaders);
  }

  @OnReview('respond', { arg: 'findingId', of: 'finding' })
  @Mutation(() => BoardAction, {
    description: "Adds an action to the board's response to a finding",
  })
  async addBoardAction(
    @CurrentUser() user: User,
    @Args('findingId', { type: () => ID }) findingId: string,
    @Args('input') input: BoardActionInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [action] = await ctx.loaders.withActionDetails([
      await this.findingsService.addBoardAction(user, findingId, input, ctx.loaders),
    ]);
    return action;
  }

  @OnReview('respond', { arg: 'id', of: 'boardAction' })
  @Mutation(() => BoardAction)
  async updateBoardAction(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateBoardActionInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [action] = await ctx.loaders.withActionDetails([
      await this.findingsService.updateBoardAction(user, id, expectedVersion, input, ctx.loaders),
    ]);
    return action;
  }

  @OnReview('respond', { arg: 'id', of: 'boardAction' })
  @Mutation(() => RemovalResult)
  removeBoardAction(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.findingsService.removeBoardAction(user, id, ctx.loaders);
  }

  @ResolveField(() => [Comment], {
    description:
      'Comments on the finding, oldest first; empty for those who may not read real names',
  })
  async comments(
    @Parent() finding: Finding,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ) {
    if (!(await this.access.mayReadComments(user, finding.reviewId, ctx.loaders))) return [];
    return ctx.loaders.commentsByFinding.load(finding.id);
  }
}

@Resolver(() => Review)
export class ReviewFindingsResolver {
  constructor(private readonly findingsService: FindingsService) {}

  @ResolveField(() => [Finding], { description: 'Findings, in order' })
  findings(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return ctx.loaders.findingsByReview.load(review.id);
  }

  @ResolveField(() => [BoardAction], {
    description: 'Board actions past their due date, neither done nor dropped',
  })
  async overdueActions(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return ctx.loaders.withActionDetails(
      await this.findingsService.overdueActions(review.id, today()),
    );
  }
}
