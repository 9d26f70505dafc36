import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parsePartialDate } from '@scr/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { PracticeEpisode } from '../analysis/practice-episode.entity';
import { AuditService } from '../audit/audit.service';
import { badInput } from '../common/app-error';
import {
  ConnectionShape,
  decodeCursor,
  lazily,
  pageSize,
  toConnection,
} from '../common/pagination';
import { plural, RemovalResult } from '../common/removal-result';
import { selectColumns } from '../database/entity-columns';
import { RequestLoaders } from '../common/request-loaders';
import { updateVersioned } from '../database/versioned-update';
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
import { TimelineEvent } from './timeline-event.entity';

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
      ? await this.dataSource.query(
          `SELECT ${selectColumns(this.dataSource, TimelineEvent, 'e')} FROM timeline_event e
           WHERE e.review_id = $1 AND (e.sort_date, e.sequence) > ($2::date, $3::bigint)
           ORDER BY e.sort_date, e.sequence LIMIT $4`,
          [reviewId, cursor[0], cursor[1], limit + 1],
        )
      : await this.dataSource.query(
          `SELECT ${selectColumns(this.dataSource, TimelineEvent, 'e')}, count(*) OVER () AS total FROM timeline_event e
           WHERE e.review_id = $1 ORDER BY e.sort_date, e.sequence LIMIT $2`,
          [reviewId, limit + 1],
        );
    const totalCount = cursor
      ? lazily(() => this.dataSource.getRepository(TimelineEvent).countBy({ reviewId }))
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
    const work = async (manager: EntityManager) => {
      await this.records.requireInReview(
        Agency,
        reviewId,
        inputs.flatMap((e) => (e.agencyId ? [e.agencyId] : [])),
        'agencyId',
        'agency',
        manager,
      );
      await this.records.requireInReview(
        Person,
        reviewId,
        inputs.flatMap((e) => e.personIds ?? []),
        'personIds',
        'person',
        manager,
      );
      const repository = manager.getRepository(TimelineEvent);
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
        const result = await repository
          .createQueryBuilder()
          .insert()
          .values(batch)
          .returning('*')
          .execute();
        created.push(
          ...(result.raw as Record<string, unknown>[]).map((raw) =>
            repository.create(this.fromRaw(raw)),
          ),
        );
      }
      const links = created.flatMap((event, i) =>
        (rows[i].input.personIds ?? []).map((personId) => [event.id, personId]),
      );
      if (links.length > 0) {
        await manager.query(
          `INSERT INTO timeline_event_person (event_id, person_id) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
          [links.map((l) => l[0]), links.map((l) => l[1])],
        );
      }
      await this.audit.record(
        manager,
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
    };
    return this.dataSource.transaction(work);
  }

  private fromRaw(raw: Record<string, unknown>): Partial<TimelineEvent> {
    return {
      id: raw.id as string,
      reviewId: raw.review_id as string,
      occurredOn: raw.occurred_on as string,
      precision: raw.precision as TimelineEvent['precision'],
      sortDate: raw.sort_date as string,
      endDate: raw.end_date as string,
      timeOfDay: (raw.time_of_day as string) ?? null,
      agencyId: (raw.agency_id as string) ?? null,
      title: raw.title as string,
      description: (raw.description as string) ?? null,
      source: (raw.source as string) ?? null,
      sequence: String(raw.sequence),
      version: raw.version as number,
      createdAt: raw.created_at as Date,
      updatedAt: raw.updated_at as Date,
    };
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
    const { personIds, occurredOn, precision, ...rest } = input;
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
    return this.dataSource.transaction(async (manager) => {
      if (input.agencyId)
        await this.records.requireInReview(
          Agency,
          event.reviewId,
          [input.agencyId],
          'agencyId',
          'agency',
          manager,
        );
      const { before } = await updateVersioned(
        manager,
        TimelineEvent,
        id,
        expectedVersion,
        changes,
        'event',
      );
      if (personIds) {
        await this.records.requireInReview(
          Person,
          event.reviewId,
          personIds,
          'personIds',
          'person',
          manager,
        );
        await manager.query(`DELETE FROM timeline_event_person WHERE event_id = $1`, [id]);
        await manager.query(
          `INSERT INTO timeline_event_person (event_id, person_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [id, personIds],
        );
      }
      const after = await manager.getRepository(TimelineEvent).findOneByOrFail({ id });
      await this.audit.record(manager, user, {
        reviewId: event.reviewId,
        entityType: 'TimelineEvent',
        entityId: id,
        action: 'update',
        before,
        after: { ...after, personIds },
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
    return this.dataSource.transaction(async (manager) => {
      const [{ episodes, findings }] = await manager.query(
        `SELECT (SELECT count(DISTINCT episode_id)::int FROM episode_event WHERE event_id = ANY($1)) AS episodes,
                (SELECT count(DISTINCT finding_id)::int FROM finding_evidence WHERE event_id = ANY($1)) AS findings`,
        [ids],
      );
      const consequences = [
        ...(episodes
          ? [`${plural(episodes, 'key practice episode')} will lose linked events`]
          : []),
        ...(findings ? [`${plural(findings, 'finding')} will lose evidence`] : []),
      ];
      if (dryRun) return { removed: false, consequences };
      const before = await manager.getRepository(TimelineEvent).findBy({ id: In(ids) });
      await manager.getRepository(TimelineEvent).delete({ id: In(ids) });
      await this.audit.record(
        manager,
        user,
        before.map((event) => ({
          reviewId,
          entityType: 'TimelineEvent',
          entityId: event.id,
          action: 'remove',
          before: event,
        })),
      );
      return { removed: true, consequences };
    });
  }

  async addComment(
    user: User,
    reviewId: string,
    input: CommentInput,
    loaders: RequestLoaders,
  ): Promise<Comment> {
    await this.access.require(user, reviewId, 'comment', loaders);
    if (Boolean(input.eventId) === Boolean(input.episodeId)) {
      throw badInput('Comment on exactly one thing: give eventId or episodeId.', {
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
    return this.dataSource.transaction(async (manager) => {
      const comment = await manager
        .getRepository(Comment)
        .save(
          manager
            .getRepository(Comment)
            .create({ ...input, reviewId, authorId: user.id, authorName: user.displayName }),
        );
      await this.audit.record(manager, user, {
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
}
