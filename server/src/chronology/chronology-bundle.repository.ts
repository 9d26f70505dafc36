import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertColumns, insertRows } from '../database/bulk-insert';
import { allColumns } from '../database/entity-columns';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { TimelineEvent } from './timeline-event.entity';

type Row = Record<string, unknown>;

/** The chronology's tables as a bundle reads and writes them: whole lists of one review. */
@Injectable()
export class ChronologyBundleRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The review's events, every column, in date order. */
  @GenerateSql({ params: [DummyValue.UUID] })
  events(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, TimelineEvent, 'e')} FROM timeline_event e
       WHERE e.review_id = $1 ORDER BY e.sort_date, e.sequence`,
      [reviewId],
    );
  }

  /** The links between the review's events and the people they involve. */
  @GenerateSql({ params: [DummyValue.UUID] })
  eventPeople(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ep.* FROM timeline_event_person ep JOIN timeline_event e ON e.id = ep.event_id WHERE e.review_id = $1`,
      [reviewId],
    );
  }

  /** Inserts rows of the named properties of an event; their new ids, in order. */
  @GenerateSql({
    params: [
      ['reviewId', 'occurredOn', 'precision', 'sortDate', 'endDate', 'title'],
      [[DummyValue.UUID, DummyValue.DAY, 'DAY', DummyValue.DAY, DummyValue.DAY, DummyValue.TEXT]],
    ],
  })
  insertEvents(properties: (keyof TimelineEvent)[], rows: unknown[][]): Promise<string[]> {
    return insertRows(this.manager, TimelineEvent, properties, rows);
  }

  /** Links events to people, each row [eventId, personId, contact]. */
  @GenerateSql({ params: [[[DummyValue.UUID, DummyValue.OTHER_UUID, 'SEEN']]] })
  linkEventPeople(rows: unknown[][]): Promise<void> {
    return insertColumns(
      this.manager,
      'timeline_event_person',
      [
        ['event_id', 'uuid'],
        ['person_id', 'uuid'],
        ['contact', 'contact_type'],
      ],
      rows,
    );
  }
}
