import { ContactTypeName } from '@scr/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { updateVersioned } from '../database/versioned-update';
import { selectColumns } from '../database/entity-columns';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { TimelineEvent } from './timeline-event.entity';

/** The columns of a new event, as the chronology service writes them. */
export type NewTimelineEvent = Pick<
  TimelineEvent,
  | 'reviewId'
  | 'occurredOn'
  | 'precision'
  | 'sortDate'
  | 'endDate'
  | 'timeOfDay'
  | 'agencyId'
  | 'title'
  | 'description'
  | 'source'
>;

const EXAMPLE_EVENT: NewTimelineEvent = {
  reviewId: DummyValue.UUID,
  occurredOn: DummyValue.DAY,
  precision: 'DAY',
  sortDate: DummyValue.DAY,
  endDate: DummyValue.DAY,
  timeOfDay: null,
  agencyId: null,
  title: DummyValue.TEXT,
  description: null,
  source: null,
};

function fromRaw(raw: Record<string, unknown>): Partial<TimelineEvent> {
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

/** The timeline's events and the people each involves. */
@Injectable()
export class TimelineEventsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The first `limit` events in chronological order, each with the review's total count. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.PAGE_SIZE] })
  firstPage(reviewId: string, limit: number): Promise<(TimelineEvent & { total?: string })[]> {
    return this.manager.query(
      `SELECT ${selectColumns(this.manager, TimelineEvent, 'e')}, count(*) OVER () AS total FROM timeline_event e
       WHERE e.review_id = $1 ORDER BY e.sort_date, e.sequence LIMIT $2`,
      [reviewId, limit],
    );
  }

  /** The next `limit` events in chronological order after the one sorting at `cursor`. */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.DAY, '42'], DummyValue.PAGE_SIZE] })
  pageAfter(reviewId: string, cursor: [string, string], limit: number): Promise<TimelineEvent[]> {
    return this.manager.query(
      `SELECT ${selectColumns(this.manager, TimelineEvent, 'e')} FROM timeline_event e
       WHERE e.review_id = $1 AND (e.sort_date, e.sequence) > ($2::date, $3::bigint)
       ORDER BY e.sort_date, e.sequence LIMIT $4`,
      [reviewId, cursor[0], cursor[1], limit],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  countInReview(reviewId: string): Promise<number> {
    return this.manager.getRepository(TimelineEvent).countBy({ reviewId });
  }

  /** Inserts the events in one statement and returns them as stored. */
  @GenerateSql({ params: [[EXAMPLE_EVENT]] })
  async insert(events: NewTimelineEvent[]): Promise<TimelineEvent[]> {
    const repository = this.manager.getRepository(TimelineEvent);
    const result = await repository
      .createQueryBuilder()
      .insert()
      .values(events)
      .returning('*')
      .execute();
    return (result.raw as Record<string, unknown>[]).map((raw) => repository.create(fromRaw(raw)));
  }

  /** Links events to people, each [eventId, personId, contact] once (the first one given wins). */
  @GenerateSql({ params: [[[DummyValue.UUID, DummyValue.OTHER_UUID, 'SEEN']]] })
  async linkPeople(links: [string, string, ContactTypeName][]): Promise<void> {
    await this.manager.query(
      `INSERT INTO timeline_event_person (event_id, person_id, contact)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::contact_type[]) ON CONFLICT DO NOTHING`,
      [links.map((link) => link[0]), links.map((link) => link[1]), links.map((link) => link[2])],
    );
  }

  /**
   * The people of the event become exactly those of `contacts` and `personIds`: the first with
   * the contact given, the others keeping the contact they had, or MENTIONED when new.
   */
  @GenerateSql({
    params: [DummyValue.UUID, [{ personId: DummyValue.OTHER_UUID, contact: 'SEEN' }], []],
  })
  async replacePeople(
    eventId: string,
    contacts: { personId: string; contact: ContactTypeName }[],
    personIds: string[],
  ): Promise<void> {
    const given = contacts.map((c) => c.personId);
    await this.manager.query(
      `DELETE FROM timeline_event_person WHERE event_id = $1 AND NOT (person_id = ANY($2::uuid[]))`,
      [eventId, [...given, ...personIds]],
    );
    await this.manager.query(
      `INSERT INTO timeline_event_person (event_id, person_id, contact)
       SELECT $1, * FROM unnest($2::uuid[], $3::contact_type[])
       ON CONFLICT (event_id, person_id) DO UPDATE SET contact = EXCLUDED.contact`,
      [eventId, given, contacts.map((c) => c.contact)],
    );
    await this.manager.query(
      `INSERT INTO timeline_event_person (event_id, person_id, contact)
       SELECT $1, unnest($2::uuid[]), 'MENTIONED' ON CONFLICT DO NOTHING`,
      [eventId, personIds],
    );
  }

  /** Applies `changes` if the event is still at `expectedVersion` (see updateVersioned). */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { title: DummyValue.TEXT }] })
  updateVersioned(
    id: string,
    expectedVersion: number,
    changes: Partial<TimelineEvent>,
  ): Promise<{ before: TimelineEvent; after: TimelineEvent }> {
    return updateVersioned(this.manager, TimelineEvent, id, expectedVersion, changes, 'event');
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  get(id: string): Promise<TimelineEvent> {
    return this.manager.getRepository(TimelineEvent).findOneByOrFail({ id });
  }

  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  findByIds(ids: string[]): Promise<TimelineEvent[]> {
    return this.manager.getRepository(TimelineEvent).findBy({ id: In(ids) });
  }

  @GenerateSql({ params: [[DummyValue.UUID]] })
  async deleteByIds(ids: string[]): Promise<void> {
    await this.manager.getRepository(TimelineEvent).delete({ id: In(ids) });
  }

  /** How many key practice episodes and findings point at any of the events. */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  async countUses(ids: string[]): Promise<{ episodes: number; findings: number }> {
    const [{ episodes, findings }] = await this.manager.query(
      `SELECT (SELECT count(DISTINCT episode_id)::int FROM episode_event WHERE event_id = ANY($1)) AS episodes,
              (SELECT count(DISTINCT finding_id)::int FROM finding_evidence WHERE event_id = ANY($1)) AS findings`,
      [ids],
    );
    return { episodes, findings };
  }
}
