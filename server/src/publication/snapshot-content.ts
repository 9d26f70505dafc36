/**
 * What a publication snapshot holds, made from the review's bundle without real names
 * (docs/bundle-format.md), and the corpus rows written from it. Pure.
 */

interface SnapshotFinding {
  ordinal: number;
  title: string;
  category: string;
  effect: string;
  statement?: string | null;
  manifestation?: string | null;
  notPeculiar?: string | null;
  prevalence?: string | null;
  significance?: string | null;
  questions?: string[];
  themes?: string[];
}

export interface SnapshotContent {
  review: {
    reference: string;
    title: string;
    partnership: string;
    type: string;
    status: string;
    periodStart?: string | null;
    periodEnd?: string | null;
    caseCharacteristics?: string[];
    publishedAt?: string;
    [key: string]: unknown;
  };
  agencies?: { sector: string }[];
  factors?: { themes?: string[] }[];
  findings?: SnapshotFinding[];
  [key: string]: unknown;
}

/** Keys that never reach the corpus: the review team's own discussion and who signed what. */
const INTERNAL_KEYS = new Set(['comments', 'exportedAt', 'importedFrom']);

function withoutInternal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutInternal);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !INTERNAL_KEYS.has(key))
        .map(([key, inner]) => [key, withoutInternal(inner)]),
    );
  return value;
}

/**
 * The snapshot of a pseudonymised bundle: people by pseudonym only and without their dates of
 * birth or death (an age is kept), no comments, the case group's sign-off without the name of
 * who recorded it, and the review as published.
 */
export function snapshotContentOf(bundle: object, publishedAt: Date): SnapshotContent {
  const content = withoutInternal(bundle) as SnapshotContent & {
    people?: Record<string, unknown>[];
  };
  const signOff = content.review.caseGroupSignOff as { at?: string } | null | undefined;
  return {
    ...content,
    review: {
      ...content.review,
      status: 'PUBLISHED',
      publishedAt: publishedAt.toISOString(),
      ...(signOff ? { caseGroupSignOff: { at: signOff.at ?? null } } : {}),
    },
    people: (content.people ?? []).map((person) => {
      const { bornOn: _bornOn, diedOn: _diedOn, name: _name, aliases: _aliases, ...rest } = person;
      return { ...rest, name: null, aliases: [] };
    }),
  };
}

const distinct = (values: Iterable<string>) => [...new Set(values)].sort();

/** The corpus_review row's counted columns, from the snapshot. */
export function corpusReviewOf(content: SnapshotContent) {
  const findings = content.findings ?? [];
  return {
    reference: content.review.reference,
    title: content.review.title,
    partnership: content.review.partnership,
    type: content.review.type,
    periodStart: content.review.periodStart ?? null,
    periodEnd: content.review.periodEnd ?? null,
    caseCharacteristics: distinct(content.review.caseCharacteristics ?? []),
    practiceThemes: distinct([
      ...findings.flatMap((f) => f.themes ?? []),
      ...(content.factors ?? []).flatMap((f) => f.themes ?? []),
    ]),
    categories: distinct(findings.map((f) => f.category)),
    agencySectors: distinct((content.agencies ?? []).map((a) => a.sector)),
  };
}

/** The corpus_finding rows, from the snapshot; `idOf` gives a finding's id by its ordinal. */
export function corpusFindingsOf(content: SnapshotContent, idOf: (ordinal: number) => string) {
  return (content.findings ?? []).map((f) => ({
    findingId: idOf(f.ordinal),
    ordinal: f.ordinal,
    title: f.title,
    category: f.category,
    effect: f.effect,
    statement: f.statement ?? null,
    manifestation: f.manifestation ?? null,
    notPeculiar: f.notPeculiar ?? null,
    prevalence: f.prevalence ?? null,
    significance: f.significance ?? null,
    questions: f.questions ?? [],
    themeKeys: f.themes ?? [],
  }));
}
