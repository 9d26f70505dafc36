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

  /**
   * Pairs of events from different agencies on the same day or month whose words are alike, most
   * alike first. The pairs are found as events are written (see the duplicate-candidates
   * migration), so this reads the first `limit` of them from an index, however large the review.
   */
  candidates(reviewId: string, limit: number): Promise<DuplicatePair[]> {
    return this.dataSource.query(
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
