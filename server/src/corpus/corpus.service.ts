import { Injectable } from '@nestjs/common';
import {
  FINDING_CATEGORIES,
  FindingCategoryName,
  numberedCategoryLabel,
  ThemeKindName,
} from '@scr/shared';
import { isUUID } from 'class-validator';
import { badInput, notFound } from '../common/app-error';
import {
  ConnectionShape,
  decodeCursor,
  lazily,
  pageSize,
  toConnection,
} from '../common/pagination';
import { CorpusScope, ThemeBit } from './corpus-scope';
import { CorpusRepository, CountedKeys, MatrixRow, ThemeNode } from './corpus.repository';
import {
  CooccurrenceMatrix,
  CorpusFinding,
  CorpusReview,
  FindingHit,
  PrevalenceTable,
  TrendPoint,
} from './corpus.types';
import { CorpusFilter, MAX_FILTER_KEYS, TrendBasisName } from './dto/corpus-filter.input';

/** The longest search query accepted, in characters. */
export const MAX_SEARCH_LENGTH = 500;
/** Hits a search or "more like this" returns when `first` is not given, and at most. */
export const DEFAULT_HITS = 20;
export const MAX_HITS = 100;
/** Reviews read per page while the matrix streams. */
export const MATRIX_PAGE = 500;

/** 100 × count / denominator to one decimal; 0 for an empty set. */
export function percentOf(count: number, denominator: number): number {
  return denominator === 0 ? 0 : Math.round((count * 1000) / denominator) / 10;
}

const isCategory = (key: string): key is FindingCategoryName =>
  (FINDING_CATEGORIES as readonly string[]).includes(key);

/**
 * The theme vocabulary, each theme with its bit: a corpus review has a theme's bit when it has
 * the theme or a narrower one, transitively (the database keeps the bits as broader terms change).
 */
class Vocabulary {
  readonly byKey: Map<string, ThemeNode>;

  constructor(readonly themes: ThemeNode[]) {
    this.byKey = new Map(themes.map((theme) => [theme.key, theme]));
  }

  /** The theme's bit (the key is known: see check). */
  bitOf(key: string): ThemeBit {
    const theme = this.byKey.get(key);
    if (!theme) throw new Error(`unknown theme key ${key}`);
    return { position: theme.position };
  }

  /** Refuses the keys the vocabulary lacks (categories too, where they are allowed), naming them. */
  check(field: string, keys: string[], categoriesAllowed = false): void {
    const unknown = keys.filter(
      (key) => !this.byKey.has(key) && !(categoriesAllowed && isCategory(key)),
    );
    if (unknown.length > 0)
      throw badInput(
        `${field}: unknown theme ${unknown.length === 1 ? 'key' : 'keys'} ${unknown.map((k) => `"${k}"`).join(', ')}.`,
        { field, value: unknown },
      );
  }

  /** What to count for the keys: themes with their members, and categories. */
  counted(keys: string[]): CountedKeys {
    return {
      themes: keys
        .filter((key) => !isCategory(key))
        .map((key) => ({ key, position: this.bitOf(key).position })),
      categories: keys.filter(isCategory),
    };
  }
}

@Injectable()
export class CorpusService {
  constructor(private readonly corpus: CorpusRepository) {}

  private async vocabulary(): Promise<Vocabulary> {
    return new Vocabulary(await this.corpus.themeGraph());
  }

  /** The filter as SQL wants it, theme keys widened to their narrower ones; unknown keys refused. */
  private scopeOf(vocabulary: Vocabulary, filter: CorpusFilter | null | undefined): CorpusScope {
    const f = filter ?? {};
    vocabulary.check('themeKeys', f.themeKeys ?? []);
    vocabulary.check('anyThemeKeys', f.anyThemeKeys ?? []);
    vocabulary.check('withoutThemeKeys', f.withoutThemeKeys ?? []);
    if (f.live && !f.collectionId)
      throw badInput('live: a live analysis is of a collection; give its collectionId too.', {
        field: 'live',
      });
    return {
      partnership: f.partnership ?? undefined,
      collectionId: f.collectionId ?? undefined,
      live: f.live ?? undefined,
      sources: f.sources?.length ? [...new Set(f.sources)] : undefined,
      reviewTypes: f.reviewTypes ?? undefined,
      publishedFrom: f.publishedFrom ?? undefined,
      publishedTo: f.publishedTo ?? undefined,
      incidentYearFrom: f.incidentYearFrom ?? undefined,
      incidentYearTo: f.incidentYearTo ?? undefined,
      categories: f.categories ?? undefined,
      effects: f.effects ?? undefined,
      agencySectors: f.agencySectors ?? undefined,
      allOf: (f.themeKeys ?? []).map((key) => vocabulary.bitOf(key)),
      anyOf: f.anyThemeKeys?.length
        ? f.anyThemeKeys.map((key) => vocabulary.bitOf(key))
        : undefined,
      noneOf: (f.withoutThemeKeys ?? []).map((key) => vocabulary.bitOf(key)),
    };
  }

