import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReviewRoleName } from '@scr/shared';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { ReviewMember } from './review-member.entity';

@Injectable()
export class MembersRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  find(reviewId: string, userId: string): Promise<ReviewMember | null> {
    return this.manager.getRepository(ReviewMember).findOneBy({ reviewId, userId });
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID, 'LEAD_REVIEWER'] })
  async insert(reviewId: string, userId: string, role: ReviewRoleName): Promise<void> {
    await this.manager.getRepository(ReviewMember).insert({ reviewId, userId, role });
  }

  /** Adds the member, or gives an existing member the role. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID, 'REVIEWER'] })
  async upsert(reviewId: string, userId: string, role: ReviewRoleName): Promise<void> {
    await this.manager
      .getRepository(ReviewMember)
      .upsert({ reviewId, userId, role }, ['reviewId', 'userId']);
  }

  @GenerateSql({ params: [DummyValue.UUID, 'LEAD_REVIEWER'] })
  countWithRole(reviewId: string, role: ReviewRoleName): Promise<number> {
    return this.manager.getRepository(ReviewMember).countBy({ reviewId, role });
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async delete(reviewId: string, userId: string): Promise<void> {
    await this.manager.getRepository(ReviewMember).delete({ reviewId, userId });
  }
}
