import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { GraphqlContext } from '../../graphql/graphql-context';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { RemovalResult } from '../../common/removal-result';
import { Role, User } from '../../users/user.entity';
import {
  PracticeIssueInput,
  PracticeIssueSetInput,
  UpdatePracticeIssueInput,
  UpdatePracticeIssueSetInput,
} from './dto/practice-issue.inputs';
import { PracticeIssuesService } from './practice-issues.service';
import {
  LinkedFinding,
  PracticeIssue,
  PracticeIssueRow,
  PracticeIssueSet,
  PracticeSetBasis,
  WithdrawnLinkedReview,
} from './practice-issues.types';

/** Trainers and administrators write practice issues; analysts may read them. */
const READERS = [Role.TRAINER, Role.ADMIN, Role.ANALYST];
const WRITERS = [Role.TRAINER, Role.ADMIN];

@Resolver(() => PracticeIssueSet)
export class PracticeIssueSetsResolver {
  constructor(private readonly practice: PracticeIssuesService) {}

  @Roles(...READERS)
  @Query(() => [PracticeIssueSet], { description: 'Every set of practice issues, oldest first' })
  practiceIssueSets() {
    return this.practice.sets();
  }

  @Roles(...READERS)
  @Query(() => PracticeIssueSet, { nullable: true })
  practiceIssueSet(@Args('id', { type: () => ID }) id: string) {
    return this.practice.set(id);
  }

  @Roles(...WRITERS)
  @Mutation(() => PracticeIssueSet)
  createPracticeIssueSet(@CurrentUser() user: User, @Args('input') input: PracticeIssueSetInput) {
    return this.practice.createSet(user, input);
  }

  @Roles(...WRITERS)
  @Mutation(() => PracticeIssueSet)
  updatePracticeIssueSet(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdatePracticeIssueSetInput,
  ) {
    return this.practice.updateSet(user, id, expectedVersion, input);
  }

  @Roles(...WRITERS)
  @Mutation(() => RemovalResult, {
    description: 'Removes a set and its issues; with dryRun, says what would go',
  })
  removePracticeIssueSet(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return this.practice.removeSet(user, id, dryRun);
  }

  @Roles(...WRITERS)
  @Mutation(() => [PracticeIssue], {
    description: "Numbers the set's issues 1, 2, 3 … in the given order (list them all)",
  })
  reorderPracticeIssues(
    @CurrentUser() user: User,
    @Args('setId', { type: () => ID }) setId: string,
    @Args('issueIds', { type: () => [ID] }) issueIds: string[],
  ) {
    return this.practice.reorderIssues(user, setId, issueIds);
  }

  @ResolveField(() => [PracticeIssue], { description: 'Its issues, by number' })
  issues(@Parent() set: PracticeIssueSet, @Context() ctx: GraphqlContext) {
    return ctx.loaders.practiceIssuesBySet.load(set.id);
  }

  @ResolveField(() => [ID], {
    description: 'The reviews listed on the set (besides its collection)',
  })
  reviewIds(@Parent() set: PracticeIssueSet) {
    return this.practice.reviewIdsOf(set.id);
  }

  @ResolveField(() => PracticeSetBasis, {
    description:
      'The published, not withdrawn reviews it draws on (listed or in its collection): counted, never typed',
  })
  basis(@Parent() set: PracticeIssueSet, @Context() ctx: GraphqlContext) {
    return ctx.loaders.practiceSetBasis.load(set.id);
  }

  @ResolveField(() => String, {
    description:
      'The whole set as it will print (the PrintedDocument every export is rendered from), as JSON',
  })
  async printedDocument(@Parent() set: PracticeIssueSet) {
    return JSON.stringify(await this.practice.setDocument(set.id));
  }

  @ResolveField(() => [WithdrawnLinkedReview], {
    description: 'Reviews it draws on that were withdrawn: no longer counted; tell the trainer',
  })
  withdrawnReviews(@Parent() set: PracticeIssueSet, @Context() ctx: GraphqlContext) {
    return ctx.loaders.practiceSetWithdrawn.load(set.id);
  }
}

@Resolver(() => PracticeIssue)
export class PracticeIssuesResolver {
  constructor(private readonly practice: PracticeIssuesService) {}

  @Roles(...READERS)
  @Query(() => [PracticeIssue], { description: 'Every practice issue, by set and number' })
  practiceIssues() {
    return this.practice.allIssues();
  }

  @Roles(...READERS)
  @Query(() => PracticeIssue, { nullable: true })
  practiceIssue(@Args('id', { type: () => ID }) id: string) {
    return this.practice.issue(id);
  }

  @Roles(...WRITERS)
  @Mutation(() => PracticeIssue, {
    description: 'Adds a practice issue to its set, with the standard questions unless given',
  })
  createPracticeIssue(@CurrentUser() user: User, @Args('input') input: PracticeIssueInput) {
    return this.practice.createIssue(user, input);
  }

  @Roles(...WRITERS)
  @Mutation(() => PracticeIssue)
  updatePracticeIssue(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdatePracticeIssueInput,
  ) {
    return this.practice.updateIssue(user, id, expectedVersion, input);
  }

  @Roles(...WRITERS)
  @Mutation(() => RemovalResult, {
    description: 'Removes a practice issue, renumbering the rest; with dryRun, says what would go',
  })
  removePracticeIssue(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return this.practice.removeIssue(user, id, dryRun);
  }

  @Roles(...WRITERS)
  @Mutation(() => PracticeIssue, {
    description: 'Links published findings (corpus finding ids, as searchFindings gives them)',
  })
  linkFindings(
    @CurrentUser() user: User,
    @Args('practiceIssueId', { type: () => ID }) practiceIssueId: string,
    @Args('findingIds', { type: () => [ID] }) findingIds: string[],
  ) {
    return this.practice.linkFindings(user, practiceIssueId, findingIds);
  }

  @Roles(...WRITERS)
  @Mutation(() => PracticeIssue)
  unlinkFindings(
    @CurrentUser() user: User,
    @Args('practiceIssueId', { type: () => ID }) practiceIssueId: string,
    @Args('findingIds', { type: () => [ID] }) findingIds: string[],
  ) {
    return this.practice.unlinkFindings(user, practiceIssueId, findingIds);
  }

  @ResolveField(() => [String], {
    description:
      "Why does this occur? From practitioners: each reason's text (see practiceReasons)",
  })
  reasonsFromPractice(@Parent() issue: PracticeIssueRow) {
    return issue.practiceReasons.map((reason) => reason.text);
  }

  @ResolveField(() => [LinkedFinding], { description: 'The published findings it draws on' })
  linkedFindings(@Parent() issue: PracticeIssue, @Context() ctx: GraphqlContext) {
    return ctx.loaders.linkedFindingsByIssue.load(issue.id);
  }

  @ResolveField(() => String, {
    description:
      'The briefing as it will print (the PrintedDocument every export is rendered from), as JSON',
  })
  async printedDocument(@Parent() issue: PracticeIssue) {
    return JSON.stringify(await this.practice.issueDocument(issue.id));
  }

  @ResolveField(() => PracticeIssueSet)
  set(@Parent() issue: PracticeIssue, @Context() ctx: GraphqlContext) {
    return ctx.loaders.practiceSetById.load(issue.setId);
  }
}