  /** The filter as a scope, refused as every analysis refuses it (unknown keys, collection). */
  async scope(filter: CorpusFilter | null | undefined): Promise<CorpusScope> {
    return (await this.prepare(filter)).scope;
  }

  /**
   * The vocabulary, and the filter as a scope. A live analysis names a collection that exists
   * (who may run it the guard has checked: server/src/auth/policy-enforcer.ts).
   */
  private async prepare(
    filter: CorpusFilter | null | undefined,
  ): Promise<{ vocabulary: Vocabulary; scope: CorpusScope }> {
    const vocabulary = await this.vocabulary();
    const scope = this.scopeOf(vocabulary, filter);
    if (
      scope.live &&
      scope.collectionId &&
      !(await this.corpus.collectionExists(scope.collectionId))
    )
      throw notFound(`There is no collection with id ${scope.collectionId}.`);
    // Reports asked for alongside reviews, when no report is in the corpus: the published
    // reviews' own relations, as fast as before reports could be counted.
    if (!scope.live && !scope.sources && !(await this.corpus.anyCodedReport()))
      scope.sources = ['REVIEW'];
    return { vocabulary, scope };
  }

  /** Per theme of the kind: the filtered reviews having it or a narrower theme. Most frequent first. */
  async themePrevalence(
    filter: CorpusFilter | null | undefined,
    kind: ThemeKindName,
  ): Promise<PrevalenceTable> {
    const { vocabulary, scope } = await this.prepare(filter);
    const themes = vocabulary.themes.filter((theme) => theme.kind === kind);
    const { denominator, counts } = await this.corpus.keyCounts(
      scope,
      vocabulary.counted(themes.map((theme) => theme.key)),
    );
    const countOf = new Map(counts.map((row) => [row.key, row.count]));
    const rows = themes
      .map((theme) => {
        const count = countOf.get(theme.key) ?? 0;
        return {
          key: theme.key,
          label: theme.label,
          count,
          percent: percentOf(count, denominator),
        };
      })
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return { denominator, rows };
  }

  /**
   * Per category, in SCIE's order and numbered: the filtered reviews with a finding of the
   * category (of the filter's effects, when given; the denominator stays all filtered reviews).
   */
  async categoryPrevalence(filter: CorpusFilter | null | undefined): Promise<PrevalenceTable> {
    const { vocabulary, scope } = await this.prepare(filter);
    const { denominator, counts } = await this.corpus.keyCounts(
      scope,
      vocabulary.counted([...FINDING_CATEGORIES]),
    );
    const countOf = new Map(counts.map((row) => [row.key, row.count]));
    return {
      denominator,
      rows: FINDING_CATEGORIES.map((category) => {
        const count = countOf.get(category) ?? 0;
        return {
          key: category,
          label: numberedCategoryLabel(category),
          count,
          percent: percentOf(count, denominator),
        };
      }),
    };
  }

  /** One cell per unordered pair of the keys, in the keys' order: the reviews with both. */
  async themeCooccurrence(
    filter: CorpusFilter | null | undefined,
    themeKeys: string[],
  ): Promise<CooccurrenceMatrix> {
    const keys = [...new Set(themeKeys)];
    if (keys.length > MAX_FILTER_KEYS)
      throw badInput(`themeKeys: at most ${MAX_FILTER_KEYS} keys (got ${keys.length}).`, {
        field: 'themeKeys',
        value: keys.length,
      });
    const { vocabulary, scope } = await this.prepare(filter);
    vocabulary.check('themeKeys', keys, true);
    const pairs = await this.corpus.pairCounts(scope, vocabulary.counted(keys));
    const countOf = new Map(pairs.map((pair) => [`${pair.a}\n${pair.b}`, pair.count]));
    const cells = keys.flatMap((a, i) =>
      keys.slice(i + 1).map((b) => ({
        a,
        b,
        count: countOf.get(a < b ? `${a}\n${b}` : `${b}\n${a}`) ?? 0,
      })),
    );
    return { keys, cells };
  }

