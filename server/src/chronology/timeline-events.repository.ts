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

/**
 * A removed event as its rows were stored, and its links' rows, kept in the audit trail's entry for
 * the removal so that the removal can be undone without loss.
 */
export interface RemovedEventSnapshot {
  event: Record<string, unknown>;
  people: Record<string, unknown>[];
  episodes: Record<string, unknown>[];
  evidence: Record<string, unknown>[];
  comments: Record<string, unknown>[];
}

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

  /**
   * The stored rows of the events and of everything that goes with them when they are removed
   * (people links, episode links, finding evidence, comments), as JSON, one snapshot per event:
   * what restoreRemoved puts back.
   */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  async snapshots(ids: string[]): Promise<Map<string, RemovedEventSnapshot>> {
    const rows: { id: string; snapshot: RemovedEventSnapshot }[] = await this.manager.query(
      `SELECT e.id, jsonb_build_object(
         'event', to_jsonb(e),
         'people', coalesce((SELECT jsonb_agg(to_jsonb(p)) FROM timeline_event_person p WHERE p.event_id = e.id), '[]'),
         'episodes', coalesce((SELECT jsonb_agg(to_jsonb(x)) FROM episode_event x WHERE x.event_id = e.id), '[]'),
         'evidence', coalesce((SELECT jsonb_agg(to_jsonb(f)) FROM finding_evidence f WHERE f.event_id = e.id), '[]'),
         'comments', coalesce((SELECT jsonb_agg(to_jsonb(c)) FROM review_comment c WHERE c.event_id = e.id), '[]')
       ) AS snapshot
       FROM timeline_event e WHERE e.id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.snapshot]));
  }

  /**
   * The snapshots of removed events that the review's audit trail keeps, the latest removal of each,
   * by event id. Events never removed from the review are missing from the map.
   */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.UUID]] })
  async removedSnapshots(
    reviewId: string,
    ids: string[],
  ): Promise<Map<string, RemovedEventSnapshot>> {
    const rows: { id: string; snapshot: RemovedEventSnapshot | null }[] = await this.manager.query(
      `SELECT DISTINCT ON (a.entity_id) a.entity_id AS id, a.before -> 'removed' AS snapshot
       FROM audit_event a
       WHERE a.review_id = $1 AND a.entity_type = 'TimelineEvent' AND a.action = 'remove'
         AND a.entity_id = ANY($2::text[])
       ORDER BY a.entity_id, a.id DESC`,
      [reviewId, ids],
    );
    return new Map(
      rows
        .filter((row) => row.snapshot)
        .map((row) => [row.id, row.snapshot as RemovedEventSnapshot]),
    );
  }

  /**
   * Puts removed events back from their snapshots, with their id, order and version, and the links
   * whose other end still exists: people, episodes, finding evidence (at its old place in the
   * finding's list, or at its end when that place has been taken since) and comments. An agency
   * removed since leaves the event without one, as removing an agency does.
   */
  @GenerateSql({ params: [[]] })
  async restoreRemoved(snapshots: RemovedEventSnapshot[]): Promise<void> {
    const all = (key: keyof RemovedEventSnapshot) =>
      JSON.stringify(snapshots.flatMap((snapshot) => snapshot[key] as unknown[]));
    await this.manager.query(
      `INSERT INTO timeline_event
       SELECT (jsonb_populate_record(NULL::timeline_event,
                 e || jsonb_build_object('agency_id',
                   CASE WHEN EXISTS (SELECT 1 FROM agency a WHERE a.id = (e ->> 'agency_id')::uuid)
                        THEN e -> 'agency_id' END))).*
       FROM jsonb_array_elements($1::jsonb) AS e`,
      [JSON.stringify(snapshots.map((snapshot) => snapshot.event))],
    );
    await this.manager.query(
      // A removal recorded before links carried a contact has none: it reads as MENTIONED.
      `INSERT INTO timeline_event_person (event_id, person_id, contact)
       SELECT l.event_id, l.person_id, coalesce(l.contact, 'MENTIONED')
       FROM jsonb_populate_recordset(NULL::timeline_event_person, $1::jsonb) l
       WHERE EXISTS (SELECT 1 FROM person p WHERE p.id = l.person_id)
       ON CONFLICT DO NOTHING`,
      [all('people')],
    );
    await this.manager.query(
      `INSERT INTO episode_event
       SELECT l.* FROM jsonb_populate_recordset(NULL::episode_event, $1::jsonb) l
       WHERE EXISTS (SELECT 1 FROM practice_episode p WHERE p.id = l.episode_id)
       ON CONFLICT DO NOTHING`,
      [all('episodes')],
    );
    const evidence: Record<string, unknown>[] = JSON.parse(all('evidence'));
    for (const link of evidence) {
      await this.manager.query(
        `INSERT INTO finding_evidence
         SELECT (jsonb_populate_record(NULL::finding_evidence, $1::jsonb || jsonb_build_object('position',
                  CASE WHEN EXISTS (SELECT 1 FROM finding_evidence f
                                    WHERE f.finding_id = ($1::jsonb ->> 'finding_id')::uuid
                                      AND f.position = ($1::jsonb ->> 'position')::int)
                       THEN (SELECT coalesce(max(f.position), 0) + 1 FROM finding_evidence f
                             WHERE f.finding_id = ($1::jsonb ->> 'finding_id')::uuid)
                       ELSE ($1::jsonb ->> 'position')::int END))).*
         WHERE EXISTS (SELECT 1 FROM finding f WHERE f.id = ($1::jsonb ->> 'finding_id')::uuid)`,
        [JSON.stringify(link)],
      );
    }
    await this.manager.query(
      `INSERT INTO review_comment
       SELECT (jsonb_populate_record(NULL::review_comment, c || jsonb_build_object('author_id',
                 CASE WHEN EXISTS (SELECT 1 FROM user_account u WHERE u.id = (c ->> 'author_id')::uuid)
                      THEN c -> 'author_id' END))).*
       FROM jsonb_array_elements($1::jsonb) AS c
       ON CONFLICT DO NOTHING`,
      [all('comments')],
    );
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
