import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { Collection } from '../reviews/collection.entity';
import { REVIEW_RECORD_TABLES, ReviewRecord } from './policy';

/**
 * What the permission check reads before an operation runs. It reads other contexts' tables
 * directly: the check runs in the guard, for every context, before any of their services.
 */
@Injectable()
export class PolicyRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  collectionById(id: string): Promise<Collection | null> {
    return this.manager.getRepository(Collection).findOneBy({ id });
  }

  /** The reviews of a collection. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async collectionReviewIds(id: string): Promise<string[]> {
    const rows: { review_id: string }[] = await this.manager.query(
      `SELECT review_id FROM collection_review WHERE collection_id = $1`,
      [id],
    );
    return rows.map((row) => row.review_id);
  }

  /** The review a record of a review belongs to, or null when there is no such record. */
  @GenerateSql(
    ...(Object.keys(REVIEW_RECORD_TABLES) as ReviewRecord[]).map((of) => ({
      name: of,
      params: [of, DummyValue.UUID],
    })),
  )
  async reviewIdOfRecord(of: ReviewRecord, id: string): Promise<string | null> {
    const [row] = await this.manager.query(
      `SELECT review_id FROM ${REVIEW_RECORD_TABLES[of]} WHERE id = $1`,
      [id],
    );
    return row?.review_id ?? null;
  }
}
