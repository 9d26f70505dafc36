import {
  AgencySectorName,
  FindingCategoryName,
  PatternEffectName,
  ReviewTypeName,
} from '@scr/shared';

/**
 * A theme's bit in a corpus review's theme words (`corpus_review_themes.words`, kept by the
 * database): set when the review has the theme or a narrower one, transitively.
 */
export interface ThemeBit {
  /** the theme's position (corpus_theme_position) */
  position: number;
}

/**
 * A CorpusFilter made ready for SQL: each theme key as its bit, which a review has when it has the
 * theme or any narrower theme (transitively), so that a filter by a broader term matches its
 * narrower ones.
 */
export interface CorpusScope {
  partnership?: string;
  collectionId?: string;
  /**
   * The collection's reviews as they are now, published or not, read from the live tables
   * instead of the snapshots (collectionId is then required). Who may ask is checked before.
   */
  live?: boolean;
  /** published native reviews, coded reports, or both (undefined: both); not for a live scope */
  sources?: ('REVIEW' | 'REPORT')[];
  reviewTypes?: ReviewTypeName[];
  publishedFrom?: string;
  publishedTo?: string;
  incidentYearFrom?: number;
  incidentYearTo?: number;
  categories?: FindingCategoryName[];
  effects?: PatternEffectName[];
  agencySectors?: AgencySectorName[];
  /** the review must have each of these themes (AND) */
  allOf: ThemeBit[];
  /** the review must have one of these themes (OR), when given */
  anyOf?: ThemeBit[];
  /** the review must have none of these themes (NOT) */
  noneOf: ThemeBit[];
}

export const WHOLE_CORPUS: CorpusScope = { allOf: [], noneOf: [] };

/** Builds SQL with numbered parameters. */
export class Sql {
  readonly params: unknown[] = [];
  /** The relations the scope reads, made once per statement (sourceOf). */
  source?: Source;

  /** A placeholder for the value, cast as given. */
  param(value: unknown, cast = ''): string {
    this.params.push(value);
    return `$${this.params.length}${cast ? `::${cast}` : ''}`;
  }
}

/**
 * Whether the theme words `words` (a review's, bigint[]) have the theme's bit: a review's
 * themes with their broader terms, so one test covers the theme and all its narrower ones.
 */
export function hasTheme(sql: Sql, words: string, theme: ThemeBit): string {
  if (!Number.isInteger(theme.position) || theme.position < 0)
    throw new Error(`not a theme position: ${theme.position}`);
  const word = Math.floor(theme.position / 64) + 1;
  const bit = BigInt.asIntN(64, 1n << BigInt(theme.position % 64));
  // Past the review's last word (no theme of it that far) the bit is unset, not unknown.
  return `(coalesce(${words}[${sql.param(word, 'int')}], 0) & ${sql.param(bit.toString(), 'bigint')}) <> 0`;
}

/**
 * The relations a statement reads the corpus from, each shaped as its published table:
 * `entries` as corpus_entry (snapshot_id, review_id; withdrawn_at when published), `reviews` as
 * corpus_review, `themes` as corpus_review_themes (snapshot_id, words), `findings` as
 * corpus_finding, `search` as corpus_finding_search (id, snapshot_id, reference, ordinal,
 * category, effect, search), and `version` a join after `cr` that brings `rs.version`.
 * Published: those tables. Live: the collection's reviews as they are now, made from review,
 * finding, contributory_factor and agency by the same rules as publication (snapshot-content.ts),
 * the review's id standing for the snapshot's; their theme words and search vectors are computed
 * by the same functions the corpus's triggers use, so the same statements run over both.
 */
export interface Source {
  live: boolean;
  entries: string;
  reviews: string;
  themes: string;
  findings: string;
  search: string;
  version: string;
  /** on the review row `cr`: 'REVIEW' or 'REPORT' */
  kind: string;
  /** on the finding row `f`: the coded passage of a report's finding (nulls for a review's) */
  passage: string;
}

/** A finding of a review has no passage. */
const NO_PASSAGE = `NULL::int AS "pageNumber", NULL::int AS "startOffset", NULL::int AS "endOffset",
  NULL::text AS quote`;
const REPORT_PASSAGE = `f.page_number AS "pageNumber", f.start_offset AS "startOffset",
  f.end_offset AS "endOffset", f.quoted_text AS quote`;

