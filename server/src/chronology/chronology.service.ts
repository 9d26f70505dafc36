import { ContactTypeName } from '@scr/shared';
import { Injectable } from '@nestjs/common';
import { parsePartialDate } from '@scr/shared';
import { PracticeEpisode } from '../analysis/practice-episode.entity';
import { AuditService } from '../audit/audit.service';
import { badInput, conflict, notFound } from '../common/app-error';
import {
  ConnectionShape,
  decodeCursor,
  lazily,
  pageSize,
  toConnection,
} from '../common/pagination';
import { plural, RemovalResult } from '../common/removal-result';
import { RequestLoaders } from '../common/request-loaders';
import { Finding } from '../findings/finding.entity';
import { Agency } from '../reviews/agency.entity';
import { Person } from '../reviews/person.entity';
import { ReviewAccessService } from '../reviews/review-access.service';
import { RecordsService } from '../common/records.service';
import { User } from '../users/user.entity';
import { Comment } from './comment.entity';
import {
  CommentInput,
  TimelineEventInput,
  UpdateTimelineEventInput,
} from './dto/timeline-event.inputs';
import { CommentsRepository, CommentState } from './comments.repository';
import { TimelineEvent } from './timeline-event.entity';
import { TimelineEventsRepository } from './timeline-events.repository';

export const MAX_EVENTS_PER_CALL = 5000;

function readDate(occurredOn: string, precision: TimelineEventInput['precision'], field: string) {
  const parsed = parsePartialDate(occurredOn, precision ?? undefined);
  if (typeof parsed === 'string')
    throw badInput(`${field}: ${parsed}.`, { field, value: occurredOn });
  return parsed;
}

@Injectable()
export class ChronologyService {
  constructor(
    private readonly events: TimelineEventsRepository,
    private readonly comments: CommentsRepository,
    private readonly access: ReviewAccessService,
    private readonly records: RecordsService,
    private readonly audit: AuditService,
  ) {}

