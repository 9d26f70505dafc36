import { ReviewAccessService } from '../reviews/review-access.service';
import {
  Args,
  Context,
  Extensions,
  Field,
  Float,
  ID,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  registerEnumType,
  Resolver,
} from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { GraphqlContext } from '../graphql/graphql-context';
import { QUERY_COSTS } from '../graphql/query-cost';
import { ValidateEachPipe } from '../common/validation.pipe';
import { Connection } from '../common/pagination';
import { RemovalResult } from '../common/removal-result';
import { Person } from '../reviews/person.entity';
import { ContactSummary, EventPersonContact } from './person-contact.types';
import { Review } from '../reviews/review.entity';
import { User } from '../users/user.entity';
import { ChronologyService } from './chronology.service';
import { DuplicatesService } from './duplicates.service';
import { Comment } from './comment.entity';
import { CommentState } from './comments.repository';
import {
  CommentInput,
  TimelineEventInput,
  UpdateTimelineEventInput,
} from './dto/timeline-event.inputs';
import { TimelineEvent } from './timeline-event.entity';
import { OnReview } from '../auth/policy';

export const CommentStateEnum = { OPEN: 'OPEN', RESOLVED: 'RESOLVED', ALL: 'ALL' } as const;
registerEnumType(CommentStateEnum, {
  name: 'CommentState',
  description: 'Which comments: those still open, those resolved, or all',
});

export const TimelineEventConnection = Connection(TimelineEvent, 'TimelineEvent');

@ObjectType({ description: 'Two records, by different agencies, that look like one occasion' })
export class DuplicateCandidate {
  @Field(() => TimelineEvent)
  first: TimelineEvent;

  @Field(() => TimelineEvent)
  second: TimelineEvent;

  @Field(() => Float, { description: 'How alike their words are, from 0 to 1' })
  score: number;
}

@Resolver(() => TimelineEvent)
export class ChronologyResolver {
  constructor(
    private readonly chronology: ChronologyService,
    private readonly duplicates: DuplicatesService,
    private readonly access: ReviewAccessService,
  ) {}

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => [TimelineEvent], {
    description:
      'Links records of one occasion by several agencies; each keeps its source and text',
  })
  async linkEvents(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('eventIds', { type: () => [ID] }) eventIds: string[],
    @Context() ctx: GraphqlContext,
  ) {
    return ctx.loaders.withAgencies(
      await this.duplicates.link(user, reviewId, eventIds, ctx.loaders),
    );
  }

  @OnReview('edit', { arg: 'id', of: 'event' })
  @Mutation(() => TimelineEvent, {
    description: 'Takes an event out of the occasion it was linked to',
  })
  async unlinkEvent(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphqlContext,
  ) {
    const [event] = await ctx.loaders.withAgencies([
      await this.duplicates.unlink(user, id, ctx.loaders),
    ]);
    return event;
  }

  @ResolveField(() => [TimelineEvent], {
    description: 'Records of the same occasion by other agencies',
  })
  @Extensions({ listSize: 4 })
  async linkedEvents(
    @Parent() event: TimelineEvent,
    @Context() ctx: GraphqlContext,
  ): Promise<TimelineEvent[]> {
    if (!event.eventGroup) return [];
    return (await ctx.loaders.eventsByGroup.load(event.eventGroup)).filter(
      (other) => other.id !== event.id,
    );
  }

  @OnReview('read', { arg: 'id', of: 'event' })
  @Query(() => TimelineEvent, {
    description: 'One event of a chronology, with its people: what a copy of it starts from',
  })
  async timelineEvent(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphqlContext,
  ): Promise<TimelineEvent> {
    const [event] = await ctx.loaders.withAgencies([
      await this.chronology.getEvent(user, id, ctx.loaders),
    ]);
    return event;
  }

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => [TimelineEvent], { description: 'Adds events to the chronology, all or none' })
  async addTimelineEvents(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('events', { type: () => [TimelineEventInput] }, new ValidateEachPipe(TimelineEventInput))
    events: TimelineEventInput[],
    @Context() ctx: GraphqlContext,
  ) {
    return ctx.loaders.withAgencies(
      await this.chronology.addEvents(user, reviewId, events, ctx.loaders),
    );
  }

  @OnReview('edit', { arg: 'id', of: 'event' })
  @Mutation(() => TimelineEvent)
  async updateTimelineEvent(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateTimelineEventInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [event] = await ctx.loaders.withAgencies([
      await this.chronology.updateEvent(user, id, expectedVersion, input, ctx.loaders),
    ]);
    return event;
  }

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => RemovalResult, {
    description: 'Removes events; with dryRun, says what removing them would change',
  })
  removeTimelineEvents(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.chronology.removeEvents(user, reviewId, ids, dryRun, ctx.loaders);
  }

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => [TimelineEvent], {
    description:
      'Undoes removeTimelineEvents: puts the events back as they were removed, with their people, episode links, finding evidence and comments',
  })
  async restoreTimelineEvents(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Context() ctx: GraphqlContext,
  ): Promise<TimelineEvent[]> {
    return ctx.loaders.withAgencies(
      await this.chronology.restoreEvents(user, reviewId, ids, ctx.loaders),
    );
  }

  @OnReview('comment', { arg: 'reviewId' })
  @Mutation(() => Comment, {
    description: 'Comments on an event or an episode (any member, the case group included)',
  })
  addComment(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: CommentInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.chronology.addComment(user, reviewId, input, ctx.loaders);
  }

  @OnReview('manage', { arg: 'id', of: 'comment' })
  @Mutation(() => Comment, {
    description:
      'Marks a comment resolved, or open again with resolved: false (the lead reviewer and administrators)',
  })
  resolveComment(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('resolved', { defaultValue: true }) resolved: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.chronology.resolveComment(user, id, resolved, ctx.loaders);
  }

  @ResolveField(() => [Person])
  @Extensions({ listSize: 5 })
  async people(@Parent() event: TimelineEvent, @Context() ctx: GraphqlContext): Promise<Person[]> {
    const links = await ctx.loaders.personLinksByEvent.load(event.id);
    const people = await ctx.loaders.personById.loadMany(links.map((link) => link.personId));
    return people.filter((person): person is Person => person instanceof Person);
  }

  @ResolveField(() => [EventPersonContact], {
    description: 'The people the event names, each with the contact it had with them',
  })
  @Extensions({ listSize: 5 })
  async peopleContacts(
    @Parent() event: TimelineEvent,
    @Context() ctx: GraphqlContext,
  ): Promise<EventPersonContact[]> {
    const links = await ctx.loaders.personLinksByEvent.load(event.id);
    const people = await ctx.loaders.personById.loadMany(links.map((link) => link.personId));
    return links.flatMap((link, i) => {
      const person = people[i];
      return person instanceof Person ? [{ person, contact: link.contact }] : [];
    });
  }

  @ResolveField(() => [Comment], {
    description: 'Comments on the event; empty for those who may not read real names',
  })
  async comments(
    @Parent() event: TimelineEvent,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ) {
    if (!(await this.access.mayReadComments(user, event.reviewId, ctx.loaders))) return [];
    return ctx.loaders.commentsByEvent.load(event.id);
  }
}

