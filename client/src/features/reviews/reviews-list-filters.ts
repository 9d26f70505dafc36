import { REVIEW_STATUSES, REVIEW_TYPES, ReviewStatusName, ReviewTypeName } from '@scr/shared';

/** The reviews list's search and filters, as kept in the address: ?q=…&stage=…&type=… */
export interface ReviewsListFilters {
  search: string;
  stage: ReviewStatusName | null;
  type: ReviewTypeName | null;
}

export const NO_FILTERS: ReviewsListFilters = { search: '', stage: null, type: null };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value && (values as readonly string[]).includes(value) ? (value as T) : null;

/** The filters in an address's query string; unknown values are ignored rather than sent on. */
export function filtersFromParams(params: URLSearchParams): ReviewsListFilters {
  return {
    search: params.get('q') ?? '',
    stage: oneOf(REVIEW_STATUSES, params.get('stage')),
    type: oneOf(REVIEW_TYPES, params.get('type')),
  };
}

/** The query string for the filters, leaving out those not set. */
export function paramsFromFilters(filters: ReviewsListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search.trim()) params.set('q', filters.search);
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.type) params.set('type', filters.type);
  return params;
}

export function hasFilters(filters: ReviewsListFilters): boolean {
  return Boolean(filters.search.trim() || filters.stage || filters.type);
}

/** The list query's variables: no `filter` at all when nothing is filtered. */
export function listVariables(filters: ReviewsListFilters, first = 100) {
  if (!hasFilters(filters)) return { first };
  return {
    first,
    filter: {
      ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
      ...(filters.stage ? { statuses: [filters.stage] } : {}),
      ...(filters.type ? { types: [filters.type] } : {}),
    },
  };
}
