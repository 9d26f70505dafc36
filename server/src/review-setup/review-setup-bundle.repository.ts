import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertRows } from '../database/bulk-insert';
import { allColumns } from '../database/entity-columns';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { ReviewQuestion } from './review-question.entity';

type Row = Record<string, unknown>;

/** The review set-up's tables as a bundle reads and writes them: whole lists of one review. */
@Injectable()
export class ReviewSetupBundleRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  questions(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, ReviewQuestion, 'q')} FROM review_question q WHERE q.review_id = $1 ORDER BY q.ordinal`,
      [reviewId],
    );
  }

  /** Inserts rows of the named properties of a question; their new ids, in order. */
  @GenerateSql({
    params: [['reviewId', 'ordinal', 'text'], [[DummyValue.UUID, 1, DummyValue.TEXT]]],
  })
  insertQuestions(properties: (keyof ReviewQuestion)[], rows: unknown[][]): Promise<string[]> {
    return insertRows(this.manager, ReviewQuestion, properties, rows);
  }
}
