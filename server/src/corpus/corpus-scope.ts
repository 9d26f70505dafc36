import {
  AgencySectorName,
  FindingCategoryName,
  PatternEffectName,
  ReviewTypeName,
} from '@scr/shared';

/**
 * A CorpusFilter made ready for SQL: each theme key already widened to itself and its narrower
 * themes (transitively), so that a filter by a broader term matches its narrower ones.
 */
export interface CorpusScope {
  partnership?: string;
  collectionId?: string;
  /**
   * The collection's reviews as they are now, published or not, read from the live tables
   * instead of the snapshots (collectionId is then required). Who may ask is checked before.
   */
  live?: boolean;
  reviewTypes?: ReviewTypeName[];
  publishedFrom?: string;
  publishedTo?: string;
  incidentYearFrom?: number;
  incidentYearTo?: number;
  categories?: FindingCategoryName[];
  effects?: PatternEffectName[];
  agencySectors?: AgencySectorName[];
  /** each entry: a key and its narrower keys; the review must have one of each entry (AND) */
  allOf: string[][];
  /** the review must have one of these (OR), when given */
  anyOf?: string[];
  /** the review must have none of these (NOT) */
  noneOf: string[];
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

/** The theme keys of a review row `cr`: case characteristics and practice themes together. */
export const REVIEW_KEYS = `(cr.case_characteristics || cr.practice_themes)`;

/**
 * The relations a statement reads the reviews and findings from, shaped as corpus_review and
 * corpus_finding (with their `search` column), and `rs`, a join giving each review's `version`.
 * Published: the snapshot tables. Live: the collection's reviews as they are now, made from
 * review, finding, contributory_factor and agency by the same rules as publication
 * (snapshot-content.ts), the review's id standing for the snapshot's.
 */
export interface Source {
  live: boolean;
  reviews: string;
  findings: string;
  /** a join after `cr` that brings `rs.version` */
  version: string;
}

const PUBLISHED_SOURCE: Source = {
  live: false,
  reviews: 'corpus_review',
  findings: 'corpus_finding',
  version: 'JOIN review_snapshot rs ON rs.id = cr.snapshot_id',
};

/** The words of a live finding, as corpus_finding.search is generated from a snapshot's. */
const LIVE_SEARCH = `setweight(to_tsvector('english', coalesce(lf.title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(lf.statement, '')), 'B')
        || to_tsvector('english',
             coalesce(lf.manifestation, '') || ' ' || coalesce(lf.not_peculiar, '') || ' '
             || coalesce(lf.prevalence, '') || ' ' || coalesce(lf.significance, '') || ' '
             || corpus_text_list(lf.questions))`;

function liveSource(collection: string): Source {
  const members = `SELECT cm.review_id FROM collection_review cm WHERE cm.collection_id = ${collection}`;
  return {
    live: true,
    reviews: `(SELECT lr.id AS snapshot_id, lr.id AS review_id, lr.reference, lr.title, lr.partnership,
        lr.type, lr.published_at, extract(year FROM lr.published_at)::int AS publication_year,
        extract(year FROM lr.period_end)::int AS incident_year, lr.period_start, lr.period_end,
        ARRAY(SELECT DISTINCT k COLLATE "C" FROM unnest(lr.case_characteristics) AS k ORDER BY 1) AS case_characteristics,
        ARRAY(SELECT DISTINCT k COLLATE "C" FROM (
            SELECT unnest(lf.theme_keys) FROM finding lf WHERE lf.review_id = lr.id
            UNION ALL
            SELECT unnest(lc.theme_keys) FROM contributory_factor lc WHERE lc.review_id = lr.id) AS t(k)
          ORDER BY 1) AS practice_themes,
        ARRAY(SELECT c FROM (SELECT DISTINCT lf.category AS c FROM finding lf WHERE lf.review_id = lr.id) AS d
          ORDER BY c::text COLLATE "C") AS categories,
        ARRAY(SELECT c FROM (SELECT DISTINCT la.sector AS c FROM agency la WHERE la.review_id = lr.id) AS d
          ORDER BY c::text COLLATE "C") AS agency_sectors,
        (SELECT count(*)::int FROM review_snapshot ls WHERE ls.review_id = lr.id) AS version
      FROM review lr WHERE lr.id IN (${members}))`,
    findings: `(SELECT lf.id, lf.review_id AS snapshot_id, lf.id AS finding_id, lf.ordinal, lf.title,
        lf.category, lf.effect, lf.statement, lf.manifestation, lf.not_peculiar, lf.prevalence,
        lf.significance, lf.questions, lf.theme_keys, ${LIVE_SEARCH} AS search
      FROM finding lf WHERE lf.review_id IN (${members}))`,
    version: 'CROSS JOIN LATERAL (SELECT cr.version) rs',
  };
}

/** The relations the scope reads: made once per statement, so their parameters are shared. */
export function sourceOf(sql: Sql, scope: CorpusScope): Source {
  // The service refuses live without a collection; never fall back to the published corpus.
  if (scope.live && !scope.collectionId) throw new Error('A live scope needs its collection.');
  sql.source ??= scope.live ? liveSource(sql.param(scope.collectionId, 'uuid')) : PUBLISHED_SOURCE;
  return sql.source;
}

/** What a statement joins to each review of the scope. */
export interface ScopeJoins {
  /** `rs`: the review's version */
  version?: boolean;
  /** `f`: each of the review's findings (one row per finding) */
  findings?: boolean;
}

/**
 * The FROM and WHERE that pick the reviews of the scope, then the filter's conditions. Published:
 * current, not withdrawn snapshots only (the corpus entry's snapshot). Live: the collection's
 * reviews as they are now. Aliases: `cr` review, `rs` version, `f` finding (when joined).
 */
export function scopeFrom(sql: Sql, scope: CorpusScope, joins: ScopeJoins = {}): string {
  const source = sourceOf(sql, scope);
  const where = source.live ? ['TRUE'] : ['ce.withdrawn_at IS NULL'];
  if (scope.partnership !== undefined && scope.partnership !== null)
    where.push(`cr.partnership = ${sql.param(scope.partnership)}`);
  if (scope.collectionId && !source.live)
    where.push(
      `cr.review_id IN (SELECT cm.review_id FROM collection_review cm WHERE cm.collection_id = ${sql.param(scope.collectionId, 'uuid')})`,
    );
  if (scope.reviewTypes?.length)
    where.push(`cr.type = ANY(${sql.param(scope.reviewTypes, 'review_type[]')})`);
  if (scope.publishedFrom)
    where.push(
      `(cr.published_at AT TIME ZONE 'UTC')::date >= ${sql.param(scope.publishedFrom, 'date')}`,
    );
  if (scope.publishedTo)
    where.push(
      `(cr.published_at AT TIME ZONE 'UTC')::date <= ${sql.param(scope.publishedTo, 'date')}`,
    );
  if (scope.incidentYearFrom !== undefined)
    where.push(`cr.incident_year >= ${sql.param(scope.incidentYearFrom, 'int')}`);
  if (scope.incidentYearTo !== undefined)
    where.push(`cr.incident_year <= ${sql.param(scope.incidentYearTo, 'int')}`);
  if (scope.agencySectors?.length)
    where.push(`cr.agency_sectors && ${sql.param(scope.agencySectors, 'agency_sector[]')}`);
  if (scope.categories?.length) {
    const effect = scope.effects?.length
      ? ` AND cf.effect = ANY(${sql.param(scope.effects, 'pattern_effect[]')})`
      : '';
    where.push(
      `EXISTS (SELECT 1 FROM ${source.findings} cf WHERE cf.snapshot_id = cr.snapshot_id AND cf.category = ANY(${sql.param(scope.categories, 'finding_category[]')})${effect})`,
    );
  }
  for (const keys of scope.allOf) where.push(`${REVIEW_KEYS} && ${sql.param(keys, 'text[]')}`);
  if (scope.anyOf) where.push(`${REVIEW_KEYS} && ${sql.param(scope.anyOf, 'text[]')}`);
  if (scope.noneOf.length)
    where.push(`NOT (${REVIEW_KEYS} && ${sql.param(scope.noneOf, 'text[]')})`);
  const from = source.live
    ? `${source.reviews} cr`
    : `corpus_entry ce JOIN corpus_review cr ON cr.snapshot_id = ce.snapshot_id`;
  const version = joins.version ? ` ${source.version}` : '';
  const findings = joins.findings
    ? ` JOIN ${source.findings} f ON f.snapshot_id = cr.snapshot_id`
    : '';
  return `${from}${version}${findings}
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
