import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityTarget, In } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';

/**
 * Lookups that work alike for the records of every context: one record by id, and which of some
 * ids belong to a review. The entity is named by the caller, so this file knows no context.
 */
@Injectable()
export class RecordsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: ['Agency', DummyValue.UUID] })
  findById<T extends { id: string }>(entity: EntityTarget<T>, id: string): Promise<T | null> {
    return this.manager.getRepository(entity).findOneBy({ id } as never);
  }

  /** Those of `ids` that name a record of `entity` in the review. */
  @GenerateSql({ params: ['Person', DummyValue.UUID, [DummyValue.UUID, DummyValue.OTHER_UUID]] })
  async idsInReview(
    entity: EntityTarget<{ id: string; reviewId: string }>,
    reviewId: string,
    ids: string[],
  ): Promise<Set<string>> {
    const found = await this.manager
      .getRepository(entity)
      .find({ select: { id: true }, where: { id: In(ids), reviewId } as never });
    return new Set(found.map((row) => row.id));
  }
}
