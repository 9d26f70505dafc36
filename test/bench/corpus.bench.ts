import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { Pool } from 'pg';
import { generateCorpus, GENERATOR_DEFAULTS } from '../../server/src/corpus-generator/cli';
import { prepareDatabase } from '../../server/src/database/prepare-database';
import { embeddedPostgresUrl, graphql, startSignedInServer } from '../support/server-process';
import { Figure, median, report, timeRuns } from './bench-report';

const REVIEWS = 10_000;
const SEED = 1;
const RUNS = 15;
const WARMUP = 3;
const ADMIN = { email: 'bench@bench.local', password: 'benchmark password' };

/** Twelve keys, broader terms among them (toxic-trio, parental-substance-misuse), and practice themes. */
const COOCCURRENCE_KEYS = [
  'toxic-trio',
  'neglect',
  'parental-substance-misuse',
  'child-under-one',
  'going-missing',
  'previous-child-protection-plan',
  'information-sharing',
  'escalation',
  'professional-curiosity',
  'voice-of-the-child',
  'supervision',
  'drift',
];
/** AND (two keys, one broader) and NOT (one key under a broader one). */
const FILTER = {
  themeKeys: ['neglect', 'parental-substance-misuse'],
  withoutThemeKeys: ['domestic-abuse'],
};
const SEARCHES = { word: 'information', phrase: '"strategy discussion"' };

const PREVALENCE = `query($f: CorpusFilter, $k: ThemeKind!) {
  themePrevalence(filter: $f, kind: $k) { denominator rows { key label count percent } } }`;
const COOCCURRENCE = `query($keys: [String!]!) {
  themeCooccurrence(themeKeys: $keys) { keys cells { a b count } } }`;
const SEARCH = `query($q: String!) {
  searchFindings(query: $q) {
    finding { id reference ordinal title category effect }
    review { reference partnership publicationYear }
    snippet rank } }`;

/**
 * The reference answers, from the reviews' own theme keys: each key with itself and its narrower
 * keys, transitively. Run once, untimed, to check that GraphQL and the timed SQL below (which read
 * the reviews' theme bits) count exactly what the keys say.
 */
const TREE = `tree(key, member) AS (
    SELECT key, key FROM theme WHERE key = ANY($1::text[])
    UNION
    SELECT tree.key, t.key FROM tree JOIN theme t ON t.broader_key = tree.member)`;
/** The current, not withdrawn reviews with their keys. */
const PUBLISHED = `SELECT cr.snapshot_id, cr.case_characteristics || cr.practice_themes AS keys
    FROM corpus_entry ce JOIN corpus_review cr ON cr.snapshot_id = ce.snapshot_id
   WHERE ce.withdrawn_at IS NULL`;

/** Prevalence from the keys: the reviews (filtered by AND/NOT key sets), and per key those having a member. */
const REFERENCE_PREVALENCE_SQL = `WITH RECURSIVE ${TREE},
  members AS (SELECT key, array_agg(member) AS members FROM tree GROUP BY key),
  scope AS (${PUBLISHED}
     AND NOT EXISTS (SELECT 1 FROM members m WHERE m.key = ANY($2::text[])
                      AND NOT (cr.case_characteristics || cr.practice_themes) && m.members)
     AND NOT (cr.case_characteristics || cr.practice_themes)
             && ARRAY(SELECT member FROM tree WHERE key = ANY($3::text[])))
SELECT NULL AS key, count(*)::int AS count FROM scope
UNION ALL
SELECT m.key, count(s.snapshot_id)::int FROM members m LEFT JOIN scope s ON s.keys && m.members
 WHERE m.key IN (SELECT key FROM theme WHERE kind = $4::theme_kind)
 GROUP BY m.key`;

/** Co-occurrence from the keys: which reviews have which key, then pairs within a review. */
const REFERENCE_COOCCURRENCE_SQL = `WITH RECURSIVE ${TREE},
  has AS (SELECT DISTINCT tree.key, s.snapshot_id
            FROM (${PUBLISHED}) s CROSS JOIN LATERAL unnest(s.keys) AS k(member)
            JOIN tree ON tree.member = k.member)
SELECT x.key AS a, y.key AS b, count(*)::int AS count
  FROM has x JOIN has y ON y.snapshot_id = x.snapshot_id AND x.key < y.key
 GROUP BY 1, 2`;

/**
 * The timed SQL reads what the API reads, by hand: corpus_review_themes holds each review's theme
 * keys widened to their broader terms as bits (corpus_theme_position gives each theme's bit),
 * so a review has a theme, or a narrower one, when the theme's bit is set.
 */
