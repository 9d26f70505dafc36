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

  /** A placeholder for the value, cast as given. */
  param(value: unknown, cast = ''): string {
    this.params.push(value);
    return `$${this.params.length}${cast ? `::${cast}` : ''}`;
  }
}

/** The theme keys of a review row `cr`: case characteristics and practice themes together. */
export const REVIEW_KEYS = `(cr.case_characteristics || cr.practice_themes)`;

/**
 * The FROM and WHERE that pick the reviews of the scope: current, not withdrawn snapshots only
 * (the corpus entry's snapshot), then the filter's conditions. Aliases: `ce` entry, `cr` review.
 */
export function scopeFrom(sql: Sql, scope: CorpusScope): string {
  const where = ['ce.withdrawn_at IS NULL'];
  if (scope.partnership !== undefined && scope.partnership !== null)
    where.push(`cr.partnership = ${sql.param(scope.partnership)}`);
  if (scope.collectionId)
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
      `EXISTS (SELECT 1 FROM corpus_finding cf WHERE cf.snapshot_id = cr.snapshot_id AND cf.category = ANY(${sql.param(scope.categories, 'finding_category[]')})${effect})`,
    );
  }
  for (const keys of scope.allOf) where.push(`${REVIEW_KEYS} && ${sql.param(keys, 'text[]')}`);
  if (scope.anyOf) where.push(`${REVIEW_KEYS} && ${sql.param(scope.anyOf, 'text[]')}`);
  if (scope.noneOf.length)
    where.push(`NOT (${REVIEW_KEYS} && ${sql.param(scope.noneOf, 'text[]')})`);
  return `corpus_entry ce JOIN corpus_review cr ON cr.snapshot_id = ce.snapshot_id
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
