import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { sqlRowsWhereIn } from '../database/loader-queries';
import { applyOrder, closeGaps, nextOrdinal } from '../database/ordering';
import { BaseRepository } from '../database/unit-of-work';
import { updateVersioned } from '../database/versioned-update';
import { ReviewQuestion } from './review-question.entity';

/** The review's set-up: its questions (terms of reference). */
@Injectable()
export class ReviewSetupRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The questions of the reviews, in order: the batch of the request loaders. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  questionsOfReviews(reviewIds: string[]): Promise<ReviewQuestion[]> {
    return sqlRowsWhereIn(this.manager, ReviewQuestion, 'reviewId', reviewIds, 't.ordinal');
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  questionsOf(reviewId: string): Promise<ReviewQuestion[]> {
    return this.manager
      .getRepository(ReviewQuestion)
      .find({ where: { reviewId }, order: { ordinal: 'ASC' } });
  }

  /** The next free ordinal of the review's questions, with the review row locked. */
  @GenerateSql({ params: [DummyValue.UUID] })
  nextQuestionOrdinal(reviewId: string): Promise<number> {
    return nextOrdinal(this.manager, 'review_question', reviewId);
  }

  @GenerateSql({ params: [{ reviewId: DummyValue.UUID, ordinal: 1, text: DummyValue.TEXT }] })
  insertQuestion(values: Partial<ReviewQuestion>): Promise<ReviewQuestion> {
    const repository = this.manager.getRepository(ReviewQuestion);
    return repository.save(repository.create(values));
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { text: DummyValue.TEXT }] })
  updateQuestion(
    id: string,
    expectedVersion: number,
    changes: Partial<ReviewQuestion>,
  ): Promise<{ before: ReviewQuestion; after: ReviewQuestion }> {
    return updateVersioned(
      this.manager,
      ReviewQuestion,
      id,
      expectedVersion,
      changes,
      'review question',
    );
  }

  /** Renumbers the review's questions in the given order; `ids` must name every one. */
  @GenerateSql({ params: [DummyValue.UUID, []] })
  reorderQuestions(reviewId: string, ids: string[]): Promise<void> {
    return applyOrder(this.manager, 'review_question', reviewId, ids, 'questionIds');
  }

  /** Closes the gap a removed question leaves in the review's ordinals. */
  @GenerateSql({ params: [DummyValue.UUID] })
  closeQuestionGaps(reviewId: string): Promise<void> {
    return closeGaps(this.manager, 'review_question', reviewId);
  }

  /** How many findings say they answer the question. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async countAnsweringFindings(questionId: string): Promise<number> {
    const [{ findings }] = await this.manager.query(
      `SELECT count(*)::int AS findings FROM finding_review_question WHERE question_id = $1`,
      [questionId],
    );
    return findings;
  }
}
