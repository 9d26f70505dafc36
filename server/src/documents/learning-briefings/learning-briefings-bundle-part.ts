import { LEARNING_BRIEFING_LIST_SECTIONS, LEARNING_BRIEFING_TEXT_SECTIONS } from '@scr/shared';
import { Injectable } from '@nestjs/common';
import { TEXT_LIMITS } from '@scr/shared';
import { BundleChecker, isObject } from '../../common/bundle-checker';
import { BundlePart, BundleTarget } from '../../common/bundle-part';
import { Transaction } from '../../database/unit-of-work';
import { LearningBriefingSections } from './learning-briefing-document';
import { LearningBriefingsRepository } from './learning-briefings.repository';

/** The learning briefing's section of a bundle (docs/bundle-format.md). */
export interface LearningBriefingsBundleSection {
  /** The review's learning briefing; left out when it has none (and by older bundles). */
  learningBriefing?: LearningBriefingSections;
}

const TEXTS = LEARNING_BRIEFING_TEXT_SECTIONS;
const LISTS = LEARNING_BRIEFING_LIST_SECTIONS;

/** A review's learning briefing, in and out of a bundle, so that it travels with the review. */
@Injectable()
export class LearningBriefingsBundlePart implements BundlePart<LearningBriefingsBundleSection> {
  constructor(private readonly briefings: LearningBriefingsRepository) {}

  check(input: Record<string, unknown>, checker: BundleChecker): void {
    const briefing = input.learningBriefing;
    if (briefing === undefined) return;
    if (!isObject(briefing)) {
      checker.problem('learningBriefing', 'must be an object');
      return;
    }
    checker.text(briefing, 'title', 'learningBriefing', false, TEXT_LIMITS.learningBriefingTitle);
    for (const key of TEXTS.slice(1))
      checker.text(briefing, key, 'learningBriefing', false, TEXT_LIMITS.learningBriefingText);
    for (const key of LISTS) {
      const value = briefing[key];
      if (value === undefined) continue;
      if (!Array.isArray(value) || value.length > TEXT_LIMITS.learningBriefingItems) {
        checker.problem(
          `learningBriefing.${key}`,
          `must be a list of at most ${TEXT_LIMITS.learningBriefingItems} texts`,
        );
        continue;
      }
      value.forEach((item, i) => {
        const path = `learningBriefing.${key}[${i}]`;
        if (typeof item !== 'string') checker.problem(path, 'must be text');
        else if (item.length > TEXT_LIMITS.learningBriefingItem)
          checker.problem(
            path,
            `must be at most ${TEXT_LIMITS.learningBriefingItem} characters long (it has ${item.length})`,
          );
      });
    }
  }

  async read(transaction: Transaction, reviewId: string): Promise<LearningBriefingsBundleSection> {
    const record = await this.briefings.in(transaction).findBy('reviewId', reviewId);
    if (!record) return {};
    const section = Object.fromEntries([
      ...TEXTS.map((key) => [key, record[key]]),
      ...LISTS.map((key) => [key, record[key]]),
    ]) as unknown as LearningBriefingSections;
    return { learningBriefing: section };
  }

  async write(
    transaction: Transaction,
    bundle: LearningBriefingsBundleSection,
    target: BundleTarget,
  ): Promise<void> {
    const briefing = bundle.learningBriefing;
    if (!briefing) return;
    const values = Object.fromEntries([
      ...TEXTS.map((key) => [key, (briefing[key] ?? '').trim()]),
      ...LISTS.map((key) => [
        key,
        (briefing[key] ?? []).map((item) => item.trim()).filter((item) => item.length > 0),
      ]),
    ]);
    await this.briefings.in(transaction).insert('reviewId', target.reviewId, values);
    target.counts.learningBriefing = 1;
  }
}
