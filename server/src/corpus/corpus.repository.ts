import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThemeKindName } from '@scr/shared';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import {
  CorpusScope,
  findingEffects,
  listedFindings,
  REVIEW_KEYS,
  scopeFrom,
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
}

/**
 * What to count: each theme key with the keys that count as it (itself and its narrower themes),
 * and finding categories by name.
 */
export interface CountedKeys {
  themes: { key: string; members: string[] }[];
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
  themes: [{ key: 'toxic-trio', members: ['toxic-trio', 'domestic-abuse'] }],
  categories: ['TOOLS'],
};
const EXAMPLE_SCOPE: CorpusScope = {
  partnership: DummyValue.TEXT,
  reviewTypes: ['SERIOUS_CASE_REVIEW'],
  publishedFrom: DummyValue.DAY,
  categories: ['TOOLS'],
  effects: ['SUPPORTS_GOOD_PRACTICE'],
  allOf: [['neglect']],
  anyOf: ['domestic-abuse'],
  noneOf: ['parental-mental-health'],
};

/** A live analysis of a collection: the same statements over the live tables. */
const LIVE_SCOPE: CorpusScope = {
  collectionId: DummyValue.UUID,
  live: true,
  categories: ['TOOLS'],
  effects: ['SUPPORTS_GOOD_PRACTICE'],
  allOf: [['neglect']],
  noneOf: [],
};

const REVIEW_COLUMNS = `cr.snapshot_id AS id, cr.review_id AS "reviewId", cr.reference, cr.title,
  cr.partnership, cr.type, cr.published_at AS "publishedAt", cr.publication_year AS "publicationYear",
  cr.incident_year AS "incidentYear", rs.version, cr.case_characteristics AS "caseCharacteristics",
  cr.practice_themes AS "practiceThemes", cr.categories::text[] AS categories,
  cr.agency_sectors::text[] AS "agencySectors"`;

const FINDING_COLUMNS = `f.id, cr.review_id AS "reviewId", cr.reference, f.ordinal, f.title, f.category,
  f.effect, f.statement, f.manifestation, f.not_peculiar AS "notPeculiar", f.prevalence,
  f.significance, f.questions, f.theme_keys AS "themeKeys"`;

/** The review's columns beside a finding's: those whose names the finding's columns take are renamed. */
const HIT_REVIEW_COLUMNS = `cr.snapshot_id AS "r.id", cr.title AS "reviewTitle", cr.partnership, cr.type,
  cr.published_at AS "publishedAt", cr.publication_year AS "publicationYear",
  cr.incident_year AS "incidentYear", rs.version, cr.case_characteristics AS "caseCharacteristics",
  cr.practice_themes AS "practiceThemes", cr.categories::text[] AS categories,
  cr.agency_sectors::text[] AS "agencySectors"`;

/** The text a snippet is cut from, HTML-escaped so that only the <mark> tags are markup. */
const FINDING_TEXT = `replace(replace(replace(concat_ws(' … ', f.title, f.statement, f.manifestation,
  f.not_peculiar, f.prevalence, f.significance, corpus_text_list(f.questions)),
  '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
const HEADLINE_OPTIONS = `'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`;

/** The scope's categories column, which `has` reads when no effects are given. */
const SCOPE_CATEGORIES = 'cr.categories::text[] AS categories';

/**
 * `has(key, snapshot_id)`: which reviews of `scope` have which counted key. The review's keys are
 * unnested and hash-joined to the counted members (one pass over the scope); the findings are read
 * only when categories are counted.
 */
function hasKeys(sql: Sql, counted: CountedKeys, scope: CorpusScope): string {
  const keys = counted.themes.flatMap((theme) => theme.members.map(() => theme.key));
  const members = counted.themes.flatMap((theme) => theme.members);
  // Without effects, a review's categories are its findings' (corpus_review.categories).
  const categories = !counted.categories.length
    ? ''
    : scope.effects?.length
      ? `
    UNION ALL
    SELECT DISTINCT f.category::text, f.snapshot_id
      FROM scope s JOIN ${sourceOf(sql, scope).findings} f ON f.snapshot_id = s.snapshot_id
     WHERE f.category::text = ANY(${sql.param(counted.categories, 'text[]')}) AND ${findingEffects(sql, scope)}`
      : `
    UNION ALL
    SELECT c.key, s.snapshot_id
      FROM scope s CROSS JOIN LATERAL unnest(s.categories) AS c(key)
     WHERE c.key = ANY(${sql.param(counted.categories, 'text[]')})`;
  return `has AS (
    SELECT DISTINCT m.key, s.snapshot_id
      FROM scope s CROSS JOIN LATERAL unnest(s.keys) AS k(member)
      JOIN unnest(${sql.param(keys, 'text[]')}, ${sql.param(members, 'text[]')}) AS m(key, member)
        ON m.member = k.member${categories}
  )`;
}

