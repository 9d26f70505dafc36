import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThemeKindName } from '@scr/shared';
import { DataSource } from 'typeorm';
import { HEADLINE_OPTIONS, htmlEscapedSql } from '../common/full-text';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import {
  CorpusScope,
  findingEffects,
  listedFindings,
  hasTheme,
  scopeFrom,
  REVIEWS_ONLY,
  Source,
  sourceOf,
  Sql,
  WHOLE_CORPUS,
} from './corpus-scope';
import { CorpusFinding, CorpusReview } from './corpus.types';
import { TrendBasisName } from './dto/corpus-filter.input';

export interface ThemeNode {
  key: string;
  label: string;
  kind: ThemeKindName;
  broaderKey: string | null;
  /** the theme's bit in the corpus reviews' theme words */
  position: number;
}

/**
 * What to count: each theme key with its bit (which a review has when it has the theme or a
 * narrower one), and finding categories by name.
 */
export interface CountedKeys {
  themes: { key: string; position: number }[];
  categories: string[];
}

export interface KeyCount {
  key: string;
  count: number;
}

export interface YearCount {
  year: number;
  key: string | null;
  count: number;
}

export interface PairCount {
  a: string;
  b: string;
  count: number;
}

export interface FindingHitRow {
  finding: CorpusFinding;
  review: CorpusReview;
  snippet: string;
  rank: number;
}

/** A row of the case × theme matrix: the review and which of the counted keys it has. */
export interface MatrixRow {
  id: string;
  reference: string;
  partnership: string;
  type: string;
  /** null in a live analysis, for a review not published */
  publicationYear: number | null;
  keys: string[];
}

const EXAMPLE_KEYS: CountedKeys = {
  themes: [
    { key: 'toxic-trio', position: 18 },
    { key: 'neglect', position: 70 },
  ],
  categories: ['TOOLS'],
};
const EXAMPLE_SCOPE: CorpusScope = {
  partnership: DummyValue.TEXT,
  reviewTypes: ['SERIOUS_CASE_REVIEW'],
  publishedFrom: DummyValue.DAY,
  categories: ['TOOLS'],
  effects: ['SUPPORTS_GOOD_PRACTICE'],
  allOf: [{ position: 10 }],
  anyOf: [{ position: 5 }],
  noneOf: [{ position: 14 }],
};

/** A live analysis of a collection: the same statements over the live tables. */
const LIVE_SCOPE: CorpusScope = {
  collectionId: DummyValue.UUID,
  live: true,
  categories: ['TOOLS'],
  effects: ['SUPPORTS_GOOD_PRACTICE'],
  allOf: [{ position: 10 }],
  noneOf: [],
};

const REVIEW_COLUMNS = (source: Source) => `cr.snapshot_id AS id, cr.review_id AS "reviewId",
  ${source.kind} AS source, CASE WHEN ${source.kind} = 'REPORT' THEN cr.review_id END AS "reportId",
  cr.reference, cr.title,
  cr.partnership, cr.type, cr.published_at AS "publishedAt", cr.publication_year AS "publicationYear",
  cr.incident_year AS "incidentYear", rs.version, cr.case_characteristics AS "caseCharacteristics",
  cr.practice_themes AS "practiceThemes", cr.categories::text[] AS categories,
  cr.agency_sectors::text[] AS "agencySectors"`;

const FINDING_COLUMNS = (source: Source) => `f.id, cr.review_id AS "reviewId",
  ${source.kind} AS source, CASE WHEN ${source.kind} = 'REPORT' THEN cr.review_id END AS "reportId",
  cr.reference, f.ordinal, f.title, f.category,
  f.effect, f.statement, f.manifestation, f.not_peculiar AS "notPeculiar", f.prevalence,
  f.significance, f.questions, f.theme_keys AS "themeKeys", ${source.passage}`;

