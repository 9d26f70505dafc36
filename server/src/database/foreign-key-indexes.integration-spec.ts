import { Client } from 'pg';
import { REVIEW_SEARCH_TEXT } from '../reviews/reviews.repository';
import { createTestDatabase, dropTestDatabase } from '../testing/test-database';

/**
 * Foreign keys that deliberately have no index of their own: the referenced rows are never
 * deleted or re-keyed while the referencing table is large, and no loader looks rows up by them.
 * Say why when adding one.
 */
const UNINDEXED_ON_PURPOSE: string[] = [];

/** Every foreign key column list that no index starts with, as "table(column, …)". */
const UNINDEXED_FOREIGN_KEYS = `
  SELECT c.conrelid::regclass::text || '(' ||
         string_agg(a.attname, ', ' ORDER BY k.ordinality) || ')' AS key
  FROM pg_constraint c
  JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality) ON true
  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
  WHERE c.contype = 'f'
    AND c.connamespace = 'public'::regnamespace
    AND NOT EXISTS (
      SELECT 1 FROM pg_index i
      WHERE i.indrelid = c.conrelid
        AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
        AND cardinality(c.conkey) <= i.indnkeyatts
        AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey
    )
  GROUP BY c.conrelid, c.conname
  ORDER BY 1`;

describe('indexes on foreign keys', () => {
  let url: string;
  let client: Client;
  beforeAll(async () => {
    url = await createTestDatabase();
    client = new Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await dropTestDatabase(url);
  });

  it('has an index leading with the columns of every foreign key, so cascades and loaders do not scan', async () => {
    const { rows } = await client.query<{ key: string }>(UNINDEXED_FOREIGN_KEYS);
    expect(rows.map((row) => row.key).filter((key) => !UNINDEXED_ON_PURPOSE.includes(key))).toEqual(
      [],
    );
  });
});

describe('the reviews search', () => {
  let url: string;
  let client: Client;
  beforeAll(async () => {
    url = await createTestDatabase();
    client = new Client({ connectionString: url });
    await client.connect();
    await client.query(
      `INSERT INTO review (reference, title, partnership, type)
       SELECT 'REF-' || i, 'Child ' || md5(i::text), 'Partnership ' || (i % 40), 'RAPID_REVIEW'
       FROM generate_series(1, 5000) AS i`,
    );
    await client.query('ANALYZE review');
  });
  afterAll(async () => {
    await client.end();
    await dropTestDatabase(url);
  });

  it('finds reviews by part of a word through the trigram index', async () => {
    // On a few thousand reviews reading them all is as quick as the index, and the planner may
    // rightly choose to; what is checked here is that the search's expression matches the index.
    await client.query('SET enable_seqscan = off');
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT review.id FROM review WHERE ${REVIEW_SEARCH_TEXT} ILIKE $1`,
      ['%c4ca4238a0%'],
    );
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toContain('ix_review_search');
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
