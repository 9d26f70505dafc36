import { ImportedFrom } from '../reviews/review.entity';
import { User } from '../users/user.entity';
import { BundleProblem } from '../common/bundle-checker';
import { ReviewBundle } from './review-bundle';

/** Which copy of a review a bundle is: where from, by whom, with real names or not. */
export interface BundleSource {
  /** the id of the installation that exported it */
  installation: string;
  /** the review's id there */
  reviewId: string;
  /** the review's reference there (the bundle's own may be changed before an import) */
  reference: string;
  /** e-mail of the account that exported it */
  exportedBy: string;
  /** false when people's real names were left out */
  realNames: boolean;
}

export type ExportedBundle = ReviewBundle & { source: BundleSource };

/** Whether a bundle is written with the people's real names or without them. */
export type BundleNames = 'real' | 'pseudonyms';

const MAX_SOURCE_TEXT = 320;

/**
 * The bundle without anyone's real name: each person is known by the pseudonym only, without the
 * name or the other names they were known by.
 */
export function withoutRealNames<T extends ReviewBundle>(bundle: T): T {
  return {
    ...bundle,
    people: bundle.people.map((p) => ({ ...p, name: null as never, aliases: [] })),
  };
}

/** Problems with the optional `source` block of a bundle (docs/bundle-format.md). */
export function checkSource(input: unknown): BundleProblem[] {
  if (typeof input !== 'object' || input === null || !('source' in input)) return [];
  const source = input.source;
  if (source === null || source === undefined) return [];
  if (typeof source !== 'object' || Array.isArray(source))
    return [{ path: 'source', message: 'must be an object' }];
  const problems: BundleProblem[] = [];
  const s = source as Record<string, unknown>;
  for (const key of ['installation', 'reviewId', 'reference', 'exportedBy']) {
    const value = s[key];
    if (value === undefined || value === null) continue;
    if (
      typeof value !== 'string' ||
      value.length > MAX_SOURCE_TEXT ||
      [...value].some((c) => c.charCodeAt(0) < 0x20)
    )
      problems.push({
        path: `source.${key}`,
        message: `must be text of at most ${MAX_SOURCE_TEXT} characters, without control characters`,
      });
  }
  if (s.realNames !== undefined && typeof s.realNames !== 'boolean')
    problems.push({ path: 'source.realNames', message: 'must be true or false' });
  return problems;
}

/** What the new review records about where it came from. */
export function importedFromOf(bundle: ReviewBundle, importer: User, at: Date): ImportedFrom {
  const source = (bundle as Partial<ExportedBundle>).source ?? null;
  return {
    reference: source?.reference ?? bundle.review.reference,
    sourceReviewId: source?.reviewId ?? null,
    installation: source?.installation ?? null,
    exportedAt: typeof bundle.exportedAt === 'string' ? bundle.exportedAt : null,
    exportedBy: source?.exportedBy ?? null,
    // What the people register holds decides, not what the bundle says of itself.
    realNames: (bundle.people ?? []).some(
      (p) =>
        (typeof p.name === 'string' && p.name.trim() !== '') ||
        (Array.isArray(p.aliases) && p.aliases.length > 0),
    ),
    importedAt: at.toISOString(),
    importedBy: importer.email,
  };
}
