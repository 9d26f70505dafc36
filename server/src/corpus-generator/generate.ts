import { FACTOR_LEVELS, type FindingCategoryName } from '@scr/shared';
import { SeededRandom } from './random';
import {
  AGENCY_TEMPLATES,
  CASE_CHARACTERISTIC_RATES,
  CASE_KIND_WEIGHTS,
  CATEGORY_THEMES,
  CATEGORY_WEIGHTS,
  CHARACTERISTIC_PHRASES,
  CONSEQUENCES,
  EPISODE_TITLES,
  FACTOR_SENTENCES,
  FINDING_TITLES,
  GOOD_CONSEQUENCES,
  GOOD_STATEMENTS,
  PARTNERSHIPS,
  PROBLEM_STATEMENTS,
  PSEUDONYM_LETTERS,
  QUESTIONS_FOR_THE_BOARD,
  THEME_PHRASES,
} from './vocabulary';

export type Effect = 'SUPPORTS_GOOD_PRACTICE' | 'MAKES_PROBLEMS_MORE_LIKELY';

export interface GeneratedAgency {
  id: string;
  ref: string;
  name: string;
  sector: string;
}

export interface GeneratedFactor {
  ref: string;
  episode: string;
  level: string;
  description: string;
  themes: string[];
  effect: Effect;
  tier: 'FRONTLINE' | 'LOCAL_STRATEGIC' | 'NATIONAL';
}

export interface GeneratedFinding {
  id: string;
  ref: string;
  ordinal: number;
  title: string;
  category: FindingCategoryName;
  effect: Effect;
  statement: string;
  manifestation: string;
  notPeculiar: string;
  prevalence: string;
  significance: string;
  questions: string[];
  themes: string[];
  factors: string[];
}

/** One synthetic published review, with everything written for it. */
export interface GeneratedReview {
  reviewId: string;
  snapshotId: string;
  reference: string;
  title: string;
  partnership: string;
  type: string;
  publishedAt: string;
  periodStart: string;
  periodEnd: string;
  summary: string;
  caseCharacteristics: string[];
  agencies: GeneratedAgency[];
  episodes: { ref: string; ordinal: number; title: string }[];
  factors: GeneratedFactor[];
  findings: GeneratedFinding[];
  /** Union of the practice themes of its findings and factors (corpus_review.practice_themes). */
  practiceThemes: string[];
  /** Distinct finding categories (corpus_review.categories). */
  categories: FindingCategoryName[];
  /** Distinct sectors of its agencies (corpus_review.agency_sectors). */
  agencySectors: string[];
}

export interface CorpusOptions {
  seed: number;
  /** Every reference starts with it; `--reset` removes the reviews that do. */
  referencePrefix: string;
}

/** Names the generated snapshots' publisher, and marks the content as synthetic. */
export const SYNTHETIC_PUBLISHER = 'Synthetic corpus generator';

const FIRST_YEAR = 2012;
const LAST_YEAR = 2025;

function typeFor(random: SeededRandom, year: number): string {
  if (year < 2019) {
    return random.weighted({
      SERIOUS_CASE_REVIEW: 78,
      LEARNING_REVIEW: 14,
      MULTI_AGENCY_CASE_AUDIT: 8,
    });
  }
  if (year < 2021) {
    return random.weighted({
      SERIOUS_CASE_REVIEW: 35,
      LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW: 45,
      RAPID_REVIEW: 8,
      LEARNING_REVIEW: 8,
      MULTI_AGENCY_CASE_AUDIT: 4,
    });
  }
  return random.weighted({
    LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW: 72,
    RAPID_REVIEW: 10,
    LEARNING_REVIEW: 12,
    MULTI_AGENCY_CASE_AUDIT: 6,
  });
}

const TYPE_CODES: Record<string, string> = {
  SERIOUS_CASE_REVIEW: 'SCR',
  LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW: 'LCSPR',
  RAPID_REVIEW: 'RR',
  LEARNING_REVIEW: 'LR',
  MULTI_AGENCY_CASE_AUDIT: 'MACA',
};

