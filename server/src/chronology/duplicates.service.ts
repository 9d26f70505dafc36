import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badInput } from '../common/app-error';
import { RequestLoaders } from '../common/request-loaders';
import { ReviewAccessService } from '../reviews/review-access.service';
import { RecordsService } from '../common/records.service';
import { User } from '../users/user.entity';
import { TimelineEvent } from './timeline-event.entity';

export interface DuplicatePair {
  firstId: string;
  secondId: string;
  score: number;
}

/** Dates further apart than this are not one occasion, however alike the words. */
const WIDEST_DATE_RANGE_DAYS = 31;
const LEAST_SIMILARITY = 0.3;

/**
 * Finds records of the same occasion made by different agencies (a strategy discussion noted by
 * the police and by social care) and links them as one event seen by several agencies; each keeps
 * its own source and text.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly records: RecordsService,
    private readonly audit: AuditService,
  ) {}

  /** Pairs of events from different agencies on the same day or month whose words are alike, most alike first. */
  candidates(reviewId: string, limit: number): Promise<DuplicatePair[]> {
    // Pairs come from two equality joins (same start; a month and a day within it), which the
    // database answers with hash joins, so a review of 100,000 events is compared in seconds.
    return this.dataSource.query(
      `WITH pairs AS (
         SELECT a.id AS first_id, b.id AS second_id
         FROM timeline_event a
         JOIN timeline_event b ON b.review_id = a.review_id AND b.sort_date = a.sort_date AND a.id < b.id
         WHERE a.review_id = $1 AND a.agency_id <> b.agency_id
           AND a.end_date - a.sort_date <= $2 AND b.end_date - b.sort_date <= $2
         UNION
         SELECT least(a.id, b.id), greatest(a.id, b.id)
         FROM timeline_event a
         JOIN timeline_event b ON b.review_id = a.review_id AND date_trunc('month', b.sort_date)::date = a.sort_date
         WHERE a.review_id = $1 AND a.precision IN ('MONTH', 'APPROXIMATE') AND a.end_date - a.sort_date <= $2
           AND b.precision = 'DAY' AND a.agency_id <> b.agency_id
       ), scored AS (
         SELECT p.first_id, p.second_id, a.sort_date, a.sequence,
                greatest(similarity(a.title, b.title),
                         similarity(a.title || ' ' || coalesce(a.description, ''), b.title || ' ' || coalesce(b.description, ''))) AS score
         FROM pairs p
         JOIN timeline_event a ON a.id = p.first_id
         JOIN timeline_event b ON b.id = p.second_id
         WHERE a.event_group IS NULL OR b.event_group IS NULL OR a.event_group <> b.event_group
       )
       SELECT first_id AS "firstId", second_id AS "secondId", round(score::numeric, 2)::float AS score
       FROM scored WHERE score >= $3
       ORDER BY score DESC, sort_date, sequence
       LIMIT $4`,
      [reviewId, WIDEST_DATE_RANGE_DAYS, LEAST_SIMILARITY, limit],
    );
  }

  /** Makes the events one occasion seen by several agencies (joining any group they are already in). */
  async link(
    user: User,
    reviewId: string,
    eventIds: string[],
    loaders: RequestLoaders,
  ): Promise<TimelineEvent[]> {
    await this.access.require(user, reviewId, 'edit', loaders);
    const unique = [...new Set(eventIds)];
    if (unique.length < 2)
      throw badInput('eventIds: link at least two events.', { field: 'eventIds', value: eventIds });
    await this.records.requireInReview(TimelineEvent, reviewId, unique, 'eventIds', 'event');
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(TimelineEvent);
      const events = await repository.findBy({ id: In(unique) });
      const groups = [
        ...new Set(events.map((e) => e.eventGroup).filter((g): g is string => g !== null)),
      ];
      const group = groups[0] ?? randomUUID();
      await manager.query(
        `UPDATE timeline_event SET event_group = $1, updated_at = now()
         WHERE review_id = $2 AND (id = ANY($3) OR event_group = ANY($4))`,
        [group, reviewId, unique, groups],
      );
      await this.audit.record(manager, user, {
        reviewId,
        entityType: 'TimelineEvent',
        entityId: group,
        action: 'link',
        before: { groups },
        after: { eventIds: unique, group },
      });
      return repository.find({
        where: { reviewId, eventGroup: group },
        order: { sortDate: 'ASC', sequence: 'ASC' },
      });
    });
  }

  async unlink(user: User, eventId: string, loaders: RequestLoaders): Promise<TimelineEvent> {
    const event = await this.records.findIn(TimelineEvent, eventId, 'event');
    await this.access.require(user, event.reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE timeline_event SET event_group = NULL, updated_at = now() WHERE id = $1`,
        [eventId],
      );
      // A group of one is no group.
      await manager.query(
        `UPDATE timeline_event SET event_group = NULL WHERE event_group = $1 AND (SELECT count(*) FROM timeline_event WHERE event_group = $1) = 1`,
        [event.eventGroup],
      );
      await this.audit.record(manager, user, {
        reviewId: event.reviewId,
        entityType: 'TimelineEvent',
        entityId: eventId,
        action: 'unlink',
        before: { group: event.eventGroup },
      });
      return manager.getRepository(TimelineEvent).findOneByOrFail({ id: eventId });
    });
  }
}
