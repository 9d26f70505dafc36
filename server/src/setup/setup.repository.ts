import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS } from '../database/advisory-locks';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';

/**
 * What the first start does beyond the contexts' services. Setup belongs to no context; it
 * writes one row of the reviews context directly, for the demo only, where no one is signed in
 * to be checked or recorded.
 */
@Injectable()
export class SetupRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Waits for, then holds until the transaction ends, the lock that serialises first-start work
   * across instances starting at the same moment. Only inside a transaction.
   */
  @GenerateSql()
  async lockInitialData(): Promise<void> {
    await this.manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.initialData]);
  }

  /** Makes an account a lead reviewer of a review, unless it is a member already. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async addLeadReviewer(reviewId: string, userId: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO review_member (review_id, user_id, role) VALUES ($1, $2, 'LEAD_REVIEWER') ON CONFLICT DO NOTHING`,
      [reviewId, userId],
    );
  }
}