const day = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

function weightedIndex(random: SeededRandom, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let roll = random.next() * total;
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i];
    if (roll < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Review number `index` of the corpus seeded `options.seed`: the same seed and index always give
 * the same review, whatever else is generated in the run.
 */
export function generateReview(options: CorpusOptions, index: number): GeneratedReview {
  const salt = [...options.referencePrefix].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 31), 7);
  const random = SeededRandom.forItem(options.seed, index, salt);
  const partnership =
    PARTNERSHIPS[
      weightedIndex(
        random,
        PARTNERSHIPS.map((p) => p.weight),
      )
    ];
  // More reviews published in later years.
  const year =
    FIRST_YEAR +
    weightedIndex(
      random,
      Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => 6 + i),
    );
  const type = typeFor(random, year);
  const publishedAt = new Date(
    Date.UTC(year, random.int(0, 11), random.int(1, 28), random.int(9, 17)),
  );
  const periodEnd = addDays(publishedAt, -random.int(180, 720));
  const periodStart = addDays(periodEnd, -random.int(180, 1100));

  const kind = random.weighted(CASE_KIND_WEIGHTS);
  const caseCharacteristics = Object.entries(CASE_CHARACTERISTIC_RATES)
    .filter(([, rates]) => random.chance(rates[kind]))
    .map(([key]) => key);
  if (caseCharacteristics.length === 0) caseCharacteristics.push('neglect');
  const letter = random.pick(PSEUDONYM_LETTERS);
  const title =
    kind === 'BABY'
      ? `Baby ${letter}`
      : kind === 'ADOLESCENT'
        ? `Young person ${letter}`
        : `Child ${letter}`;
  const reference = `${options.referencePrefix}${partnership.code}-${TYPE_CODES[type]}-${year}-${String(index + 1).padStart(5, '0')}`;

  const agencyCount = random.int(4, 9);
  const templates = [...AGENCY_TEMPLATES];
  const agencies: GeneratedAgency[] = [];
  while (agencies.length < agencyCount && templates.length > 0) {
    const [template] = templates.splice(
      weightedIndex(
        random,
        templates.map((t) => t.weight),
      ),
      1,
    );
    agencies.push({
      id: random.uuid(),
      ref: `a${agencies.length + 1}`,
      name: fill(template.name, { area: partnership.area }),
      sector: template.sector,
    });
  }

  const episodes = random
    .sample(EPISODE_TITLES, random.int(4, 9))
    .map((t, i) => ({ ref: `k${i + 1}`, ordinal: i + 1, title: t }));

  const focusOf = () => CHARACTERISTIC_PHRASES[random.pick(caseCharacteristics)];
  const phraseOf = (theme: string) => random.pick(THEME_PHRASES[theme]);
  const allThemes = Object.keys(THEME_PHRASES);

  const factors: GeneratedFactor[] = Array.from({ length: random.int(20, 40) }, (_, i) => {
    const themes = random.sample(allThemes, random.chance(0.3) ? 2 : 1);
    const effect: Effect = random.chance(0.2)
      ? 'SUPPORTS_GOOD_PRACTICE'
      : 'MAKES_PROBLEMS_MORE_LIKELY';
    return {
      ref: `f${i + 1}`,
      episode: random.pick(episodes).ref,
      level: random.pick(FACTOR_LEVELS),
      description: fill(random.pick(FACTOR_SENTENCES), { theme: phraseOf(themes[0]) }),
      themes,
      effect,
      tier: random.weighted({ FRONTLINE: 6, LOCAL_STRATEGIC: 3, NATIONAL: 1 }),
    };
  });

  const findings: GeneratedFinding[] = Array.from({ length: random.int(6, 18) }, (_, i) => {
    const category = random.weighted(CATEGORY_WEIGHTS);
    const effect: Effect = random.chance(0.15)
      ? 'SUPPORTS_GOOD_PRACTICE'
      : 'MAKES_PROBLEMS_MORE_LIKELY';
    const themes = random.sample(CATEGORY_THEMES[category], random.int(1, 3));
    const values = { focus: focusOf(), theme: phraseOf(themes[0]), area: partnership.area };
    const statement =
      effect === 'MAKES_PROBLEMS_MORE_LIKELY'
        ? `${fill(random.pick(PROBLEM_STATEMENTS[category]), values)}, ${random.pick(CONSEQUENCES)}`
        : `${fill(random.pick(GOOD_STATEMENTS[category]), values)}, ${random.pick(GOOD_CONSEQUENCES)}`;
    const episode = random.pick(episodes);
    return {
      id: random.uuid(),
      ref: `n${i + 1}`,
      ordinal: i + 1,
      title: random.pick(FINDING_TITLES[category]),
      category,
      effect,
      statement,
      manifestation: `In episode ${episode.ordinal} (${episode.title.toLowerCase()}) ${values.theme} shaped what agencies did about ${focusOf()}.`,
      notPeculiar: `The case group recognised this as usual practice in ${partnership.area}, not something peculiar to this family.`,
      prevalence: `A multi-agency audit of ${random.int(8, 40)} cases in ${year - 1} found the same pattern in ${random.int(20, 80)}%.`,
      significance: `Where ${values.focus} is present, ${values.theme} is what keeps the child in view.`,
      questions: random.sample(QUESTIONS_FOR_THE_BOARD, random.int(1, 3)),
      themes,
      factors: random.sample(factors, random.int(1, 4)).map((f) => f.ref),
    };
  });

  const practiceThemes = [
    ...new Set([...findings.flatMap((f) => f.themes), ...factors.flatMap((f) => f.themes)]),
  ].sort();
  const categories = [...new Set(findings.map((f) => f.category))];
  const agencySectors = [...new Set(agencies.map((a) => a.sector))];
  const summary = `${title} was known to ${agencies.length} agencies over ${Math.round(
    (periodEnd.getTime() - periodStart.getTime()) / (30 * 86_400_000),
  )} months in a family affected by ${caseCharacteristics.map((c) => CHARACTERISTIC_PHRASES[c]).join(', ')}.`;

  return {
    reviewId: random.uuid(),
    snapshotId: random.uuid(),
    reference,
    title,
    partnership: partnership.name,
    type,
    publishedAt: publishedAt.toISOString(),
    periodStart: day(periodStart),
    periodEnd: day(periodEnd),
    summary,
    caseCharacteristics,
    agencies,
    episodes,
    factors,
    findings,
    practiceThemes,
    categories,
    agencySectors,
  };
}

/** Reviews `from` to `from + count - 1` of the corpus. */
export function generateReviews(
  options: CorpusOptions,
  from: number,
  count: number,
): GeneratedReview[] {
  return Array.from({ length: count }, (_, i) => generateReview(options, from + i));
}

/**
 * The snapshot document of a generated review, as the corpus keeps it: pseudonyms only, in the
 * shape of a bundle but compact (no events, people or conversations).
 */
export function snapshotContent(review: GeneratedReview): Record<string, unknown> {
  return {
    format: 'scr-review-snapshot',
    formatVersion: 1,
    synthetic: true,
    review: {
      reference: review.reference,
      title: review.title,
      partnership: review.partnership,
      type: review.type,
      status: 'PUBLISHED',
      methodology: 'LEARNING_TOGETHER',
      periodStart: review.periodStart,
      periodEnd: review.periodEnd,
      summary: review.summary,
      caseCharacteristics: review.caseCharacteristics,
      publishedAt: review.publishedAt,
    },
    agencies: review.agencies.map(({ ref, name, sector }) => ({ ref, name, sector })),
    episodes: review.episodes,
    factors: review.factors,
    findings: review.findings.map(({ id: _id, ...finding }) => finding),
  };
}
