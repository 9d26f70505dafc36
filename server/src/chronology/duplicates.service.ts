import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { badInput } from '../common/app-error';
import { RequestLoaders } from '../common/request-loaders';
import { ReviewAccessService } from '../reviews/review-access.service';
import { RecordsService } from '../common/records.service';
import { User } from '../users/user.entity';
import { DuplicatePair, DuplicatesRepository } from './duplicates.repository';
import { TimelineEvent } from './timeline-event.entity';
import { TimelineEventsRepository } from './timeline-events.repository';

export type { DuplicatePair } from './duplicates.repository';

/**
 * Finds records of the same occasion made by different agencies (a strategy discussion noted by
 * the police and by social care) and links them as one event seen by several agencies; each keeps
 * its own source and text.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly pairs: DuplicatesRepository,
    private readonly events: TimelineEventsRepository,
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
    return this.pairs.candidates(reviewId, limit);
  }

  /** The first `limit` candidates, with the events they pair. */
  async candidatesWithEvents(
    reviewId: string,
    limit: number,
  ): Promise<{ pairs: DuplicatePair[]; events: TimelineEvent[] }> {
    const pairs = await this.candidates(reviewId, limit);
    const ids = [...new Set(pairs.flatMap((pair) => [pair.firstId, pair.secondId]))];
    return { pairs, events: await this.events.findByIds(ids) };
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
    return this.pairs.transaction(async (transaction) => {
      const events = await this.events.in(transaction).findByIds(unique);
      const groups = [
        ...new Set(events.map((e) => e.eventGroup).filter((g): g is string => g !== null)),
      ];
      const group = groups[0] ?? randomUUID();
      await this.pairs.in(transaction).joinGroup(group, reviewId, unique, groups);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'TimelineEvent',
        entityId: group,
        action: 'link',
        before: { groups },
        after: { eventIds: unique, group },
      });
      return this.pairs.in(transaction).group(reviewId, group);
    });
  }

  async unlink(user: User, eventId: string, loaders: RequestLoaders): Promise<TimelineEvent> {
    const event = await this.records.findIn(TimelineEvent, eventId, 'event');
    await this.access.require(user, event.reviewId, 'edit', loaders);
    return this.pairs.transaction(async (transaction) => {
      await this.pairs.in(transaction).leaveGroup(eventId, event.eventGroup);
      await this.audit.record(transaction, user, {
        reviewId: event.reviewId,
        entityType: 'TimelineEvent',
        entityId: eventId,
        action: 'unlink',
        before: { group: event.eventGroup },
      });
      return this.events.in(transaction).get(eventId);
    });
  }
}
