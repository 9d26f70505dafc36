import { DataSource } from 'typeorm';
import { prepareDatabase } from '../database/prepare-database';
import { createTestDatabase, dropTestDatabase } from '../testing/test-database';
import { generateCorpus, parseGeneratorArguments } from './cli';

describe('writing a synthetic corpus', () => {
  let url: string;
  let dataSource: DataSource;
  const printed: string[] = [];

  beforeAll(async () => {
    url = await createTestDatabase();
    dataSource = await prepareDatabase(url);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  const counts = async () =>
    (
      await dataSource.query(`
        SELECT (SELECT count(*)::int FROM review WHERE status = 'PUBLISHED' AND published_at IS NOT NULL) AS reviews,
               (SELECT count(*)::int FROM finding) AS findings,
               (SELECT count(*)::int FROM review_snapshot) AS snapshots,
               (SELECT count(*)::int FROM corpus_review) AS "corpusReviews",
               (SELECT count(*)::int FROM corpus_finding) AS "corpusFindings",
               (SELECT count(*)::int FROM corpus_entry WHERE withdrawn_at IS NULL) AS entries,
               (SELECT count(*)::int FROM corpus_review_themes) AS "themeBits",
               (SELECT count(*)::int FROM corpus_finding_search) AS "searchVectors",
               (SELECT coalesce(sum(jsonb_array_length(content->'factors')), 0)::int FROM review_snapshot) AS factors`)
    )[0];

  it('writes 50 reviews with a snapshot, corpus rows and an entry each, all consistent', async () => {
    const args = parseGeneratorArguments(['--reviews', '50', '--seed', '7', '--batch', '20']);
    if (args === 'help') throw new Error('unexpected');
    await generateCorpus(dataSource, args, (line) => printed.push(line));
    expect(printed.some((line) => line.startsWith('50/50 reviews'))).toBe(true);

    const n = await counts();
    expect(n.reviews).toBe(50);
    expect(n.snapshots).toBe(50);
    expect(n.corpusReviews).toBe(50);
    expect(n.entries).toBe(50);
    expect(n.corpusFindings).toBe(n.findings);
    // The corpus's theme bits and search vectors, written by triggers with the rows.
    expect(n.themeBits).toBe(50);
    expect(n.searchVectors).toBe(n.findings);
    expect(n.findings).toBeGreaterThan(50 * 6);
    expect(n.factors).toBeGreaterThan(50 * 20);

    const [problems] = await dataSource.query(`
      SELECT
        (SELECT count(*)::int FROM corpus_review c
           LEFT JOIN review_snapshot s ON s.id = c.snapshot_id AND s.review_id = c.review_id
           LEFT JOIN corpus_entry e ON e.snapshot_id = c.snapshot_id
           WHERE s.id IS NULL OR e.review_id IS NULL) AS "reviewsWithoutSnapshotOrEntry",
        (SELECT count(*)::int FROM corpus_finding f
           LEFT JOIN corpus_review c ON c.snapshot_id = f.snapshot_id
           LEFT JOIN finding live ON live.id = f.finding_id AND live.review_id = c.review_id
           WHERE c.snapshot_id IS NULL OR live.id IS NULL) AS "findingsAstray",
        (SELECT count(*)::int FROM corpus_review c JOIN review r ON r.id = c.review_id
           WHERE c.reference <> r.reference OR c.publication_year <> extract(year FROM r.published_at)
              OR c.incident_year <> extract(year FROM r.period_end)
              OR c.case_characteristics <> r.case_characteristics
              OR NOT c.categories @> (SELECT array_agg(DISTINCT f.category) FROM finding f WHERE f.review_id = r.id)
              OR NOT c.agency_sectors @> (SELECT array_agg(DISTINCT a.sector) FROM agency a WHERE a.review_id = r.id)
              OR NOT c.practice_themes @> (SELECT array_agg(DISTINCT t) FROM finding f, unnest(f.theme_keys) t WHERE f.review_id = r.id)
        ) AS "columnsAstray",
        (SELECT count(*)::int FROM review WHERE reference NOT LIKE 'SYN-%') AS "unmarked",
        (SELECT count(*)::int FROM review
           WHERE updated_at <> published_at OR created_at <> published_at) AS "changedSincePublished"`);
    expect(problems).toEqual({
      reviewsWithoutSnapshotOrEntry: 0,
      findingsAstray: 0,
      columnsAstray: 0,
      unmarked: 0,
      changedSincePublished: 0,
    });
  });

  it('refuses to write over an earlier run, and --reset replaces it with the same corpus for the same seed', async () => {
    const before = await dataSource.query(`SELECT id, reference FROM review ORDER BY reference`);
    const { findings } = await counts();
    const args = parseGeneratorArguments(['--reviews', '50', '--seed', '7']);
    if (args === 'help') throw new Error('unexpected');
    await expect(generateCorpus(dataSource, args, () => undefined)).rejects.toThrow(/--reset/);

    await generateCorpus(dataSource, { ...args, reset: true }, (line) => printed.push(line));
    expect(printed).toContain('Removed 50 synthetic reviews of an earlier run.');
    expect(await dataSource.query(`SELECT id, reference FROM review ORDER BY reference`)).toEqual(
      before,
    );
    expect(await counts()).toEqual(
      expect.objectContaining({ snapshots: 50, themeBits: 50, searchVectors: findings }),
    );
    // The reset turned the immutability triggers back on.
    await expect(dataSource.query(`DELETE FROM corpus_finding`)).rejects.toThrow(
      /cannot be changed/,
    );
  });
});