@Resolver(() => Review)
export class ReviewChronologyResolver {
  constructor(
    private readonly chronology: ChronologyService,
    private readonly duplicates: DuplicatesService,
    private readonly access: ReviewAccessService,
  ) {}

  @ResolveField(() => [DuplicateCandidate], {
    description:
      'Likely records of one occasion by different agencies, proposed for linking, most alike first',
    complexity: QUERY_COSTS.duplicateCandidates,
  })
  async duplicateCandidates(
    @Parent() review: Review,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
  ): Promise<DuplicateCandidate[]> {
    const candidates = await this.duplicates.candidatesWithEvents(
      review.id,
      Math.min(Math.max(first, 0), 200),
    );
    const { pairs } = candidates;
    const events = await ctx.loaders.withAgencies(candidates.events);
    const byId = new Map(events.map((event) => [event.id, event]));
    return pairs.map((pair) => ({
      first: byId.get(pair.firstId)!,
      second: byId.get(pair.secondId)!,
      score: pair.score,
    }));
  }

  @ResolveField(() => [Comment], {
    description:
      "The case group's and the team's comments on the review's events, episodes and findings, oldest first; empty for those who may not read real names",
  })
  async comments(
    @Parent() review: Review,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
    @Args('state', { type: () => CommentStateEnum, defaultValue: 'ALL' }) state: CommentState,
  ) {
    if (!(await this.access.mayReadComments(user, review.id, ctx.loaders))) return [];
    return this.chronology.commentsOfReview(review.id, state);
  }

  @ResolveField(() => TimelineEventConnection, {
    description: 'The merged chronology, in date order',
    complexity: QUERY_COSTS.page,
  })
  async events(
    @Parent() review: Review,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    const page = await this.chronology.page(review.id, first, after);
    await ctx.loaders.withAgencies(page.edges.map((edge) => edge.node));
    return page;
  }
}

/** The people register's view of the chronology: how each person was in contact. */
@Resolver(() => Person)
export class PersonContactsResolver {
  @ResolveField(() => ContactSummary, {
    description:
      'The events naming the person, counted by contact: seen, seen alone, spoken to, only mentioned',
  })
  contactSummary(@Parent() person: Person, @Context() ctx: GraphqlContext) {
    return ctx.loaders.contactSummaryByPerson.load(person.id);
  }
}
