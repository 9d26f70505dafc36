import { FindingCategoryName, REVIEW_TYPES, ReviewTypeName } from '@scr/shared';

/** Where the corpus's items come from: published reviews, coded reports of the library. */
export const CORPUS_SOURCES = ['REVIEW', 'REPORT'] as const;
export type CorpusSourceName = (typeof CORPUS_SOURCES)[number];

/**
 * The corpus screen's filters, as kept in the address so that a view can be bookmarked and
 * shared: ?type=…&type=…&from=YYYY-MM-DD&to=…&partnership=…&collection=…&live=1&all=…&any=…&not=…
 * &source=REVIEW|REPORT (only when one source is left out)
 */
export interface CorpusFilters {
  /** Published reviews, coded reports, or both (the default); never none. */
  sources: CorpusSourceName[];
  types: ReviewTypeName[];
  publishedFrom: string;
  publishedTo: string;
  partnership: string;
  /** The id of a collection (e.g. an audit round): only its published reviews, unless `live`. */
  collectionId: string;
  /** With a collection: its reviews as they are now, published or not (an audit round's own figures). */
  live: boolean;
  /** Every one of these themes (AND). */
  allThemes: string[];
  /** At least one of these themes (OR). */
  anyThemes: string[];
  /** None of these themes (NOT). */
  withoutThemes: string[];
}

export const NO_CORPUS_FILTERS: CorpusFilters = {
  sources: [...CORPUS_SOURCES],
  types: [],
  publishedFrom: '',
  publishedTo: '',
  partnership: '',
  collectionId: '',
  live: false,
  allThemes: [],
  anyThemes: [],
  withoutThemes: [],
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | null) => (value && ISO_DAY.test(value) ? value : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const distinct = (values: string[]) => [...new Set(values.filter((value) => value.trim()))];

/**
 * The filters in an address's query string; unknown review types, malformed days and a collection
 * that is not an id are ignored.
 */
export function corpusFiltersFromParams(params: URLSearchParams): CorpusFilters {
  const sources = CORPUS_SOURCES.filter((source) => params.getAll('source').includes(source));
  return {
    sources: sources.length ? sources : [...CORPUS_SOURCES],
    types: distinct(params.getAll('type')).filter((type): type is ReviewTypeName =>
      (REVIEW_TYPES as readonly string[]).includes(type),
    ),
    publishedFrom: day(params.get('from')),
    publishedTo: day(params.get('to')),
    partnership: params.get('partnership') ?? '',
    collectionId: UUID.test(params.get('collection') ?? '') ? (params.get('collection') ?? '') : '',
    live: params.get('live') === '1' && UUID.test(params.get('collection') ?? ''),
    allThemes: distinct(params.getAll('all')),
    anyThemes: distinct(params.getAll('any')),
    withoutThemes: distinct(params.getAll('not')),
  };
}

/** The query string for the filters, leaving out those not set. */
export function paramsFromCorpusFilters(filters: CorpusFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (onlySome(filters.sources))
    filters.sources.forEach((source) => params.append('source', source));
  filters.types.forEach((type) => params.append('type', type));
  if (filters.publishedFrom) params.set('from', filters.publishedFrom);
  if (filters.publishedTo) params.set('to', filters.publishedTo);
  if (filters.partnership.trim()) params.set('partnership', filters.partnership.trim());
  if (filters.collectionId) params.set('collection', filters.collectionId);
  if (filters.collectionId && filters.live) params.set('live', '1');
  filters.allThemes.forEach((key) => params.append('all', key));
  filters.anyThemes.forEach((key) => params.append('any', key));
  filters.withoutThemes.forEach((key) => params.append('not', key));
  return params;
}

/** Whether some source, not none nor all, is chosen: only then is it a filter. */
const onlySome = (sources: CorpusSourceName[]) =>
  sources.length > 0 && CORPUS_SOURCES.some((source) => !sources.includes(source));

export function hasCorpusFilters(filters: CorpusFilters): boolean {
  return paramsFromCorpusFilters(filters).size > 0;
}

/** The server's CorpusFilter for the filters: only the fields set, `undefined` when none is. */
export function corpusFilterInput(filters: CorpusFilters) {
  const input = {
    ...(onlySome(filters.sources) ? { sources: filters.sources } : {}),
    ...(filters.types.length ? { reviewTypes: filters.types } : {}),
    ...(filters.publishedFrom ? { publishedFrom: filters.publishedFrom } : {}),
    ...(filters.publishedTo ? { publishedTo: filters.publishedTo } : {}),
    ...(filters.partnership.trim() ? { partnership: filters.partnership.trim() } : {}),
    ...(filters.collectionId ? { collectionId: filters.collectionId } : {}),
    ...(filters.collectionId && filters.live ? { live: true } : {}),
    ...(filters.allThemes.length ? { themeKeys: filters.allThemes } : {}),
    ...(filters.anyThemes.length ? { anyThemeKeys: filters.anyThemes } : {}),
    ...(filters.withoutThemes.length ? { withoutThemeKeys: filters.withoutThemes } : {}),
  };
  return Object.keys(input).length ? input : undefined;
}

/**
 * The query string of the case × theme matrix download (GET /api/corpus/matrix.csv|xlsx) for the
 * filters: the server's filter fields by name, a list as repeated parameters.
 */
export function matrixQuery(filters: CorpusFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(corpusFilterInput(filters) ?? {})) {
    if (Array.isArray(value)) value.forEach((item: string) => params.append(name, item));
    else params.set(name, String(value));
  }
  return params.toString();
}

export type FindingEffect = 'SUPPORTS_GOOD_PRACTICE' | 'MAKES_PROBLEMS_MORE_LIKELY';

/** The figures query's variables: the filter, and the same filter per finding effect. */
export function figuresVariables(filters: CorpusFilters) {
  const filter = corpusFilterInput(filters);
  return {
    filter,
    good: { ...filter, effects: ['SUPPORTS_GOOD_PRACTICE' as const] },
    problems: { ...filter, effects: ['MAKES_PROBLEMS_MORE_LIKELY' as const] },
  };
}

/** What a bar stands for, to list the reviews behind it. */
export type BarSelection =
  | { kind: 'characteristic'; key: string; label: string }
  | { kind: 'category'; key: string; label: string; effect: FindingEffect };

/** The drill-down's filter: the screen's filter narrowed to the bar's theme or category. */
export function drillDownFilter(filters: CorpusFilters, bar: BarSelection) {
  const filter = corpusFilterInput(filters) ?? {};
  if (bar.kind === 'characteristic') {
    return { ...filter, themeKeys: [...(filter.themeKeys ?? []), bar.key] };
  }
  return { ...filter, categories: [bar.key as FindingCategoryName], effects: [bar.effect] };
}