  /** Events in chronological order: a partial date sorts at the start of its period, then by when it was added. */
  async page(
    reviewId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<ConnectionShape<TimelineEvent>> {
    const limit = pageSize(first, 100);
    const cursor = decodeCursor(after, 2) as [string, string] | null;
    // On the first page the total comes with the rows, in the same statement.
    const rows: (TimelineEvent & { total?: string })[] = cursor
      ? await this.events.pageAfter(reviewId, cursor, limit + 1)
      : await this.events.firstPage(reviewId, limit + 1);
    const totalCount = cursor
      ? lazily(() => this.events.countInReview(reviewId))
      : Number(rows[0]?.total ?? 0);
    return toConnection(rows, limit, totalCount, (event) => [event.sortDate, event.sequence]);
  }

  async addEvents(
    user: User,
    reviewId: string,
    inputs: TimelineEventInput[],
    loaders: RequestLoaders,
  ): Promise<TimelineEvent[]> {
    await this.access.require(user, reviewId, 'edit', loaders);
    if (inputs.length === 0)
      throw badInput('events: give at least one event.', { field: 'events', value: [] });
    if (inputs.length > MAX_EVENTS_PER_CALL) {
      throw badInput(
        `events: at most ${MAX_EVENTS_PER_CALL} events in one call (got ${inputs.length}); use the chronology import for more.`,
        { field: 'events', value: inputs.length },
      );
    }
    const rows = inputs.map((input, i) => {
      const date = readDate(input.occurredOn, input.precision, `events[${i}].occurredOn`);
      return { input, date };
    });
    return this.events.transaction(async (transaction) => {
      await this.records.requireInReview(
        Agency,
        reviewId,
        inputs.flatMap((e) => (e.agencyId ? [e.agencyId] : [])),
        'agencyId',
        'agency',
        transaction,
      );
      await this.records.requireInReview(
        Person,
        reviewId,
        inputs.flatMap((e) => [
          ...(e.personIds ?? []),
          ...(e.personContacts ?? []).map((c) => c.personId),
        ]),
        'personIds',
        'person',
        transaction,
      );
      const events = this.events.in(transaction);
      const created: TimelineEvent[] = [];
      const BATCH = 1000;
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH).map(({ input, date }) => ({
          reviewId,
          occurredOn: date.value,
          precision: date.precision,
          sortDate: date.sortDate,
          endDate: date.endDate,
          timeOfDay: input.timeOfDay ?? null,
          agencyId: input.agencyId ?? null,
          title: input.title,
          description: input.description ?? null,
          source: input.source ?? null,
        }));
        created.push(...(await events.insert(batch)));
      }
      const links = created.flatMap((event, i) =>
        peopleOf(rows[i].input).map(({ personId, contact }): [string, string, ContactTypeName] => [
          event.id,
          personId,
          contact,
        ]),
      );
      if (links.length > 0) await events.linkPeople(links);
      await this.audit.record(
        transaction,
        user,
        created.map((event) => ({
          reviewId,
          entityType: 'TimelineEvent',
          entityId: event.id,
          action: 'create',
          after: event,
        })),
      );
      return created;
    });
  }

  /** One event, for a member who may read its review. */
  async getEvent(user: User, id: string, loaders: RequestLoaders): Promise<TimelineEvent> {
    const event = await this.records.findIn(TimelineEvent, id, 'event');
    await this.access.require(user, event.reviewId, 'read', loaders);
    return event;
  }

  async updateEvent(
    user: User,
    id: string,
    expectedVersion: number,
    input: UpdateTimelineEventInput,
    loaders: RequestLoaders,
  ): Promise<TimelineEvent> {
    const event = await this.records.findIn(TimelineEvent, id, 'event');
    await this.access.require(user, event.reviewId, 'edit', loaders);
    const { personIds, personContacts, occurredOn, precision, ...rest } = input;
    const changes: Partial<TimelineEvent> = { ...rest };
    if (occurredOn !== undefined || precision !== undefined) {
      const date = readDate(
        occurredOn ?? event.occurredOn,
        precision === undefined ? (occurredOn === undefined ? event.precision : null) : precision,
        'occurredOn',
      );
      Object.assign(changes, {
        occurredOn: date.value,
        precision: date.precision,
        sortDate: date.sortDate,
        endDate: date.endDate,
      });
    }
    return this.events.transaction(async (transaction) => {
      const events = this.events.in(transaction);
      if (input.agencyId)
        await this.records.requireInReview(
          Agency,
          event.reviewId,
          [input.agencyId],
          'agencyId',
          'agency',
          transaction,
        );
      const { before } = await events.updateVersioned(id, expectedVersion, changes);
      if (personIds || personContacts) {
        const contacts = distinctContacts(personContacts ?? []);
        await this.records.requireInReview(
          Person,
          event.reviewId,
          [...(personIds ?? []), ...contacts.map((c) => c.personId)],
          'personIds',
          'person',
          transaction,
        );
        await events.replacePeople(id, contacts, personIds ?? []);
      }
      const after = await events.get(id);
      await this.audit.record(transaction, user, {
        reviewId: event.reviewId,
        entityType: 'TimelineEvent',
        entityId: id,
        action: 'update',
        before,
        after: { ...after, personIds, personContacts },
      });
      return after;
    });
  }

  async removeEvents(
    user: User,
    reviewId: string,
    ids: string[],
    dryRun: boolean,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    await this.access.require(user, reviewId, 'edit', loaders);
    await this.records.requireInReview(TimelineEvent, reviewId, ids, 'ids', 'event');
    return this.events.transaction(async (transaction) => {
      const events = this.events.in(transaction);
      const { episodes, findings } = await events.countUses(ids);
      const consequences = [
        ...(episodes
          ? [`${plural(episodes, 'key practice episode')} will lose linked events`]
          : []),
        ...(findings ? [`${plural(findings, 'finding')} will lose evidence`] : []),
      ];
      if (dryRun) return { removed: false, consequences };
      const before = await events.findByIds(ids);
      // The rows and their links go into the trail, for restoreEvents to put back.
      const snapshots = await events.snapshots(ids);
      await events.deleteByIds(ids);
      await this.audit.record(
        transaction,
        user,
        before.map((event) => ({
          reviewId,
          entityType: 'TimelineEvent',
          entityId: event.id,
          action: 'remove',
          before: { ...event, removed: snapshots.get(event.id) },
        })),
      );
      return { removed: true, consequences };
    });
  }

  /**
   * Undoes the removal of events: puts each back as it was when last removed from the review, with
   * its people, episode links, finding evidence and comments (those whose other end still exists).
   */
  async restoreEvents(
    user: User,
    reviewId: string,
    ids: string[],
    loaders: RequestLoaders,
  ): Promise<TimelineEvent[]> {
    await this.access.require(user, reviewId, 'edit', loaders);
    const unique = [...new Set(ids)];
    return this.events.transaction(async (transaction) => {
      const events = this.events.in(transaction);
      const present = await events.findByIds(unique);
      if (present.length > 0)
        throw conflict(`ids: event ${present[0].id} is in the chronology already.`, {
          field: 'ids',
          value: present[0].id,
        });
      const snapshots = await events.removedSnapshots(reviewId, unique);
      const missing = unique.find((id) => !snapshots.has(id));
      if (missing) throw notFound(`ids: no event ${missing} was removed from this review.`);
      await events.restoreRemoved(unique.map((id) => snapshots.get(id)!));
      const restored = await events.findByIds(unique);
      await this.audit.record(
        transaction,
        user,
        restored.map((event) => ({
          reviewId,
          entityType: 'TimelineEvent',
          entityId: event.id,
          action: 'restore',
          after: event,
        })),
      );
      const byId = new Map(restored.map((event) => [event.id, event]));
      return unique.map((id) => byId.get(id)!);
    });
  }

  async addComment(
    user: User,
    reviewId: string,
    input: CommentInput,
    loaders: RequestLoaders,
  ): Promise<Comment> {
    await this.access.require(user, reviewId, 'comment', loaders);
    const targets = [input.eventId, input.episodeId, input.findingId].filter(Boolean);
    if (targets.length !== 1) {
      throw badInput('Comment on exactly one thing: give eventId, episodeId or findingId.', {
        field: 'eventId',
        value: input.eventId ?? null,
      });
    }
    if (input.eventId)
      await this.records.requireInReview(
        TimelineEvent,
        reviewId,
        [input.eventId],
        'eventId',
        'event',
      );
    if (input.episodeId)
      await this.records.requireInReview(
        PracticeEpisode,
        reviewId,
        [input.episodeId],
        'episodeId',
        'episode',
      );
    if (input.findingId)
      await this.records.requireInReview(
        Finding,
        reviewId,
        [input.findingId],
        'findingId',
        'finding',
      );
    return this.comments.transaction(async (transaction) => {
      const comment = await this.comments.in(transaction).insert({
        ...input,
        reviewId,
        authorId: user.id,
        authorName: user.displayName,
      });
      await this.audit.record(transaction, user, {
        reviewId,
        // The name audit rows have always given comments: the trail reads alike before and after the
        // class was named Comment.
        entityType: 'ReviewComment',
        entityId: comment.id,
        action: 'create',
        after: comment,
      });
      return comment;
    });
  }

  /** The comments of a review, oldest first: open ones, resolved ones, or all. */
  commentsOfReview(reviewId: string, state: CommentState): Promise<Comment[]> {
    return this.comments.ofReview(reviewId, state);
  }

  /**
   * Marks a comment resolved (or open again): the lead reviewer and administrators decide when a
   * case group remark has been dealt with.
   */
  async resolveComment(
    user: User,
    id: string,
    resolved: boolean,
    loaders: RequestLoaders,
  ): Promise<Comment> {
    const before = await this.comments.findById(id);
    if (!before) throw notFound('No such comment.');
    await this.access.require(user, before.reviewId, 'manage', loaders);
    if (Boolean(before.resolvedAt) === resolved) return before;
    return this.comments.transaction(async (transaction) => {
      const after = await this.comments
        .in(transaction)
        .setResolution(
          id,
          resolved ? { at: new Date(), byId: user.id, byName: user.displayName } : null,
        );
      await this.audit.record(transaction, user, {
        reviewId: before.reviewId,
        entityType: 'ReviewComment',
        entityId: id,
        action: resolved ? 'resolve' : 'reopen',
        before,
        after,
      });
      return after;
    });
  }
}

/** Each person once, the last contact given for them winning. */
function distinctContacts(
  contacts: { personId: string; contact: ContactTypeName }[],
): { personId: string; contact: ContactTypeName }[] {
  return [...new Map(contacts.map((c) => [c.personId, c.contact])).entries()].map(
    ([personId, contact]) => ({ personId, contact }),
  );
}

/** The people a new event names: those with a contact type, then the others as MENTIONED. */
function peopleOf(input: {
  personIds?: string[];
  personContacts?: { personId: string; contact: ContactTypeName }[];
}): { personId: string; contact: ContactTypeName }[] {
  const contacts = distinctContacts(input.personContacts ?? []);
  const given = new Set(contacts.map((c) => c.personId));
  const mentioned = [...new Set(input.personIds ?? [])].filter((id) => !given.has(id));
  return [
    ...contacts,
    ...mentioned.map((personId) => ({ personId, contact: 'MENTIONED' as const })),
  ];
}
