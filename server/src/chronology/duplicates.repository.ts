import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { TimelineEvent } from './timeline-event.entity';

export interface DuplicatePair {
  firstId: string;
  secondId: string;
  score: number;
}

/** Proposed duplicates, and the groups of events linked as one occasion. */
@Injectable()
export class DuplicatesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * The first `limit` proposed pairs of events not already in one group, most alike first. The
   * pairs are found as events are written (see the duplicate-candidates migration).
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.PAGE_SIZE] })
  candidates(reviewId: string, limit: number): Promise<DuplicatePair[]> {
    return this.manager.query(
      `SELECT c.first_id AS "firstId", c.second_id AS "secondId", round(c.score::numeric, 2)::float AS score
       FROM duplicate_candidate c
       JOIN timeline_event a ON a.id = c.first_id
       JOIN timeline_event b ON b.id = c.second_id
       WHERE c.review_id = $1
         AND (a.event_group IS NULL OR b.event_group IS NULL OR a.event_group <> b.event_group)
       ORDER BY c.score DESC, c.sort_date, c.sequence
       LIMIT $2`,
      [reviewId, limit],
    );
  }

  /** Puts the events, and every event of the groups `groups`, in the group `group`. */
  @GenerateSql({
    params: [DummyValue.OTHER_UUID, DummyValue.UUID, [DummyValue.UUID], [DummyValue.OTHER_UUID]],
  })
  async joinGroup(
    group: string,
    reviewId: string,
    eventIds: string[],
    groups: string[],
  ): Promise<void> {
    await this.manager.query(
      `UPDATE timeline_event SET event_group = $1, updated_at = now()
       WHERE review_id = $2 AND (id = ANY($3) OR event_group = ANY($4))`,
      [group, reviewId, eventIds, groups],
    );
  }

  /** The events of the group, in chronological order. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  group(reviewId: string, group: string): Promise<TimelineEvent[]> {
    return this.manager.getRepository(TimelineEvent).find({
      where: { reviewId, eventGroup: group },
      order: { sortDate: 'ASC', sequence: 'ASC' },
    });
  }

  /** Takes the event out of its group `group`; a group left with one event is no group. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async leaveGroup(eventId: string, group: string | null): Promise<void> {
    await this.manager.query(
      `UPDATE timeline_event SET event_group = NULL, updated_at = now() WHERE id = $1`,
      [eventId],
    );
    await this.manager.query(
      `UPDATE timeline_event SET event_group = NULL WHERE event_group = $1 AND (SELECT count(*) FROM timeline_event WHERE event_group = $1) = 1`,
      [group],
    );
  }
}
