import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityTarget } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { AuditEvent } from './audit-event.entity';

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at' | 'before' | 'after'> & {
  before: object;
  after: object;
};

/** The audit trail's table, and the generic write of a record that the trail follows. */
@Injectable()
export class AuditRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({
    params: [
      [
        {
          reviewId: null,
          actorId: DummyValue.UUID,
          actorEmail: DummyValue.TEXT,
          entityType: 'Theme',
          entityId: DummyValue.TEXT,
          action: 'create',
          before: null,
          after: { key: DummyValue.TEXT },
        },
      ],
    ],
  })
  async insert(events: NewAuditEvent[]): Promise<void> {
    await this.manager.getRepository(AuditEvent).insert(events);
  }

  /**
   * Writes `changes` to the record `id` of `entity` and reads it back. Generic over the entity,
   * for the services whose changes the trail records; the example shows an account.
   */
  @GenerateSql({ params: [User, DummyValue.UUID, { displayName: DummyValue.TEXT }] })
  async updateRecord<T extends { id: string }>(
    entity: EntityTarget<T>,
    id: string,
    changes: Partial<T>,
  ): Promise<T> {
    const repository = this.manager.getRepository(entity);
    await repository.update({ id } as never, changes as never);
    return repository.findOneByOrFail({ id } as never);
  }

  /** Removes the record `id` of `entity`; the example shows an account. */
  @GenerateSql({ params: [User, DummyValue.UUID] })
  async deleteRecord(entity: EntityTarget<{ id: string }>, id: string): Promise<void> {
    await this.manager.getRepository(entity).delete({ id });
  }

  /** A page of a review's trail, newest first, from before the event `before` when given. */
  @GenerateSql(
    { name: 'first page', params: [DummyValue.UUID, null, DummyValue.PAGE_SIZE] },
    { name: 'next page', params: [DummyValue.UUID, '42', DummyValue.PAGE_SIZE] },
  )
  reviewPage(reviewId: string, before: string | null, limit: number): Promise<AuditEvent[]> {
    const query = this.manager
      .getRepository(AuditEvent)
      .createQueryBuilder('audit')
      .where('audit.review_id = :reviewId', { reviewId });
    if (before) query.andWhere('audit.id < :before', { before });
    return query.orderBy('audit.id', 'DESC').limit(limit).getMany();
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  countForReview(reviewId: string): Promise<number> {
    return this.manager.getRepository(AuditEvent).countBy({ reviewId });
  }

  /**
   * A page of the changes tied to no review, newest first, of one kind of record when
   * `entityType` is given, from before the event `before` when given.
   */
  @GenerateSql(
    { name: 'first page', params: [null, null, DummyValue.PAGE_SIZE] },
    { name: 'next page of one kind', params: ['Theme', '42', DummyValue.PAGE_SIZE] },
  )
  generalPage(
    entityType: string | null,
    before: string | null,
    limit: number,
  ): Promise<AuditEvent[]> {
    const query = this.outsideReviews(entityType);
    if (before) query.andWhere('audit.id < :before', { before });
    return query.orderBy('audit.id', 'DESC').limit(limit).getMany();
  }

  @GenerateSql({ name: 'all', params: [null] }, { name: 'one kind', params: ['Theme'] })
  countGeneral(entityType: string | null): Promise<number> {
    return this.outsideReviews(entityType).getCount();
  }

  private outsideReviews(entityType: string | null) {
    const query = this.manager
      .getRepository(AuditEvent)
      .createQueryBuilder('audit')
      .where('audit.review_id IS NULL');
    if (entityType) query.andWhere('audit.entity_type = :entityType', { entityType });
    return query;
  }
}