/** The review's columns beside a finding's: those whose names the finding's columns take are renamed. */
const HIT_REVIEW_COLUMNS = `cr.snapshot_id AS "r.id", cr.title AS "reviewTitle", cr.partnership, cr.type,
  cr.published_at AS "publishedAt", cr.publication_year AS "publicationYear",
  cr.incident_year AS "incidentYear", rs.version, cr.case_characteristics AS "caseCharacteristics",
  cr.practice_themes AS "practiceThemes", cr.categories::text[] AS categories,
  cr.agency_sectors::text[] AS "agencySectors"`;

/** The text a snippet is cut from, HTML-escaped so that only the <mark> tags are markup. */
const FINDING_TEXT = htmlEscapedSql(`concat_ws(' … ', f.title, f.statement, f.manifestation,
  f.not_peculiar, f.prevalence, f.significance, corpus_text_list(f.questions))`);

/** The scope's columns that `keyConditions` reads: the review's theme words and categories. */
const SCOPE_KEYS = 'ce.snapshot_id, ct.words, cr.categories::text[] AS categories';
/** The same when no category is counted: the review row itself is not read. */
const SCOPE_THEMES = 'ce.snapshot_id, ct.words';

/**
 * One SQL condition per counted key, in order (themes, then categories), on a row `s` of the
 * scope (s.snapshot_id, s.words, s.categories): whether the review has the key. A theme is one
 * bit of the review's theme words (broader terms included); a category is the review's, or,
 * when the scope has effects, that of one of its findings of those effects.
 */
function keyConditions(sql: Sql, counted: CountedKeys, scope: CorpusScope): string[] {
  const themes = counted.themes.map((theme) => hasTheme(sql, 's.words', theme));
  const categories = counted.categories.map((category) =>
    scope.effects?.length
      ? `EXISTS (SELECT 1 FROM ${sourceOf(sql, scope).findings} f WHERE f.snapshot_id = s.snapshot_id
           AND f.category::text = ${sql.param(category)} AND ${findingEffects(sql, scope)})`
      : `${sql.param(category)} = ANY(s.categories)`,
  );
  return [...themes, ...categories];
}

/** The counted keys in the order of keyConditions. */
const countedOrder = (counted: CountedKeys) => [
  ...counted.themes.map((theme) => theme.key),
  ...counted.categories,
];

/** An int[] of one aggregate per condition (`'{}'` for none). */
const intArray = (items: string[]) =>
  items.length ? `ARRAY[${items.join(',\n        ')}]::int[]` : `'{}'::int[]`;