const PUBLISHED_SOURCE: Source = {
  live: false,
  entries: 'corpus_entry',
  reviews: 'corpus_review',
  themes: 'corpus_review_themes',
  findings: 'corpus_finding',
  search: 'corpus_finding_search',
  version: 'JOIN review_snapshot rs ON rs.id = cr.snapshot_id',
  kind: `'REVIEW'`,
  passage: NO_PASSAGE,
};

/**
 * Coded reports, not withdrawn: views shaped as the published tables (migration
 * 1765980000000-report-codes), a report standing for review and snapshot, its FINDING codes for
 * its findings, its CASE_CHARACTERISTICS codes' theme keys for its case characteristics.
 */
const REPORT_SOURCE: Source = {
  live: false,
  entries: 'corpus_report_entry',
  reviews: 'corpus_report_review',
  themes: 'corpus_report_themes',
  findings: 'corpus_report_finding',
  search: 'corpus_report_search',
  version: 'CROSS JOIN LATERAL (SELECT cr.version) rs',
  kind: `'REPORT'`,
  passage: REPORT_PASSAGE,
};

const REVIEW_ROW = (alias: string) =>
  [
    'snapshot_id',
    'review_id',
    'reference',
    'title',
    'partnership',
    'type',
    'published_at',
    'publication_year',
    'incident_year',
    'period_start',
    'period_end',
    'case_characteristics',
    'practice_themes',
    'categories',
    'agency_sectors',
  ]
    .map((column) => `${alias}.${column}`)
    .join(', ');
const FINDING_ROW = `id, snapshot_id, finding_id, ordinal, title, category, effect, statement,
  manifestation, not_peculiar, prevalence, significance, questions, theme_keys`;
const SEARCH_ROW = 'id, snapshot_id, reference, ordinal, category, effect, search';

/**
 * Published reviews and coded reports together: each relation the union of the two, the
 * review rows saying which kind they are (`cr.source`), the findings carrying the passage
 * (null for a review's).
 */
const MIXED_SOURCE: Source = {
  live: false,
  entries: `(SELECT snapshot_id, review_id, withdrawn_at FROM corpus_entry
    UNION ALL SELECT snapshot_id, review_id, withdrawn_at FROM corpus_report_entry)`,
  reviews: `(SELECT ${REVIEW_ROW('pc')}, pr.version, 'REVIEW' AS source
      FROM corpus_review pc JOIN review_snapshot pr ON pr.id = pc.snapshot_id
    UNION ALL SELECT ${REVIEW_ROW('rr')}, rr.version, 'REPORT' AS source FROM corpus_report_review rr)`,
  themes: `(SELECT snapshot_id, words FROM corpus_review_themes
    UNION ALL SELECT snapshot_id, words FROM corpus_report_themes)`,
  findings: `(SELECT ${FINDING_ROW}, NULL::int AS page_number, NULL::int AS start_offset,
      NULL::int AS end_offset, NULL::text AS quoted_text FROM corpus_finding
    UNION ALL SELECT ${FINDING_ROW}, page_number, start_offset, end_offset, quoted_text
      FROM corpus_report_finding)`,
  search: `(SELECT ${SEARCH_ROW} FROM corpus_finding_search
    UNION ALL SELECT ${SEARCH_ROW} FROM corpus_report_search)`,
  version: 'CROSS JOIN LATERAL (SELECT cr.version) rs',
  kind: 'cr.source',
  passage: REPORT_PASSAGE,
};

/** The published relations of the sources asked for (both when none given). */
export function publishedSource(sources: CorpusScope['sources']): Source {
  const reviews = !sources || sources.includes('REVIEW');
  const reports = !sources || sources.includes('REPORT');
  if (reviews && reports) return MIXED_SOURCE;
  return reports ? REPORT_SOURCE : PUBLISHED_SOURCE;
}

/** The published reviews' relations only (for what reports cannot be: "more like this"). */
export const REVIEWS_ONLY: Source = PUBLISHED_SOURCE;

/** A live finding `lf`'s search vector, as the corpus's trigger writes a published finding's. */
const LIVE_SEARCH = `corpus_finding_vector(lf.title, lf.statement, lf.manifestation, lf.not_peculiar,
          lf.prevalence, lf.significance, lf.questions)`;

/** A live review `lr`'s practice themes: those of its findings and contributory factors. */
const LIVE_PRACTICE_THEMES = `SELECT unnest(lf.theme_keys) FROM finding lf WHERE lf.review_id = lr.id
            UNION ALL
            SELECT unnest(lc.theme_keys) FROM contributory_factor lc WHERE lc.review_id = lr.id`;

