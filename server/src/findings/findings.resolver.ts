import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FINDING_CATEGORY_DESCRIPTIONS } from '@scr/shared';
import { ContributoryFactor } from '../analysis/contributory-factor.entity';
import { PracticeEpisode } from '../analysis/practice-episode.entity';
import { CurrentUser } from '../auth/current-user.decorator';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import { GraphqlContext } from '../common/graphql-context';
import { RemovalResult } from '../common/removal-result';
import { today } from '../common/today';
import { Agency } from '../reviews/agency.entity';
import { Review } from '../reviews/review.entity';
import { Theme } from '../themes/theme.entity';
import { User } from '../users/user.entity';
import { BoardAction } from './board-action.entity';
import { BoardActionInput, FindingInput, UpdateBoardActionInput } from './dto/finding.inputs';
import { Finding } from './finding.entity';
import { FindingsService } from './findings.service';

/** Rows in the order the evidence lists their ids. */
function inOrder<T extends { id: string }>(rows: T[], ids: (string | null)[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => (id && byId.has(id) ? [byId.get(id)!] : []));
}

@Resolver(() => Finding)
export class FindingsResolver {
  constructor(private readonly findingsService: FindingsService) {}

  @Mutation(() => Finding)
  createFinding(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: FindingInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.findingsService.createFinding(user, reviewId, input, ctx.loaders);
  }

  @Mutation(() => Finding)
  updateFinding(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: FindingInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.findingsService.updateFinding(user, id, expectedVersion, input, ctx.loaders);
  }

  @Mutation(() => [Finding], {
    description: "Puts the review's findings in the given order (list them all)",
  })
  reorderFindings(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('findingIds', { type: () => [ID] }) findingIds: string[],
    @Context() ctx: GraphqlContext,
  ) {
    return this.findingsService.reorderFindings(user, reviewId, findingIds, ctx.loaders);
  }

  @Mutation(() => RemovalResult)
  removeFinding(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.findingsService.removeFinding(user, id, dryRun, ctx.loaders);
  }

  @Mutation(() => BoardAction, {
    description: "Adds an action to the board's response to a finding",
  })
  addBoardAction(
    @CurrentUser() user: User,
    @Args('findingId', { type: () => ID }) findingId: string,
    @Args('input') input: BoardActionInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.findingsService.addBoardAction(user, findingId, input, ctx.loaders);
  }

  @Mutation(() => BoardAction)
  updateBoardAction(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateBoardActionInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.findingsService.updateBoardAction(user, id, input, ctx.loaders);
  }

  @Mutation(() => RemovalResult)
  removeBoardAction(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.findingsService.removeBoardAction(user, id, ctx.loaders);
  }

  @ResolveField(() => String, { description: 'The typology category in words' })
  categoryLabel(@Parent() finding: Finding): string {
    return FINDING_CATEGORY_DESCRIPTIONS[finding.category].label;
  }

  @ResolveField(() => [PracticeEpisode], {
    description: 'Evidence: the episodes the finding rests on',
  })
  async episodes(@Parent() finding: Finding, @Context() ctx: GraphqlContext) {
    const [evidence, episodes] = await Promise.all([
      ctx.loaders.evidenceByFinding.load(finding.id),
      ctx.loaders.episodesByReview.load(finding.reviewId),
    ]);
    return inOrder(
      episodes,
      evidence.map((e) => e.episodeId),
    );
  }

  @ResolveField(() => [ContributoryFactor], { description: 'Evidence: the contributory factors' })
  async factors(@Parent() finding: Finding, @Context() ctx: GraphqlContext) {
    const [evidence, factors] = await Promise.all([
      ctx.loaders.evidenceByFinding.load(finding.id),
      ctx.loaders.factorsByReview.load(finding.reviewId),
    ]);
    return inOrder(
      factors,
      evidence.map((e) => e.factorId),
    );
  }

  @ResolveField(() => [TimelineEvent], { description: 'Evidence: events of the chronology' })
  async events(@Parent() finding: Finding, @Context() ctx: GraphqlContext) {
    const evidence = await ctx.loaders.evidenceByFinding.load(finding.id);
    return evidence.flatMap((e) => (e.event ? [e.event] : []));
  }

  @ResolveField(() => [Theme])
  themes(@Parent() finding: Finding, @Context() ctx: GraphqlContext) {
    return ctx.loaders.themesFor(finding.themeKeys);
  }

  @ResolveField(() => [BoardAction], {
    description: "The board's response: actions on this finding",
  })
  boardActions(@Parent() finding: Finding, @Context() ctx: GraphqlContext) {
    return ctx.loaders.boardActionsByFinding.load(finding.id);
  }
}

@Resolver(() => BoardAction)
export class BoardActionsResolver {
  @ResolveField(() => Agency, { nullable: true })
  owningAgency(@Parent() action: BoardAction, @Context() ctx: GraphqlContext) {
    return ctx.loaders.agencyOf(action.reviewId, action.owningAgencyId);
  }

  @ResolveField(() => Boolean, { description: 'Past its due date and neither done nor dropped' })
  overdue(@Parent() action: BoardAction): boolean {
    return (
      action.dueDate !== null &&
      action.dueDate < today() &&
      ['PLANNED', 'IN_PROGRESS'].includes(action.status)
    );
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
  overdueActions(@Parent() review: Review) {
    return this.findingsService.overdueActions(review.id, today());
  }
}
