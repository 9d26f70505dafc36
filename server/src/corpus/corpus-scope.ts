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

/** What the caller of scopeFrom reads besides the entry `ce`. */
export interface ScopeColumns {
  /** the review row `cr` (default true; when false it is joined only if a condition needs it) */
  review?: boolean;
  /** the review's theme words `ct` (joined anyway when the filter has themes) */
  themes?: boolean;
}

/**
 * The FROM and WHERE that pick the reviews of the scope: current, not withdrawn snapshots only
 * (the corpus entry's snapshot), then the filter's conditions. Aliases: `ce` entry, `cr` review,
 * `ct` the review's theme words.
 */
export function scopeFrom(sql: Sql, scope: CorpusScope, columns: ScopeColumns = {}): string {
  const where = ['ce.withdrawn_at IS NULL'];
  const onReview: string[] = [];
  if (scope.partnership !== undefined && scope.partnership !== null)
    onReview.push(`cr.partnership = ${sql.param(scope.partnership)}`);
  if (scope.collectionId)
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
      `EXISTS (SELECT 1 FROM corpus_finding cf WHERE cf.snapshot_id = ce.snapshot_id AND cf.category = ANY(${sql.param(scope.categories, 'finding_category[]')})${effect})`,
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
  const review =
    columns.review !== false || onReview.length > 0
      ? ' JOIN corpus_review cr ON cr.snapshot_id = ce.snapshot_id'
      : '';
  const themes =
    columns.themes || hasThemeFilter
      ? ' JOIN corpus_review_themes ct ON ct.snapshot_id = ce.snapshot_id'
      : '';
  return `corpus_entry ce${review}${themes}
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
