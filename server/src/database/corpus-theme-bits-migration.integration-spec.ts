import { DataSource } from 'typeorm';
import { insertCorpus, SMALL_CORPUS } from '../testing/corpus-fixtures';
import { createTestDatabase, dropTestDatabase } from '../testing/test-database';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';
import { CorpusReviewThemeBits1765900000000 } from './migrations/1765900000000-corpus-review-theme-bits';
import { CorpusFindingSearchTable1765900100000 } from './migrations/1765900100000-corpus-finding-search-table';

/** Each corpus review's snapshot with the theme keys its bits hold, read back through the positions. */
const BITS = `
  SELECT rt.snapshot_id AS "snapshotId",
         array_agg(p.key ORDER BY p.key COLLATE "C") AS keys
    FROM corpus_review_themes rt JOIN corpus_theme_position p
      ON (coalesce(rt.words[p.position / 64 + 1], 0) & (1::bigint << (p.position % 64))) <> 0
   GROUP BY rt.snapshot_id ORDER BY 1`;

/** The same from the reviews' own keys with their broader terms, transitively. */
const FROM_KEYS = `
  WITH RECURSIVE up(snapshot_id, key) AS (
    SELECT cr.snapshot_id, k.key FROM corpus_review cr
      CROSS JOIN LATERAL unnest(cr.case_characteristics || cr.practice_themes) AS k(key)
    UNION
    SELECT up.snapshot_id, t.broader_key FROM up JOIN theme t ON t.key = up.key
     WHERE t.broader_key IS NOT NULL)
  SELECT snapshot_id AS "snapshotId", array_agg(key ORDER BY key COLLATE "C") AS keys
    FROM up GROUP BY snapshot_id ORDER BY 1`;

describe('the corpus theme bits and search table migrations on a corpus published before them', () => {
  let url: string;
  let dataSource: DataSource;
  let vectors: { id: string; search: string }[];

  beforeAll(async () => {
    url = await createTestDatabase({ migrated: false });
    const old = await new DataSource({
      ...dataSourceOptions(url),
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(CorpusReviewThemeBits1765900000000)),
    }).initialize();
    await old.runMigrations({ transaction: 'all' });
    await insertCorpus(old, SMALL_CORPUS);
    vectors = await old.query(`SELECT id, search::text FROM corpus_finding ORDER BY id`);
    await old.destroy();
    dataSource = await new DataSource({
      ...dataSourceOptions(url),
      migrations: MIGRATIONS.slice(
        0,
        MIGRATIONS.indexOf(CorpusFindingSearchTable1765900100000) + 1,
      ),
    }).initialize();
    await dataSource.runMigrations({ transaction: 'all' });
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  it("back-fills every corpus review's bits: its keys with their broader terms", async () => {
    const bits = await dataSource.query(BITS);
    expect(bits.length).toBeGreaterThan(0);
    expect(bits).toEqual(await dataSource.query(FROM_KEYS));
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM corpus_review`);
    expect(bits).toHaveLength(count);
  });

  it("moves every corpus finding's search vector, unchanged, into the search table", async () => {
    expect(vectors.length).toBeGreaterThan(0);
    expect(
      await dataSource.query(`SELECT id, search::text FROM corpus_finding_search ORDER BY id`),
    ).toEqual(vectors);
  });

  it('goes back down to the vectors in corpus_finding and no bits', async () => {
    await dataSource.undoLastMigration({ transaction: 'all' });
    await dataSource.undoLastMigration({ transaction: 'all' });
    expect(
      await dataSource.query(`SELECT id, search::text FROM corpus_finding ORDER BY id`),
    ).toEqual(vectors);
    const [{ tables }] = await dataSource.query(
      `SELECT count(*)::int AS tables FROM pg_tables
        WHERE tablename IN ('corpus_review_themes', 'corpus_theme_position', 'corpus_finding_search')`,
    );
    expect(tables).toBe(0);
  });
});
