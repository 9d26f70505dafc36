import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { plural, RemovalResult } from '../common/removal-result';
import { RecordsService } from '../common/records.service';
import { RequestLoaders } from '../common/request-loaders';
import { ReviewAccessService } from '../reviews/review-access.service';
import { User } from '../users/user.entity';
import { ReviewQuestionInput } from './dto/review-question.inputs';
import { ReviewQuestion } from './review-question.entity';
import { ReviewSetupRepository } from './review-setup.repository';

/** The review's set-up: its questions (terms of reference). */
@Injectable()
export class ReviewSetupService {
  constructor(
    private readonly setup: ReviewSetupRepository,
    private readonly access: ReviewAccessService,
    private readonly records: RecordsService,
    private readonly audit: AuditService,
  ) {}

  async addQuestion(
    user: User,
    reviewId: string,
    input: ReviewQuestionInput,
    loaders: RequestLoaders,
  ): Promise<ReviewQuestion> {
    await this.access.require(user, reviewId, 'edit', loaders);
    return this.setup.transaction(async (transaction) => {
      const setup = this.setup.in(transaction);
      const ordinal = await setup.nextQuestionOrdinal(reviewId);
      const question = await setup.insertQuestion({ reviewId, ordinal, text: input.text.trim() });
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'ReviewQuestion',
        entityId: question.id,
        action: 'create',
        after: question,
      });
      return question;
    });
  }

  async updateQuestion(
    user: User,
    id: string,
    expectedVersion: number,
    input: ReviewQuestionInput,
    loaders: RequestLoaders,
  ): Promise<ReviewQuestion> {
    const question = await this.records.findIn(ReviewQuestion, id, 'review question');
    await this.access.require(user, question.reviewId, 'edit', loaders);
    return this.setup.transaction(async (transaction) => {
      const { before, after } = await this.setup
        .in(transaction)
        .updateQuestion(id, expectedVersion, { text: input.text.trim() });
      await this.audit.record(transaction, user, {
        reviewId: question.reviewId,
        entityType: 'ReviewQuestion',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async reorderQuestions(
    user: User,
    reviewId: string,
    questionIds: string[],
    loaders: RequestLoaders,
  ): Promise<ReviewQuestion[]> {
    await this.access.require(user, reviewId, 'edit', loaders);
    return this.setup.transaction(async (transaction) => {
      const setup = this.setup.in(transaction);
      await setup.reorderQuestions(reviewId, questionIds);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'ReviewQuestion',
        entityId: null,
        action: 'reorder',
        after: { questionIds },
      });
      return setup.questionsOf(reviewId);
    });
  }

  async removeQuestion(
    user: User,
    id: string,
    dryRun: boolean,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    const question = await this.records.findIn(ReviewQuestion, id, 'review question');
    await this.access.require(user, question.reviewId, 'edit', loaders);
    return this.setup.transaction(async (transaction) => {
      const setup = this.setup.in(transaction);
      const findings = await setup.countAnsweringFindings(id);
      const consequences = findings
        ? [`${plural(findings, 'finding')} will no longer say they answer it`]
        : [];
      const result = await this.audit.remove(
        transaction,
        user,
        ReviewQuestion,
        question,
        consequences,
        dryRun,
      );
      if (result.removed) await setup.closeQuestionGaps(question.reviewId);
      return result;
    });
  }
}
