import { AnalysisBundleSection } from '../analysis/analysis-bundle-part';
import { ChronologyBundleSection } from '../chronology/chronology-bundle-part';
import { LearningBriefingsBundleSection } from '../documents/learning-briefings/learning-briefings-bundle-part';
import { BundleChecker, BundleProblem, isObject } from '../common/bundle-checker';
import { BundlePart } from '../common/bundle-part';
import { findControlCharacters } from '../common/validation.pipe';
import { FindingsBundleSection } from '../findings/findings-bundle-part';
import { ReviewsBundleSection } from '../reviews/reviews-bundle-part';
import { ReviewSetupBundleSection } from '../review-setup/review-setup-bundle-part';

export type { BundleProblem } from '../common/bundle-checker';

export const BUNDLE_FORMAT = 'scr-workbench/review-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

/**
 * The bundle format, version 1 (docs/bundle-format.md): a header, then each context's sections
 * in the order the parts write them (reviews, chronology, analysis, review set-up, findings,
 * learning briefing).
 */
export type ReviewBundle = {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  exportedAt?: string;
} & ReviewsBundleSection &
  ChronologyBundleSection &
  AnalysisBundleSection &
  ReviewSetupBundleSection &
  FindingsBundleSection &
  LearningBriefingsBundleSection;

export const MAX_PROBLEMS_LISTED = 20;

/**
 * Checks a parsed JSON document against the bundle format and the links inside it, each part
 * checking its own sections in order. Returns every problem found, in document order; an empty
 * list means the bundle can be imported.
 */
export function checkBundle(
  input: unknown,
  knownThemes: ReadonlyMap<string, string>,
  parts: readonly BundlePart<unknown>[],
): BundleProblem[] {
  if (!isObject(input)) return [{ path: '$', message: 'a bundle is a JSON object' }];
  const checker = new BundleChecker(knownThemes);
  if (input.format !== BUNDLE_FORMAT) checker.problem('format', `must be "${BUNDLE_FORMAT}"`);
  if (input.formatVersion !== BUNDLE_FORMAT_VERSION) {
    checker.problem(
      'formatVersion',
      `version ${JSON.stringify(input.formatVersion)} is not one this workbench reads (it reads ${BUNDLE_FORMAT_VERSION})`,
    );
  }
  if (checker.problems.length) return checker.problems;

  // A control character anywhere (NUL among them) is refused before anything is written. The
  // bundle carries stored text, which may hold line breaks wherever an import put them.
  for (const found of findControlCharacters(input, '', '', true))
    checker.problem(found.path, found.problem);
  for (const part of parts) part.check(input, checker);
  return checker.problems;
}
