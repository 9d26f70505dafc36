import { Injectable } from '@nestjs/common';
import { TEXT_LIMITS } from '@scr/shared';
import { BundleChecker } from '../common/bundle-checker';
import { BundlePart, BundleRefs, BundleTarget, refsToIds } from '../common/bundle-part';
import { Transaction } from '../database/unit-of-work';
import { ReviewQuestion } from './review-question.entity';
import { ReviewSetupBundleRepository } from './review-setup-bundle.repository';

/** The review set-up's section of a bundle (docs/bundle-format.md). */
export interface ReviewSetupBundleSection {
  /** The terms of reference, in order; left out by bundles made before reviews had them. */
  reviewQuestions?: { ref: string; text: string }[];
}

/** The review's questions (terms of reference), in and out of a bundle. */
@Injectable()
export class ReviewSetupBundlePart implements BundlePart<ReviewSetupBundleSection> {
  constructor(private readonly rows: ReviewSetupBundleRepository) {}

  check(input: Record<string, unknown>, checker: BundleChecker): void {
    const questions = checker.list(input, 'reviewQuestions', '');
    checker.refs(questions, 'reviewQuestions', 'question');
    questions.forEach((q, i) =>
      checker.text(q, 'text', `reviewQuestions[${i}]`, true, TEXT_LIMITS.reviewQuestion),
    );
  }

  async read(
    transaction: Transaction,
    reviewId: string,
    refs: BundleRefs,
  ): Promise<ReviewSetupBundleSection> {
    const questions = await this.rows.in(transaction).questions(reviewId);
    const questionRefs = refs.number('question', 'q', questions);
    return {
      reviewQuestions: questions.map((q) => ({
        ref: questionRefs.get(q.id as string)!,
        text: q.text as string,
      })),
    };
  }

  async write(
    transaction: Transaction,
    bundle: ReviewSetupBundleSection,
    target: BundleTarget,
  ): Promise<void> {
    const questions = bundle.reviewQuestions ?? [];
    const properties = ['reviewId', 'ordinal', 'text'] satisfies (keyof ReviewQuestion)[];
    const ids = await this.rows.in(transaction).insertQuestions(
      properties,
      questions.map((q, i) => [target.reviewId, i + 1, q.text.trim()]),
    );
    target.refs.put('question', refsToIds(questions, ids));
    target.counts.reviewQuestions = ids.length;
  }
}
