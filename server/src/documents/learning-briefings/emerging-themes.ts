import { REVIEW_TYPE_LABELS, ReviewTypeName } from '@scr/shared';

/** A term of the vocabulary, as the themes context gives it. */
export interface VocabularyTerm {
  key: string;
  label: string;
  kind: string;
  broaderKey: string | null;
}

/** One case (a review) as the briefing counts it. */
export interface BriefingCase {
  type: ReviewTypeName;
  periodStart: string | null;
  periodEnd: string | null;
  partnership: string;
  caseCharacteristicKeys: readonly string[];
}

export interface EmergingThemeRow {
  key: string;
  label: string;
  /** cases having the characteristic or a narrower one, each case once */
  count: number;
  /** 100 × count / cases, to the whole percent as the seed briefings print it */
  percent: number;
  /** "75% of cases had parental substance misuse" */
  sentence: string;
}

export interface EmergingThemes {
  caseCount: number;
  /** cases with no case characteristic recorded: counted in caseCount, in no row */
  casesWithoutCharacteristics: number;
  rows: EmergingThemeRow[];
  /** labels of the review types, in the order of the vocabulary */
  reviewTypes: string[];
  /** the earliest start and the latest end of the cases' periods under review (YYYY-MM-DD) */
  periodStart: string | null;
  periodEnd: string | null;
  partnerships: string[];
  /** what the numbers rest on, or why there are none */
  message: string;
}

/** 100 × count / total to the whole percent; 0 when there is nothing to count over. */
export function wholePercent(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((100 * count) / total);
}

/** The label inside a sentence: "Neglect" → "neglect", but "Graded Care Profile used" kept. */
export function inSentence(label: string): string {
  const [first, second] = label.split(/\s+/);
  const keep = /[A-Z]/.test(first.slice(1)) || (second !== undefined && /^[A-Z]/.test(second));
  return keep ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The emerging themes of a set of cases: per case characteristic, the share of the cases that
 * have it or a narrower characteristic (transitively), each case counted once under a broader
 * term however many of its narrower terms it has. Keys the vocabulary no longer holds are left
 * out. Most frequent first, then by label.
 */
export function emergingThemes(
  cases: readonly BriefingCase[],
  vocabulary: readonly VocabularyTerm[],
): EmergingThemes {
  const byKey = new Map(vocabulary.map((term) => [term.key, term]));
  const counts = new Map<string, number>();
  for (const one of cases) {
    const reached = new Set<string>();
    for (const key of one.caseCharacteristicKeys) {
      for (
        let term = byKey.get(key);
        term && !reached.has(term.key);
        term = term.broaderKey ? byKey.get(term.broaderKey) : undefined
      )
        reached.add(term.key);
    }
    for (const key of reached) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const caseCount = cases.length;
  const rows = [...counts.keys()]
    .map((key) => byKey.get(key)!)
    .filter((term) => term.kind === 'CASE_CHARACTERISTIC')
    .map((term) => {
      const count = counts.get(term.key)!;
      const percent = wholePercent(count, caseCount);
      return {
        key: term.key,
        label: term.label,
        count,
        percent,
        sentence: `${percent}% of cases had ${inSentence(term.label)}`,
      };
    })
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const casesWithoutCharacteristics = cases.filter(
    (one) => !one.caseCharacteristicKeys.some((key) => byKey.has(key)),
  ).length;
  const types = new Set(cases.map((one) => one.type));
  const starts = cases.map((one) => one.periodStart).filter((d): d is string => !!d);
  const ends = cases.map((one) => one.periodEnd).filter((d): d is string => !!d);
  const message =
    caseCount === 0
      ? 'There are no cases to count yet: add reviews to the collection, and the emerging themes are computed from their case characteristics.'
      : `Computed from the case characteristics of ${plural(caseCount, 'case', 'cases')}` +
        (casesWithoutCharacteristics > 0
          ? `; ${plural(casesWithoutCharacteristics, 'case has', 'cases have')} no case characteristics recorded and ${casesWithoutCharacteristics === 1 ? 'counts' : 'count'} in no theme.`
          : '.');
  return {
    caseCount,
    casesWithoutCharacteristics,
    rows,
    reviewTypes: (Object.keys(REVIEW_TYPE_LABELS) as ReviewTypeName[])
      .filter((type) => types.has(type))
      .map((type) => REVIEW_TYPE_LABELS[type]),
    periodStart: starts.length ? starts.reduce((a, b) => (a < b ? a : b)) : null,
    periodEnd: ends.length ? ends.reduce((a, b) => (a > b ? a : b)) : null,
    partnerships: [...new Set(cases.map((one) => one.partnership.trim()).filter(Boolean))].sort(),
    message,
  };
}