interface ThemeBitRow {
  key: string;
  kind: string;
  position: number;
}
const bitOf = (positions: Map<string, number>, key: string, words = 'ct.words') => {
  const position = positions.get(key);
  if (position === undefined) throw new Error(`no bit for ${key}`);
  const bit = BigInt.asIntN(64, 1n << BigInt(position % 64));
  return `(coalesce(${words}[${Math.floor(position / 64) + 1}], 0) & ${bit}::bigint) <> 0`;
};
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Prevalence by hand: one pass over the reviews' bits, one count per theme of the kind. */
function prevalenceSql(
  themes: ThemeBitRow[],
  kind: string,
  filter: { themeKeys: string[]; withoutThemeKeys: string[] } | null,
): string {
  const positions = new Map(themes.map((t) => [t.key, t.position]));
  const where = [
    'ce.withdrawn_at IS NULL',
    ...(filter?.themeKeys ?? []).map((key) => bitOf(positions, key)),
    ...(filter?.withoutThemeKeys ?? []).map((key) => `NOT (${bitOf(positions, key)})`),
  ];
  const counts = themes
    .filter((t) => t.kind === kind)
    .map((t) => `count(*) FILTER (WHERE ${bitOf(positions, t.key)})::int AS ${quoted(t.key)}`);
  return `SELECT count(*)::int AS "(reviews)", ${counts.join(', ')}
    FROM corpus_entry ce JOIN corpus_review_themes ct ON ct.snapshot_id = ce.snapshot_id
   WHERE ${where.join(' AND ')}`;
}

/**
 * Co-occurrence by hand: one pass over the reviews' bits grouping them by which of the keys they
 * have, then each group's count added to the pairs it holds ($1: the keys, in the bits' order).
 */
function cooccurrenceSql(themes: ThemeBitRow[], keys: string[]): string {
  const positions = new Map(themes.map((t) => [t.key, t.position]));
  return `WITH g AS (
    SELECT ARRAY[${keys.map((key) => bitOf(positions, key)).join(', ')}] AS has, count(*)::int AS n
      FROM corpus_entry ce JOIN corpus_review_themes ct ON ct.snapshot_id = ce.snapshot_id
     WHERE ce.withdrawn_at IS NULL
     GROUP BY 1)
  SELECT x.key AS a, y.key AS b, sum(g.n)::int AS count
    FROM g, unnest($1::text[]) WITH ORDINALITY AS x(key, i),
         unnest($1::text[]) WITH ORDINALITY AS y(key, j)
   WHERE x.i < y.j AND g.has[x.i] AND g.has[y.j]
   GROUP BY 1, 2`;
}

/**
 * Search by hand: the same ranking, snippet and columns; the matches ranked from the narrow
 * search table, the page's findings then read whole.
 */
const SEARCH_SQL = `WITH top AS (
  SELECT s.id, ts_rank(s.search, websearch_to_tsquery('english', $1)) AS rank, s.reference,
         s.ordinal
    FROM corpus_finding_search s
    JOIN corpus_entry ce ON ce.snapshot_id = s.snapshot_id AND ce.withdrawn_at IS NULL
   WHERE s.search @@ websearch_to_tsquery('english', $1)
   ORDER BY rank DESC, s.reference, s.ordinal, s.id
   LIMIT 20)
SELECT f.id, top.reference, f.ordinal, f.title, f.category, f.effect, cr.partnership,
       cr.publication_year,
       ts_headline('english', replace(replace(replace(concat_ws(' … ', f.title, f.statement,
         f.manifestation, f.not_peculiar, f.prevalence, f.significance, corpus_text_list(f.questions)),
         '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1),
         'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet,
       top.rank
  FROM top JOIN corpus_finding f ON f.id = top.id
  JOIN corpus_review cr ON cr.snapshot_id = f.snapshot_id
 ORDER BY top.rank DESC, top.reference, top.ordinal, f.id`;

/** Search from the findings' own text (their vectors made afresh): the reference ranking. */
const REFERENCE_SEARCH_SQL = `WITH f AS (
  SELECT f.id, f.ordinal, f.snapshot_id,
         corpus_finding_vector(f.title, f.statement, f.manifestation, f.not_peculiar,
           f.prevalence, f.significance, f.questions) AS search
    FROM corpus_finding f)
SELECT f.id, ts_rank(f.search, websearch_to_tsquery('english', $1)) AS rank
  FROM f
  JOIN corpus_entry ce ON ce.snapshot_id = f.snapshot_id AND ce.withdrawn_at IS NULL
  JOIN corpus_review cr ON cr.snapshot_id = f.snapshot_id
 WHERE f.search @@ websearch_to_tsquery('english', $1)
 ORDER BY rank DESC, cr.reference, f.ordinal, f.id
 LIMIT 20`;