@Injectable()
export class CorpusRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The theme vocabulary with each theme's broader theme. */
  @GenerateSql()
  themeGraph(): Promise<ThemeNode[]> {
    return this.manager.query(
      `SELECT key, label, kind, broader_key AS "broaderKey" FROM theme ORDER BY key`,
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
    const rows: { key: string | null; count: number }[] = await this.manager.query(
      `WITH scope AS (SELECT cr.snapshot_id, ${REVIEW_KEYS} AS keys, ${SCOPE_CATEGORIES} FROM ${scopeFrom(sql, scope)}),
      ${hasKeys(sql, counted, scope)}
      SELECT NULL AS key, count(*)::int AS count FROM scope
      UNION ALL
      SELECT key, count(*)::int FROM has GROUP BY key`,
      sql.params,
    );
    return {
      denominator: rows.find((row) => row.key === null)?.count ?? 0,
      counts: rows.flatMap((row) => (row.key === null ? [] : [{ key: row.key, count: row.count }])),
    };
  }

  /** For each pair of counted keys (a < b), the reviews of the scope that have both. */
  @GenerateSql({ params: [EXAMPLE_SCOPE, EXAMPLE_KEYS] })
  pairCounts(scope: CorpusScope, counted: CountedKeys): Promise<PairCount[]> {
    const sql = new Sql();
    return this.manager.query(
      `WITH scope AS (SELECT cr.snapshot_id, ${REVIEW_KEYS} AS keys, ${SCOPE_CATEGORIES} FROM ${scopeFrom(sql, scope)}),
      ${hasKeys(sql, counted, scope)}
      , per_review AS (SELECT array_agg(key) AS keys FROM has GROUP BY snapshot_id)
      SELECT x.key AS a, y.key AS b, count(*)::int AS count
        FROM per_review r CROSS JOIN LATERAL unnest(r.keys) AS x(key)
        JOIN LATERAL unnest(r.keys) AS y(key) ON x.key < y.key
       GROUP BY x.key, y.key`,
      sql.params,
    );
  }

  /** Per year (of publication or of the incident): the reviews of the scope (key null) and per key. */
  @GenerateSql({ params: [EXAMPLE_SCOPE, EXAMPLE_KEYS, 'PUBLICATION_YEAR'] })
  yearCounts(
    scope: CorpusScope,
    counted: CountedKeys,
    basis: TrendBasisName,
  ): Promise<YearCount[]> {
    const sql = new Sql();
    const year = basis === 'INCIDENT_YEAR' ? 'cr.incident_year' : 'cr.publication_year';
    return this.manager.query(
      `WITH scope AS (
        SELECT cr.snapshot_id, ${year} AS year, ${REVIEW_KEYS} AS keys, ${SCOPE_CATEGORIES} FROM ${scopeFrom(sql, scope)}
           AND ${year} IS NOT NULL),
      ${hasKeys(sql, counted, scope)}
      SELECT year, NULL AS key, count(*)::int AS count FROM scope GROUP BY year
      UNION ALL
      SELECT s.year, h.key, count(*)::int FROM has h JOIN scope s USING (snapshot_id) GROUP BY s.year, h.key
      ORDER BY 1, 2 NULLS FIRST`,
      sql.params,
    );
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
      `SELECT ${REVIEW_COLUMNS}
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
    return this.manager.query(
      `SELECT ${FINDING_COLUMNS}
         FROM ${from}
          AND ${listedFindings(sql, scope)} ${cursor}
       ORDER BY cr.reference, f.ordinal, f.id
       LIMIT ${sql.param(limit + 1, 'int')}`,
      sql.params,
    );
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
    const query = `websearch_to_tsquery('english', ${sql.param(words)})${prefixQuery}`;
    const from = scopeFrom(sql, scope, { findings: true });
    const source = sourceOf(sql, scope);
    // The matches are ranked by id alone, so that the sort carries no text; only the page's
    // findings are then read whole and cut into snippets.
    const rows: Record<string, unknown>[] = await this.manager.query(
      `WITH q AS (SELECT ${query} AS q),
       top AS (
         SELECT f.id AS finding, ts_rank(f.search, q.q) AS rank, cr.reference AS reference,
                f.ordinal AS ordinal
           FROM q, ${from}
            AND numnode(q.q) > 0 AND f.search @@ q.q AND ${listedFindings(sql, scope)}
         ORDER BY rank DESC, reference, ordinal, f.id
         LIMIT ${sql.param(limit, 'int')})
       SELECT ${FINDING_COLUMNS}, ${HIT_REVIEW_COLUMNS},
              ts_headline('english', ${FINDING_TEXT}, q.q, ${HEADLINE_OPTIONS}) AS snippet,
              top.rank
         FROM q, top
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
    const from = scopeFrom(sql, WHOLE_CORPUS, { findings: true });
    const id = sql.param(findingId, 'uuid');
    // As in search: the candidates are ranked by id alone, and only the page's findings are read
    // whole and cut into snippets.
    const rows: Record<string, unknown>[] = await this.manager.query(
      `WITH source AS (
         SELECT src.id, src.theme_keys, cr.review_id,
                coalesce((SELECT string_agg(quote_literal(lexeme), ' | ')
                            FROM unnest(tsvector_to_array(src.search)) AS lexeme), '')::tsquery AS q
           FROM corpus_finding src
           JOIN corpus_entry ce ON ce.snapshot_id = src.snapshot_id AND ce.withdrawn_at IS NULL
           JOIN corpus_review cr ON cr.snapshot_id = src.snapshot_id
          WHERE src.id = ${id}),
       top AS (
         SELECT f.id AS finding,
                (ts_rank(f.search, source.q)
                  + 0.1 * cardinality(ARRAY(SELECT unnest(f.theme_keys) INTERSECT SELECT unnest(source.theme_keys))))::float8 AS rank,
                cr.reference AS reference, f.ordinal AS ordinal
           FROM source, ${from}
            AND cr.review_id <> source.review_id
            AND (f.search @@ source.q OR f.theme_keys && source.theme_keys)
         ORDER BY rank DESC, reference, ordinal, f.id
         LIMIT ${sql.param(limit, 'int')})
       SELECT ${FINDING_COLUMNS}, ${HIT_REVIEW_COLUMNS},
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
  matrixPage(
    scope: CorpusScope,
    counted: CountedKeys,
    limit: number,
    after: [string, string] | null,
  ): Promise<MatrixRow[]> {
    const sql = new Sql();
    const from = scopeFrom(sql, scope);
    const cursor = after
      ? `AND (cr.reference, cr.snapshot_id) > (${sql.param(after[0])}, ${sql.param(after[1], 'uuid')})`
      : '';
    return this.manager.query(
      `WITH scope AS (
         SELECT cr.snapshot_id, cr.reference, cr.partnership, cr.type, cr.publication_year,
                ${REVIEW_KEYS} AS keys, ${SCOPE_CATEGORIES}
           FROM ${from} ${cursor}
          ORDER BY cr.reference, cr.snapshot_id
          LIMIT ${sql.param(limit, 'int')}),
       ${hasKeys(sql, counted, scope)}
       SELECT s.snapshot_id AS id, s.reference, s.partnership, s.type,
              s.publication_year AS "publicationYear",
              coalesce(array_agg(h.key) FILTER (WHERE h.key IS NOT NULL), '{}') AS keys
         FROM scope s LEFT JOIN has h ON h.snapshot_id = s.snapshot_id
        GROUP BY s.snapshot_id, s.reference, s.partnership, s.type, s.publication_year
        ORDER BY s.reference, s.snapshot_id`,
      sql.params,
    );
  }
}

/** A search row as a hit: the finding's columns, the review's under "r.", the snippet and rank. */
function hitOf(row: Record<string, unknown>): FindingHitRow {
  const r = row as Record<string, never>;
  const finding: CorpusFinding = {
    id: r.id,
    reviewId: r.reviewId,
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