@Injectable()
export class CorpusRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The theme vocabulary with each theme's broader theme. */
  @GenerateSql()
  themeGraph(): Promise<ThemeNode[]> {
    return this.manager.query(
      `SELECT t.key, t.label, t.kind, t.broader_key AS "broaderKey", p.position
         FROM theme t JOIN corpus_theme_position p ON p.key = t.key
        ORDER BY t.key`,
    );
  }

  /** The reviews of the scope, and for each counted key how many of them have it. */
  @GenerateSql(
    { params: [EXAMPLE_SCOPE, EXAMPLE_KEYS] },
    { name: 'live', params: [LIVE_SCOPE, EXAMPLE_KEYS] },
  )
  async keyCounts(
    scope: CorpusScope,
    counted: CountedKeys,
  ): Promise<{ denominator: number; counts: KeyCount[] }> {
    const sql = new Sql();
    const review = counted.categories.length > 0;
    const from = scopeFrom(sql, scope, { review, themes: true });
    const conditions = keyConditions(sql, counted, scope);
    const [row]: { denominator: number; counts: number[] }[] = await this.manager.query(
      `WITH scope AS (SELECT ${review ? SCOPE_KEYS : SCOPE_THEMES} FROM ${from})
      SELECT count(*)::int AS denominator,
             ${intArray(conditions.map((c) => `count(*) FILTER (WHERE ${c})::int`))} AS counts
        FROM scope s`,
      sql.params,
    );
    const keys = countedOrder(counted);
    return {
      denominator: row.denominator,
      counts: keys.map((key, i) => ({ key, count: row.counts[i] })),
    };
  }

  /**
   * For each pair of counted keys (a < b) that some review of the scope has both of, how many
   * do: the scope's reviews are grouped by which of the keys they have (one pass), and each
   * group's count added to the pairs it holds.
   */
  @GenerateSql({ params: [EXAMPLE_SCOPE, EXAMPLE_KEYS] })
  async pairCounts(scope: CorpusScope, counted: CountedKeys): Promise<PairCount[]> {
    const sql = new Sql();
    const review = counted.categories.length > 0;
    const from = scopeFrom(sql, scope, { review, themes: true });
    const conditions = keyConditions(sql, counted, scope);
    if (conditions.length < 2) return [];
    const groups: { has: boolean[]; count: number }[] = await this.manager.query(
      `WITH scope AS (SELECT ${review ? SCOPE_KEYS : SCOPE_THEMES} FROM ${from})
      SELECT ARRAY[${conditions.join(',\n        ')}] AS has, count(*)::int AS count
        FROM scope s GROUP BY 1`,
      sql.params,
    );
    const keys = countedOrder(counted);
    const pairs = new Map<string, PairCount>();
    for (const { has, count } of groups)
      for (let i = 0; i < keys.length; i += 1) {
        if (!has[i]) continue;
        for (let j = i + 1; j < keys.length; j += 1) {
          if (!has[j]) continue;
          const [a, b] = keys[i] < keys[j] ? [keys[i], keys[j]] : [keys[j], keys[i]];
          const pair = pairs.get(`${a}\n${b}`) ?? { a, b, count: 0 };
          pair.count += count;
          pairs.set(`${a}\n${b}`, pair);
        }
      }
    return [...pairs.values()];
  }

  /** Per year (of publication or of the incident): the reviews of the scope (key null) and per key. */
  @GenerateSql({ params: [EXAMPLE_SCOPE, EXAMPLE_KEYS, 'PUBLICATION_YEAR'] })
  async yearCounts(
    scope: CorpusScope,
    counted: CountedKeys,
    basis: TrendBasisName,
  ): Promise<YearCount[]> {
    const sql = new Sql();
    const year = basis === 'INCIDENT_YEAR' ? 'cr.incident_year' : 'cr.publication_year';
    const from = scopeFrom(sql, scope, { themes: true });
    const conditions = keyConditions(sql, counted, scope);
    const rows: { year: number; count: number; counts: number[] }[] = await this.manager.query(
      `WITH scope AS (SELECT ${SCOPE_KEYS}, ${year} AS year FROM ${from} AND ${year} IS NOT NULL)
      SELECT year, count(*)::int AS count,
             ${intArray(conditions.map((c) => `count(*) FILTER (WHERE ${c})::int`))} AS counts
        FROM scope s GROUP BY year ORDER BY year`,
      sql.params,
    );
    const keys = countedOrder(counted);
    // Each year's reviews (key null), then each key some review of the year has.
    return rows.flatMap((row) => [
      { year: row.year, key: null, count: row.count },
      ...keys.flatMap((key, i) =>
        row.counts[i] > 0 ? [{ year: row.year, key, count: row.counts[i] }] : [],
      ),
    ]);
  }

  /** A page of the scope's reviews by reference, after the cursor's (reference, id); one more than asked. */
  @GenerateSql(
    { params: [EXAMPLE_SCOPE, DummyValue.PAGE_SIZE, ['KPE-1', DummyValue.UUID]] },
    { name: 'live', params: [LIVE_SCOPE, DummyValue.PAGE_SIZE, null] },
  )
  async reviews(
    scope: CorpusScope,
    limit: number,
    after: [string, string] | null,
  ): Promise<CorpusReview[]> {
    const sql = new Sql();
    const from = scopeFrom(sql, scope, { version: true });
    const cursor = after
      ? `AND (cr.reference, cr.snapshot_id) > (${sql.param(after[0])}, ${sql.param(after[1], 'uuid')})`
      : '';
    return this.manager.query(
      `SELECT ${REVIEW_COLUMNS(sourceOf(sql, scope))}
         FROM ${from} ${cursor}
       ORDER BY cr.reference, cr.snapshot_id
       LIMIT ${sql.param(limit + 1, 'int')}`,
      sql.params,
    );
  }

  @GenerateSql({ params: [EXAMPLE_SCOPE] })
  async countReviews(scope: CorpusScope): Promise<number> {
    const sql = new Sql();
    const [row]: { count: number }[] = await this.manager.query(
      `SELECT count(*)::int AS count FROM ${scopeFrom(sql, scope)}`,
      sql.params,
    );
    return row.count;
  }

  /** A page of the findings of the scope's reviews (of its effects), by reference and ordinal. */
  @GenerateSql({ params: [EXAMPLE_SCOPE, DummyValue.PAGE_SIZE, ['KPE-1', 1, DummyValue.UUID]] })
  async findings(
    scope: CorpusScope,
    limit: number,
    after: [string, number, string] | null,
  ): Promise<CorpusFinding[]> {
    const sql = new Sql();
    const from = scopeFrom(sql, scope, { findings: true });
    const cursor = after
      ? `AND (cr.reference, f.ordinal, f.id) > (${sql.param(after[0])}, ${sql.param(after[1], 'int')}, ${sql.param(after[2], 'uuid')})`
      : '';
    const rows: Record<string, unknown>[] = await this.manager.query(
      `SELECT ${FINDING_COLUMNS(sourceOf(sql, scope))}
         FROM ${from}
          AND ${listedFindings(sql, scope)} ${cursor}
       ORDER BY cr.reference, f.ordinal, f.id
       LIMIT ${sql.param(limit + 1, 'int')}`,
      sql.params,
    );
    return rows.map(findingOf);
  }

  @GenerateSql({ params: [EXAMPLE_SCOPE] })
  async countFindings(scope: CorpusScope): Promise<number> {
    const sql = new Sql();
    const from = scopeFrom(sql, scope, { findings: true });
    const [row]: { count: number }[] = await this.manager.query(
      `SELECT count(*)::int AS count
         FROM ${from}
          AND ${listedFindings(sql, scope)}`,
      sql.params,
    );
    return row.count;
  }

  /**
   * Findings of the scope matching the query, best first. `words` goes through
   * websearch_to_tsquery (quoted phrases, OR, -word); `prefixes` are bare words matched as
   * prefixes. Nothing is returned when the query holds no searchable word.
   */
  @GenerateSql(
    { params: [EXAMPLE_SCOPE, 'escalation "strategy discussion"', ['superv'], 20] },
    { name: 'live', params: [LIVE_SCOPE, 'escalation', [], 20] },
  )
  async search(
    scope: CorpusScope,
    words: string,
    prefixes: string[],
    limit: number,
  ): Promise<FindingHitRow[]> {
    const sql = new Sql();
    const prefixQuery = prefixes.length
      ? ` && to_tsquery('english', ${sql.param(prefixes.map((p) => `${p}:*`).join(' & '))})`
      : '';
    const query = `(websearch_to_tsquery('english', ${sql.param(words)})${prefixQuery})`;
    // The matches are ranked from the narrow search table (id, reference, ordinal, category,
    // effect and vector: no text), so that ranking every match of a common word reads neither
    // the findings' text nor the reviews (unless the filter asks); only the page's findings are
    // then read whole and cut into snippets. The query is written out where it is matched (not
    // read from a CTE), so that the planner sees it and estimates the matches from the index.
    // Live, the search rows and findings are the collection's, their vectors computed alike.
    const from = scopeFrom(sql, scope, { review: false, search: 'f' });
    const source = sourceOf(sql, scope);
    const rows: Record<string, unknown>[] = await this.manager.query(
      `WITH top AS (
         SELECT f.id AS finding, ts_rank(f.search, ${query}) AS rank, f.reference, f.ordinal
           FROM ${from}
            AND numnode(${query}) > 0 AND f.search @@ ${query} AND ${listedFindings(sql, scope)}
         ORDER BY rank DESC, f.reference, f.ordinal, f.id
         LIMIT ${sql.param(limit, 'int')})
       SELECT ${FINDING_COLUMNS(source)}, ${HIT_REVIEW_COLUMNS},
              ts_headline('english', ${FINDING_TEXT}, ${query}, ${HEADLINE_OPTIONS}) AS snippet,
              top.rank
         FROM top
         JOIN ${source.findings} f ON f.id = top.finding
         JOIN ${source.reviews} cr ON cr.snapshot_id = f.snapshot_id
         ${source.version}
        ORDER BY top.rank DESC, top.reference, top.ordinal, f.id`,
      sql.params,
    );
    return rows.map(hitOf);
  }

  /**
   * Findings of other reviews in the corpus like the given one: the text score of its own
   * lexemes (any of them), plus a tenth for each theme both carry; best first.
   */
  @GenerateSql({ params: [DummyValue.UUID, 10] })
  async similar(findingId: string, limit: number): Promise<FindingHitRow[]> {
    const sql = new Sql();
    // Native reviews' findings only: "more like this" is of published reviews.
    const from = scopeFrom(
      sql,
      { ...WHOLE_CORPUS, sources: ['REVIEW'] },
      { findings: true, search: 'fs' },
    );
    const id = sql.param(findingId, 'uuid');
    // As in search: the candidates are ranked from their search rows by id alone, and only the
    // page's findings are read whole and cut into snippets.
    const rows: Record<string, unknown>[] = await this.manager.query(
      `WITH source AS (
         SELECT src.id, src.theme_keys, cr.review_id,
                coalesce((SELECT string_agg(quote_literal(lexeme), ' | ')
                            FROM unnest(tsvector_to_array(fs.search)) AS lexeme), '')::tsquery AS q
           FROM corpus_finding src
           JOIN corpus_finding_search fs ON fs.id = src.id
           JOIN corpus_entry ce ON ce.snapshot_id = src.snapshot_id AND ce.withdrawn_at IS NULL
           JOIN corpus_review cr ON cr.snapshot_id = src.snapshot_id
          WHERE src.id = ${id}),
       top AS (
         SELECT f.id AS finding,
                (ts_rank(fs.search, source.q)
                  + 0.1 * cardinality(ARRAY(SELECT unnest(f.theme_keys) INTERSECT SELECT unnest(source.theme_keys))))::float8 AS rank,
                cr.reference AS reference, f.ordinal AS ordinal
           FROM source, ${from}
            AND cr.review_id <> source.review_id
            AND (fs.search @@ source.q OR f.theme_keys && source.theme_keys)
         ORDER BY rank DESC, reference, ordinal, f.id
         LIMIT ${sql.param(limit, 'int')})
       SELECT ${FINDING_COLUMNS(REVIEWS_ONLY)}, ${HIT_REVIEW_COLUMNS},
              ts_headline('english', ${FINDING_TEXT}, source.q, ${HEADLINE_OPTIONS}) AS snippet,
              top.rank
         FROM source, top
         JOIN corpus_finding f ON f.id = top.finding
         JOIN corpus_review cr ON cr.snapshot_id = f.snapshot_id
         JOIN review_snapshot rs ON rs.id = cr.snapshot_id
        ORDER BY top.rank DESC, top.reference, top.ordinal, f.id`,
      sql.params,
    );
    return rows.map(hitOf);
  }

  /** Whether some report is in the corpus: marked coded and not withdrawn. */
  @GenerateSql()
  async anyCodedReport(): Promise<boolean> {
    const [row]: { any: boolean }[] = await this.manager.query(
      `SELECT EXISTS (SELECT 1 FROM corpus_report_entry WHERE withdrawn_at IS NULL) AS any`,
    );
    return row.any;
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async collectionExists(collectionId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM collection WHERE id = $1`, [
      collectionId,
    ]);
    return rows.length > 0;
  }

  /** Whether the finding is in the corpus now (its review's current, not withdrawn snapshot). */
  @GenerateSql({ params: [DummyValue.UUID] })
  async findingInCorpus(findingId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM corpus_finding f
         JOIN corpus_entry ce ON ce.snapshot_id = f.snapshot_id AND ce.withdrawn_at IS NULL
        WHERE f.id = $1`,
      [findingId],
    );
    return rows.length > 0;
  }

  /**
   * A page of the case × theme matrix: the scope's reviews by reference after the cursor, each
   * with the counted keys it has.
   */
  @GenerateSql({ params: [EXAMPLE_SCOPE, EXAMPLE_KEYS, 500, ['KPE-1', DummyValue.UUID]] })
  async matrixPage(
    scope: CorpusScope,
    counted: CountedKeys,
    limit: number,
    after: [string, string] | null,
  ): Promise<MatrixRow[]> {
    const sql = new Sql();
    const from = scopeFrom(sql, scope, { themes: true });
    const cursor = after
      ? `AND (cr.reference, cr.snapshot_id) > (${sql.param(after[0])}, ${sql.param(after[1], 'uuid')})`
      : '';
    const conditions = keyConditions(sql, counted, scope);
    const rows: (Omit<MatrixRow, 'keys'> & { has: boolean[] })[] = await this.manager.query(
      `SELECT s.snapshot_id AS id, s.reference, s.partnership, s.type,
              s.publication_year AS "publicationYear",
              ${conditions.length ? `ARRAY[${conditions.join(',\n        ')}]` : `'{}'::boolean[]`} AS has
         FROM (SELECT ${SCOPE_KEYS}, cr.reference, cr.partnership, cr.type, cr.publication_year
                 FROM ${from} ${cursor}
                ORDER BY cr.reference, cr.snapshot_id
                LIMIT ${sql.param(limit, 'int')}) s
        ORDER BY s.reference, s.snapshot_id`,
      sql.params,
    );
    const keys = countedOrder(counted);
    return rows.map(({ has, ...row }) => ({ ...row, keys: keys.filter((_, i) => has[i]) }));
  }
}