function liveSource(collection: string): Source {
  const members = `SELECT cm.review_id FROM collection_review cm WHERE cm.collection_id = ${collection}`;
  return {
    live: true,
    entries: `(SELECT cm.review_id AS snapshot_id, cm.review_id FROM collection_review cm
        WHERE cm.collection_id = ${collection})`,
    reviews: `(SELECT lr.id AS snapshot_id, lr.id AS review_id, lr.reference, lr.title, lr.partnership,
        lr.type, lr.published_at, extract(year FROM lr.published_at)::int AS publication_year,
        extract(year FROM lr.period_end)::int AS incident_year, lr.period_start, lr.period_end,
        ARRAY(SELECT DISTINCT k COLLATE "C" FROM unnest(lr.case_characteristics) AS k ORDER BY 1) AS case_characteristics,
        ARRAY(SELECT DISTINCT k COLLATE "C" FROM (
            ${LIVE_PRACTICE_THEMES}) AS t(k)
          ORDER BY 1) AS practice_themes,
        ARRAY(SELECT c FROM (SELECT DISTINCT lf.category AS c FROM finding lf WHERE lf.review_id = lr.id) AS d
          ORDER BY c::text COLLATE "C") AS categories,
        ARRAY(SELECT c FROM (SELECT DISTINCT la.sector AS c FROM agency la WHERE la.review_id = lr.id) AS d
          ORDER BY c::text COLLATE "C") AS agency_sectors,
        (SELECT count(*)::int FROM review_snapshot ls WHERE ls.review_id = lr.id) AS version
      FROM review lr WHERE lr.id IN (${members}))`,
    themes: `(SELECT lr.id AS snapshot_id,
        corpus_theme_words(lr.case_characteristics || ARRAY(${LIVE_PRACTICE_THEMES})) AS words
      FROM review lr WHERE lr.id IN (${members}))`,
    findings: `(SELECT lf.id, lf.review_id AS snapshot_id, lf.id AS finding_id, lf.ordinal, lf.title,
        lf.category, lf.effect, lf.statement, lf.manifestation, lf.not_peculiar, lf.prevalence,
        lf.significance, lf.questions, lf.theme_keys
      FROM finding lf WHERE lf.review_id IN (${members}))`,
    search: `(SELECT lf.id, lf.review_id AS snapshot_id, lr.reference, lf.ordinal, lf.category,
        lf.effect, ${LIVE_SEARCH} AS search
      FROM finding lf JOIN review lr ON lr.id = lf.review_id WHERE lf.review_id IN (${members}))`,
    version: 'CROSS JOIN LATERAL (SELECT cr.version) rs',
    kind: `'REVIEW'`,
    passage: NO_PASSAGE,
  };
}

/** The relations the scope reads: made once per statement, so their parameters are shared. */
export function sourceOf(sql: Sql, scope: CorpusScope): Source {
  // The service refuses live without a collection; never fall back to the published corpus.
  if (scope.live && !scope.collectionId) throw new Error('A live scope needs its collection.');
  sql.source ??= scope.live
    ? liveSource(sql.param(scope.collectionId, 'uuid'))
    : publishedSource(scope.sources);
  return sql.source;
}

/** What the caller of scopeFrom reads besides the entry `ce`. */
export interface ScopeColumns {
  /** the review row `cr` (default true; when false it is joined only if a condition needs it) */
  review?: boolean;
  /** `rs`: the review's version (with the review row) */
  version?: boolean;
  /** `f`: each of the review's findings, one row per finding (with the review row) */
  findings?: boolean;
  /**
   * The findings' search rows: `f`, joined to the entry before the review (instead of the
   * findings), or `fs`, each finding `f`'s (with findings).
   */
  search?: 'f' | 'fs';
  /** the review's theme words `ct` (joined anyway when the filter has themes) */
  themes?: boolean;
}

/**
 * The FROM and WHERE that pick the reviews of the scope, then the filter's conditions. Published:
 * current, not withdrawn snapshots only (the corpus entry's snapshot). Live: the collection's
 * reviews as they are now. Aliases: `ce` entry, `cr` review, `rs` version, `f` finding or its
 * search row, `fs` a finding's search row, `ct` the review's theme words.
 */
