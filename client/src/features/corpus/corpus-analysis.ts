import { FINDING_CATEGORIES, FindingCategoryName } from '@scr/shared';
import type { CorpusFilter, TrendBasis } from '../../gql/graphql';
import { CorpusFilters, corpusFilterInput } from './corpus-filters';

/** How many case characteristics the co-occurrence matrix shows: the most common of the filter. */
export const MATRIX_KEYS = 8;

/** The most common keys first (ties in the order given), at most `most` of them, none counted 0. */
export function mostCommon<T extends { count: number }>(rows: T[], most = MATRIX_KEYS): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.count > 0)
    .sort((one, other) => other.row.count - one.row.count || one.index - other.index)
    .slice(0, most)
    .map(({ row }) => row);
}

/** The reviews behind a matrix cell: the screen's filter and both characteristics (AND). */
export function pairFilter(filters: CorpusFilters, a: string, b: string): CorpusFilter {
  const filter = corpusFilterInput(filters) ?? {};
  return { ...filter, themeKeys: [...new Set([...(filter.themeKeys ?? []), a, b])] };
}

/**
 * The reviews behind a heatmap cell: the screen's filter, the category, and the year — published
 * within it (kept inside the screen's own dates), or with the review's period ending in it.
 */
export function yearCategoryFilter(
  filters: CorpusFilters,
  category: FindingCategoryName,
  year: number,
  by: TrendBasis,
): CorpusFilter {
  return yearKeyFilter(filters, category, year, by);
}

/**
 * The reviews behind a trend point: the screen's filter, the key (a typology category, or a case
 * characteristic added to the filter's AND themes), and the year as for a heatmap cell.
 */
export function yearKeyFilter(
  filters: CorpusFilters,
  key: string,
  year: number,
  by: TrendBasis,
): CorpusFilter {
  const base = corpusFilterInput(filters) ?? {};
  const filter: CorpusFilter = (FINDING_CATEGORIES as readonly string[]).includes(key)
    ? { ...base, categories: [key as FindingCategoryName] }
    : { ...base, themeKeys: [...new Set([...(base.themeKeys ?? []), key])] };
  if (by === 'INCIDENT_YEAR') {
    return { ...filter, incidentYearFrom: year, incidentYearTo: year };
  }
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return {
    ...filter,
    publishedFrom:
      filter.publishedFrom && filter.publishedFrom > first ? filter.publishedFrom : first,
    publishedTo: filter.publishedTo && filter.publishedTo < last ? filter.publishedTo : last,
  };
}