/** A finding row as a corpus finding: a report's passage, when it has one, gathered up. */
function findingOf(row: Record<string, unknown>): CorpusFinding {
  const { pageNumber, startOffset, endOffset, quote, ...finding } = row as Record<string, never>;
  return {
    ...(finding as unknown as CorpusFinding),
    passage: quote === null ? null : { pageNumber, startOffset, endOffset, quote },
  };
}

/** A search row as a hit: the finding's columns, the review's under "r.", the snippet and rank. */
function hitOf(row: Record<string, unknown>): FindingHitRow {
  const r = row as Record<string, never>;
  const finding: CorpusFinding = {
    id: r.id,
    reviewId: r.reviewId,
    source: r.source,
    reportId: r.reportId,
    passage: findingOf(row).passage,
    reference: r.reference,
    ordinal: r.ordinal,
    title: r.title,
    category: r.category,
    effect: r.effect,
    statement: r.statement,
    manifestation: r.manifestation,
    notPeculiar: r.notPeculiar,
    prevalence: r.prevalence,
    significance: r.significance,
    questions: r.questions,
    themeKeys: r.themeKeys,
  };
  const review: CorpusReview = {
    id: r['r.id'],
    reviewId: r.reviewId,
    source: r.source,
    reportId: r.reportId,
    reference: r.reference,
    title: r.reviewTitle,
    partnership: r.partnership,
    type: r.type,
    publishedAt: r.publishedAt,
    publicationYear: r.publicationYear,
    incidentYear: r.incidentYear,
    version: r.version,
    caseCharacteristics: r.caseCharacteristics,
    practiceThemes: r.practiceThemes,
    categories: r.categories,
    agencySectors: r.agencySectors,
  };
  return {
    finding,
    review,
    snippet: row.snippet as string,
    rank: Number(row.rank),
  };
}