export function scopeFrom(sql: Sql, scope: CorpusScope, columns: ScopeColumns = {}): string {
  const source = sourceOf(sql, scope);
  const where = source.live ? ['TRUE'] : ['ce.withdrawn_at IS NULL'];
  const onReview: string[] = [];
  if (scope.partnership !== undefined && scope.partnership !== null)
    onReview.push(`cr.partnership = ${sql.param(scope.partnership)}`);
  // Live, the entries are the collection's reviews already.
  if (scope.collectionId && !source.live)
    where.push(
      `ce.review_id IN (SELECT cm.review_id FROM collection_review cm WHERE cm.collection_id = ${sql.param(scope.collectionId, 'uuid')})`,
    );
  if (scope.reviewTypes?.length)
    onReview.push(`cr.type = ANY(${sql.param(scope.reviewTypes, 'review_type[]')})`);
  if (scope.publishedFrom)
    onReview.push(
      `(cr.published_at AT TIME ZONE 'UTC')::date >= ${sql.param(scope.publishedFrom, 'date')}`,
    );
  if (scope.publishedTo)
    onReview.push(
      `(cr.published_at AT TIME ZONE 'UTC')::date <= ${sql.param(scope.publishedTo, 'date')}`,
    );
  if (scope.incidentYearFrom !== undefined)
    onReview.push(`cr.incident_year >= ${sql.param(scope.incidentYearFrom, 'int')}`);
  if (scope.incidentYearTo !== undefined)
    onReview.push(`cr.incident_year <= ${sql.param(scope.incidentYearTo, 'int')}`);
  if (scope.agencySectors?.length)
    onReview.push(`cr.agency_sectors && ${sql.param(scope.agencySectors, 'agency_sector[]')}`);
  where.push(...onReview);
  if (scope.categories?.length) {
    const effect = scope.effects?.length
      ? ` AND cf.effect = ANY(${sql.param(scope.effects, 'pattern_effect[]')})`
      : '';
    where.push(
      `EXISTS (SELECT 1 FROM ${source.findings} cf WHERE cf.snapshot_id = ce.snapshot_id AND cf.category = ANY(${sql.param(scope.categories, 'finding_category[]')})${effect})`,
    );
  }
  const hasThemeFilter = scope.allOf.length > 0 || !!scope.anyOf || scope.noneOf.length > 0;
  for (const theme of scope.allOf) where.push(hasTheme(sql, 'ct.words', theme));
  if (scope.anyOf)
    where.push(
      scope.anyOf.length
        ? `(${scope.anyOf.map((theme) => hasTheme(sql, 'ct.words', theme)).join(' OR ')})`
        : 'FALSE',
    );
  for (const theme of scope.noneOf) where.push(`NOT (${hasTheme(sql, 'ct.words', theme)})`);
  const searched =
    columns.search === 'f' ? ` JOIN ${source.search} f ON f.snapshot_id = ce.snapshot_id` : '';
  const withReview =
    columns.review !== false || onReview.length > 0 || !!columns.version || !!columns.findings;
  const review = withReview ? ` JOIN ${source.reviews} cr ON cr.snapshot_id = ce.snapshot_id` : '';
  const version = withReview && columns.version ? ` ${source.version}` : '';
  const findings =
    withReview && columns.findings
      ? ` JOIN ${source.findings} f ON f.snapshot_id = cr.snapshot_id${
          columns.search === 'fs' ? ` JOIN ${source.search} fs ON fs.id = f.id` : ''
        }`
      : '';
  const themes =
    columns.themes || hasThemeFilter
      ? ` JOIN ${source.themes} ct ON ct.snapshot_id = ce.snapshot_id`
      : '';
  return `${source.entries} ce${searched}${review}${version}${findings}${themes}
    WHERE ${where.join('\n      AND ')}`;
}

/** The findings condition of the scope on a finding row `f`: its effects, when given. */
export function findingEffects(sql: Sql, scope: CorpusScope, alias = 'f'): string {
  return scope.effects?.length
    ? `${alias}.effect = ANY(${sql.param(scope.effects, 'pattern_effect[]')})`
    : 'TRUE';
}

/**
 * Which findings of the scope's reviews a findings list shows: of the filter's categories and
 * effects, when given (a category's figure drills down to that category's findings).
 */
export function listedFindings(sql: Sql, scope: CorpusScope, alias = 'f'): string {
  const category = scope.categories?.length
    ? ` AND ${alias}.category = ANY(${sql.param(scope.categories, 'finding_category[]')})`
    : '';
  return `${findingEffects(sql, scope, alias)}${category}`;
}