  /**
   * Per year with reviews in the filtered set, per key (a theme key, or a category such as TOOLS):
   * the reviews of the year that have it, out of the reviews of the year.
   */
  async trend(
    filter: CorpusFilter | null | undefined,
    rawKeys: string[],
    by: TrendBasisName,
  ): Promise<TrendPoint[]> {
    const keys = [...new Set(rawKeys)];
    if (keys.length > MAX_FILTER_KEYS)
      throw badInput(`keys: at most ${MAX_FILTER_KEYS} keys (got ${keys.length}).`, {
        field: 'keys',
        value: keys.length,
      });
    const { vocabulary, scope } = await this.prepare(filter);
    vocabulary.check('keys', keys, true);
    const rows = await this.corpus.yearCounts(scope, vocabulary.counted(keys), by);
    const years = new Map<number, { denominator: number; counts: Map<string, number> }>();
    for (const row of rows) {
      const year = years.get(row.year) ?? { denominator: 0, counts: new Map() };
      years.set(row.year, year);
      if (row.key === null) year.denominator = row.count;
      else year.counts.set(row.key, row.count);
    }
    return [...years.entries()]
      .sort(([a], [b]) => a - b)
      .flatMap(([year, { denominator, counts }]) =>
        keys.map((key) => {
          const count = counts.get(key) ?? 0;
          return { year, key, count, denominator, percent: percentOf(count, denominator) };
        }),
      );
  }

  async reviews(
    filter: CorpusFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<ConnectionShape<CorpusReview>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2) as [string, string] | null;
    const { scope } = await this.prepare(filter);
    const rows = await this.corpus.reviews(scope, limit, cursor);
    return toConnection(
      rows,
      limit,
      lazily(() => this.corpus.countReviews(scope)),
      (row) => [row.reference, row.id],
    );
  }

  async findings(
    filter: CorpusFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<ConnectionShape<CorpusFinding>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 3) as [string, number, string] | null;
    const { scope } = await this.prepare(filter);
    const rows = await this.corpus.findings(scope, limit, cursor);
    return toConnection(
      rows,
      limit,
      lazily(() => this.corpus.countFindings(scope)),
      (row) => [row.reference, row.ordinal, row.id],
    );
  }

  /**
   * Full-text search of the findings of the filtered reviews, English stemming. Quoted phrases,
   * OR and -word as on a web search engine; a word ending in * matches as a prefix. A query of
   * nothing searchable (stop words, punctuation) finds nothing.
   */
  async search(
    query: string,
    filter: CorpusFilter | null | undefined,
    first?: number | null,
  ): Promise<FindingHit[]> {
    if (query.length > MAX_SEARCH_LENGTH)
      throw badInput(`query: at most ${MAX_SEARCH_LENGTH} characters (got ${query.length}).`, {
        field: 'query',
        value: query.length,
      });
    const limit = hitCount(first);
    const { scope } = await this.prepare(filter);
    const { words, prefixes } = splitPrefixes(query);
    if (!words.trim() && prefixes.length === 0) return [];
    return this.corpus.search(scope, words, prefixes, limit);
  }

  /** Findings of other published reviews like the finding: by its words and its themes. */
  async similar(findingId: string, first?: number | null): Promise<FindingHit[]> {
    const limit = hitCount(first);
    if (!isUUID(findingId) || !(await this.corpus.findingInCorpus(findingId)))
      throw notFound(`There is no finding ${findingId} in the corpus.`);
    return this.corpus.similar(findingId, limit);
  }

  /** The matrix's key columns: every theme key (by key), then the six categories in SCIE order. */
  async matrixColumns(): Promise<string[]> {
    const vocabulary = await this.vocabulary();
    return [...vocabulary.themes.map((theme) => theme.key), ...FINDING_CATEGORIES];
  }

  /** The matrix's reviews, page by page, each with the keys (of `columns`) it has. */
  async *matrixRows(
    filter: CorpusFilter | null | undefined,
    columns: string[],
  ): AsyncGenerator<MatrixRow[]> {
    const { vocabulary, scope } = await this.prepare(filter);
    const counted = vocabulary.counted(columns);
    let after: [string, string] | null = null;
    for (;;) {
      const page = await this.corpus.matrixPage(scope, counted, MATRIX_PAGE, after);
      if (page.length > 0) yield page;
      if (page.length < MATRIX_PAGE) return;
      const last = page[page.length - 1];
      after = [last.reference, last.id];
    }
  }
}

function hitCount(first: number | null | undefined): number {
  const count = first ?? DEFAULT_HITS;
  if (!Number.isInteger(count) || count < 0 || count > MAX_HITS)
    throw badInput(`first must be a whole number from 0 to ${MAX_HITS} (got ${count}).`, {
      field: 'first',
      value: count,
    });
  return count;
}

/**
 * Takes the words written as prefixes (`superv*`) out of the query, each reduced to its letters
 * and digits so that it is safe in to_tsquery; the rest is left to websearch_to_tsquery.
 */
export function splitPrefixes(query: string): { words: string; prefixes: string[] } {
  const prefixes: string[] = [];
  const words = query.replace(
    /(^|\s)([^\s"]+)\*(?=\s|$)/gu,
    (_match, space: string, word: string) => {
      const clean = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      if (clean) prefixes.push(clean);
      return space;
    },
  );
  return { words, prefixes };
}