/** The matrix by hand: per review, which theme keys (by their bits) and categories it has. */
const MATRIX_SQL = `SELECT cr.reference, cr.partnership, cr.type, cr.publication_year,
       ARRAY(SELECT c.key FROM unnest($1::text[], $2::int[], $3::bigint[]) AS c(key, word, bit)
              WHERE (coalesce(ct.words[c.word], 0) & c.bit) <> 0)
       || cr.categories::text[] AS keys
  FROM corpus_entry ce JOIN corpus_review cr ON cr.snapshot_id = ce.snapshot_id
  JOIN corpus_review_themes ct ON ct.snapshot_id = ce.snapshot_id
 WHERE ce.withdrawn_at IS NULL
 ORDER BY cr.reference, cr.snapshot_id`;

interface Prevalence {
  themePrevalence: { denominator: number; rows: { key: string; count: number }[] };
}
interface Cooccurrence {
  themeCooccurrence: { cells: { a: string; b: string; count: number }[] };
}
interface Search {
  searchFindings: { finding: { id: string } }[];
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Stops the benchmark when GraphQL and the hand-written SQL disagree: the baseline must be the same answer. */
function same(what: string, viaGraphql: unknown, viaSql: unknown): void {
  const a = JSON.stringify(viaGraphql);
  const b = JSON.stringify(viaSql);
  if (a !== b) throw new Error(`${what}: GraphQL and SQL disagree\nGraphQL ${a}\nSQL     ${b}`);
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

describe('corpus benchmark', () => {
  it(`measures the corpus queries on ${REVIEWS.toLocaleString('en-GB')} generated published reviews`, async () => {
    const running = await startSignedInServer('scr-bench-corpus-', ADMIN);
    const { server, token, dataDir } = running;
    const url = embeddedPostgresUrl(dataDir);
    const direct = new Pool({ connectionString: url, max: 4 });
    try {
      const generateStart = Date.now();
      const dataSource = await prepareDatabase(url);
      try {
        await generateCorpus(
          dataSource,
          { ...GENERATOR_DEFAULTS, reviews: REVIEWS, seed: SEED, reset: false },
          () => undefined,
        );
      } finally {
        await dataSource.destroy();
      }
      await direct.query(
        'VACUUM ANALYZE corpus_entry, corpus_review, corpus_finding, corpus_review_themes, corpus_finding_search',
      );
      const generateSeconds = (Date.now() - generateStart) / 1000;
      const [{ reviews, findings }] = (
        await direct.query(
          `SELECT (SELECT count(*)::int FROM corpus_entry WHERE withdrawn_at IS NULL) AS reviews,
                  (SELECT count(*)::int FROM corpus_finding f JOIN corpus_entry ce
                      ON ce.snapshot_id = f.snapshot_id AND ce.withdrawn_at IS NULL) AS findings`,
        )
      ).rows;

      const ask = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
        const body = await graphql<T>(server.url, query, variables, token);
        if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
        return body.data;
      };
      const rows = async (sql: string, params: unknown[]) => (await direct.query(sql, params)).rows;

      /** Per case: GraphQL and SQL, interleaved so that noise on the machine falls on both alike. */
      const cases: {
        name: string;
        graphql: () => Promise<unknown>;
        sql: () => Promise<unknown>;
        target: number;
        ratio: boolean;
      }[] = [];

      const themeBits: ThemeBitRow[] = await rows(
        `SELECT t.key, t.kind, p.position FROM theme t JOIN corpus_theme_position p ON p.key = t.key`,
        [],
      );
      /** The untimed reference answer of each case, from the reviews' keys (see TREE). */
      const references: (() => Promise<unknown>)[] = [];
      const prevalenceCase = (name: string, kind: string, filter: typeof FILTER | null) => {
        const allKeys = [
          ...new Set([...(filter?.themeKeys ?? []), ...(filter?.withoutThemeKeys ?? [])]),
        ];
        const sql = prevalenceSql(themeBits, kind, filter);
        references.push(() =>
          rows(REFERENCE_PREVALENCE_SQL, [
            [...new Set([...themeBits.map((t) => t.key), ...allKeys])],
            filter?.themeKeys ?? [],
            filter?.withoutThemeKeys ?? [],
            kind,
          ]),
        );
        cases.push({
          name,
          graphql: () => ask<Prevalence>(PREVALENCE, { f: filter, k: kind }),
          sql: async () => {
            const [row] = await rows(sql, []);
            return Object.entries(row as Record<string, number>).map(([key, count]) => ({
              key: key === '(reviews)' ? null : key,
              count,
            }));
          },
          target: 100,
          ratio: true,
        });
      };
      prevalenceCase('prevalence, case characteristics, no filter', 'CASE_CHARACTERISTIC', null);
      const cooSql = cooccurrenceSql(themeBits, COOCCURRENCE_KEYS);
      references.push(() => rows(REFERENCE_COOCCURRENCE_SQL, [COOCCURRENCE_KEYS]));
      cases.push({
        name: `co-occurrence, ${COOCCURRENCE_KEYS.length} keys`,
        graphql: () => ask<Cooccurrence>(COOCCURRENCE, { keys: COOCCURRENCE_KEYS }),
        sql: () => rows(cooSql, [COOCCURRENCE_KEYS]),
        target: 100,
        ratio: true,
      });
      prevalenceCase('prevalence, practice themes, AND/NOT filter', 'PRACTICE_THEME', FILTER);
      for (const [kind, q] of Object.entries(SEARCHES)) {
        references.push(() => rows(REFERENCE_SEARCH_SQL, [q]));
        cases.push({
          name: `search, ${kind === 'word' ? 'a common word' : 'a phrase'} (${q})`,
          graphql: () => ask<Search>(SEARCH, { q }),
          sql: () => rows(SEARCH_SQL, [q]),
          target: 150,
          ratio: false,
        });
      }

      // The baseline is honest only if it gives the same answer, and both give the answer the
      // reviews' own keys and the findings' own text give.
      const [cc, coo, filtered, word, phrase] = await Promise.all(
        cases.map(async (c, i) => ({
          viaGraphql: await c.graphql(),
          viaSql: await c.sql(),
          reference: await references[i](),
        })),
      );
      const prevalenceOf = (x: { viaGraphql: unknown; viaSql: unknown; reference: unknown }) => {
        const g = (x.viaGraphql as Prevalence).themePrevalence;
        const counts = (s: { key: string | null; count: number }[]) => [
          s.find((r) => r.key === null)?.count,
          Object.fromEntries(s.flatMap((r) => (r.key === null ? [] : [[r.key, r.count]])).sort()),
        ];
        const viaGraphql = [
          g.denominator,
          Object.fromEntries(g.rows.map((r) => [r.key, r.count]).sort()),
        ];
        same('prevalence', viaGraphql, counts(x.viaSql as never));
        same('prevalence (reference from the keys)', viaGraphql, counts(x.reference as never));
        return g.denominator;
      };
      const ccDenominator = prevalenceOf(cc);
      const filteredDenominator = prevalenceOf(filtered);
      const pairKey = (r: { a: string; b: string }) => [r.a, r.b].sort().join(' & ');
      const cooCells = (coo.viaGraphql as Cooccurrence).themeCooccurrence.cells;
      for (const [what, answer] of [
        ['co-occurrence', coo.viaSql],
        ['co-occurrence (reference from the keys)', coo.reference],
      ] as const) {
        const bySql = new Map(
          (answer as { a: string; b: string; count: number }[]).map((r) => [pairKey(r), r.count]),
        );
        same(
          what,
          cooCells.map((c) => [pairKey(c), c.count]).sort(),
          cooCells.map((c) => [pairKey(c), bySql.get(pairKey(c)) ?? 0]).sort(),
        );
      }
      for (const [what, hits] of [
        ['search for a word', word],
        ['search for a phrase', phrase],
      ] as const) {
        const ids = (hits.viaGraphql as Search).searchFindings.map((h) => h.finding.id);
        if (ids.length === 0) throw new Error(`${what} found nothing`);
        same(
          what,
          ids,
          (hits.viaSql as { id: string }[]).map((h) => h.id),
        );
        same(
          `${what} (reference from the findings' text)`,
          ids,
          (hits.reference as { id: string }[]).map((h) => h.id),
        );
      }
      const [{ matching: wordMatches }] = await rows(
        `SELECT count(*)::int AS matching FROM corpus_finding_search WHERE search @@ websearch_to_tsquery('english', $1)`,
        [SEARCHES.word],
      );

      const figures: Figure[] = [];
      for (const c of cases) {
        const graphqlTimes: number[] = [];
        const sqlTimes: number[] = [];
        for (let round = 0; round < 3; round += 1) {
          graphqlTimes.push(...(await timeRuns(RUNS / 3, round === 0 ? WARMUP : 1, c.graphql)));
          sqlTimes.push(...(await timeRuns(RUNS / 3, round === 0 ? WARMUP : 1, c.sql)));
        }
        const g = median(graphqlTimes);
        const s = median(sqlTimes);
        figures.push(
          {
            name: `${c.name}: GraphQL`,
            value: ms(g),
            target: `<= ${c.target} ms`,
            met: g <= c.target,
          },
          { name: `${c.name}: SQL`, value: ms(s), target: '', met: true },
        );
        if (c.ratio)
          figures.push({
            name: `${c.name}: GraphQL / SQL`,
            value: (g / s).toFixed(2),
            target: '<= 1.5',
            met: g / s <= 1.5,
          });
      }

      // The matrix: the whole corpus as CSV, the server's memory sampled while it streams.
      const downloadMatrix = async () => {
        const samples: number[] = [rssMb(server.child.pid!)];
        const sampler = setInterval(() => samples.push(rssMb(server.child.pid!)), 10);
        const start = process.hrtime.bigint();
        try {
          const response = await fetch(`${server.url}/api/corpus/matrix.csv`, {
            headers: { authorization: `Bearer ${token}` },
          });
          if (response.status !== 200) throw new Error(`matrix.csv: ${response.status}`);
          const text = await response.text();
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          samples.push(rssMb(server.child.pid!));
          return { text, ms, samples };
        } finally {
          clearInterval(sampler);
        }
      };
      const first = await downloadMatrix();
      const parsed = Papa.parse<string[]>(first.text.replace(/^\ufeff/, '').trim(), {
        skipEmptyLines: true,
      }).data;
      const [headings, ...matrixRows] = parsed;
      const columns = headings.slice(4);
      const positions = new Map(themeBits.map((t) => [t.key, t.position]));
      const matrixThemes = columns.filter((c) => positions.has(c));
      const matrixParams = [
        matrixThemes,
        matrixThemes.map((key) => Math.floor(positions.get(key)! / 64) + 1),
        matrixThemes.map((key) =>
          BigInt.asIntN(64, 1n << BigInt(positions.get(key)! % 64)).toString(),
        ),
      ];
      const bySql = await rows(MATRIX_SQL, matrixParams);
      same(
        'matrix',
        matrixRows.map((r) => r.slice(0, 4).join(',') + ':' + r.slice(4).join('')),
        bySql.map(
          (r: {
            reference: string;
            partnership: string;
            type: string;
            publication_year: number;
            keys: string[];
          }) =>
            [r.reference, r.partnership, r.type, r.publication_year].join(',') +
            ':' +
            columns.map((c) => (r.keys.includes(c) ? '1' : '0')).join(''),
        ),
      );
      if (matrixRows.length !== reviews) throw new Error(`matrix has ${matrixRows.length} rows`);
      const downloads = [first];
      for (let i = 0; i < 4; i += 1) downloads.push(await downloadMatrix());
      const matrixSqlTimes = await timeRuns(5, 1, () => rows(MATRIX_SQL, matrixParams));
      const matrixMs = median(downloads.slice(1).map((d) => d.ms));
      const growth = Math.max(
        ...downloads.slice(1).map((d) => Math.max(...d.samples) - d.samples[0]),
      );
      const before = downloads[1].samples[0];
      figures.push(
        {
          name: `matrix CSV, ${matrixRows.length.toLocaleString('en-GB')} reviews × ${columns.length} keys (${(first.text.length / 1e6).toFixed(1)} MB): HTTP`,
          value: ms(matrixMs),
          target: '<= 2000 ms',
          met: matrixMs <= 2000,
        },
        {
          name: 'matrix by hand-written SQL',
          value: ms(median(matrixSqlTimes)),
          target: '',
          met: true,
        },
        {
          name: 'server memory before the download',
          value: `${Math.round(before)} MB`,
          target: '',
          met: true,
        },
        {
          name: 'server memory growth while streaming (most of 4)',
          value: `${growth.toFixed(1)} MB`,
          target: '<= 50 MB',
          met: growth <= 50,
        },
      );

      report(
        `Corpus: GraphQL over HTTP to the built server (production mode) vs hand-written SQL giving the same numbers, ${RUNS} runs each after ${WARMUP} warm-up; ${reviews.toLocaleString('en-GB')} published reviews, ${findings.toLocaleString('en-GB')} findings (seed ${SEED}, generated in ${generateSeconds.toFixed(0)} s); unfiltered denominator ${ccDenominator}, AND/NOT denominator ${filteredDenominator}; "${SEARCHES.word}" matches ${wordMatches} findings`,
        figures,
      );
    } finally {
      await direct.end();
      await running.close();
    }
  });
});
