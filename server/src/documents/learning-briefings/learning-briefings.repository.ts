import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { BaseRepository } from '../../database/unit-of-work';
import { updateVersioned } from '../../database/versioned-update';
import { LearningBriefingRecord } from './learning-briefing.entity';

export type BriefingSubjectColumn = 'reviewId' | 'collectionId';
export type BriefingChanges = Omit<
  LearningBriefingRecord,
  'id' | 'reviewId' | 'collectionId' | 'version' | 'createdAt' | 'updatedAt'
>;

/** The learning briefings' own table; the reviews they count are read through the reviews context. */
@Injectable()
export class LearningBriefingsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The briefing of the review or of the collection, if one was ever saved. */
  @GenerateSql({ params: ['reviewId', DummyValue.UUID] })
  findBy(column: BriefingSubjectColumn, id: string): Promise<LearningBriefingRecord | null> {
    return this.manager.getRepository(LearningBriefingRecord).findOneBy({ [column]: id });
  }

  /** The first save of a briefing: version 1. */
  @GenerateSql({
    params: ['reviewId', DummyValue.UUID, { title: DummyValue.TEXT, updatedById: DummyValue.UUID }],
  })
  insert(
    column: BriefingSubjectColumn,
    id: string,
    values: Partial<BriefingChanges>,
  ): Promise<LearningBriefingRecord> {
    const repository = this.manager.getRepository(LearningBriefingRecord);
    return repository.save(repository.create({ ...values, [column]: id, version: 1 }));
  }

  /** Saves over version `expectedVersion`; CONFLICT when someone saved first. */
  @GenerateSql({
    params: [DummyValue.UUID, DummyValue.NUMBER, { title: DummyValue.TEXT }],
  })
  update(
    id: string,
    expectedVersion: number,
    changes: Partial<BriefingChanges>,
  ): Promise<{ before: LearningBriefingRecord; after: LearningBriefingRecord }> {
    return updateVersioned<LearningBriefingRecord>(
      this.manager,
      LearningBriefingRecord,
      id,
      expectedVersion,
      changes,
      'learning briefing',
    );
  }
}
