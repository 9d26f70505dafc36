import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { adminToken, createReview } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';
import { POOL_SIZE } from './data-source-options';

const TIMEOUT_MS = 500;
const EVENTS = 'query($id: ID!) { review(id: $id) { id events(first: 10) { totalCount } } }';

describe('the statement timeout of requests', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  beforeAll(async () => {
    t = await startTestApp({ SCR_STATEMENT_TIMEOUT_MS: String(TIMEOUT_MS) });
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'TIMEOUT-1')).id;
  });
  afterAll(() => t.close());

  const within = <T>(ms: number, work: Promise<T>) =>
    Promise.race([
      work,
      new Promise<never>((_, fail) =>
        setTimeout(() => fail(new Error(`no answer within ${ms} ms`)), ms),
      ),
    ]);

  it('answers an error when a query runs past it, and every connection goes back to the pool', async () => {
    // Another session holds the events table, so reading it waits: a query that would run for ever.
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE timeline_event IN ACCESS EXCLUSIVE MODE');
    try {
      // More at once than the pool holds: each must give its connection back for the next to run.
      const answers = await within(
        10_000,
        Promise.all(
          Array.from({ length: POOL_SIZE + 5 }, () => t.gql(EVENTS, { id: reviewId }, token)),
        ),
      );
      for (const answer of answers) {
        expect(answer.errors?.[0]?.message).toMatch(/statement timeout/);
      }
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    const pool = (t.app.get(DataSource).driver as unknown as { master: Pool }).master;
    expect(pool.waitingCount).toBe(0);
    expect(pool.idleCount).toBe(pool.totalCount);
    const after = await within(2_000, t.gql(EVENTS, { id: reviewId }, token));
    expect(after.errors).toBeUndefined();
  });

  it('bounds every connection of the pool, the one the migrations ran on unbounded included', async () => {
    const dataSource = t.app.get(DataSource);
    const bounds = await Promise.all(
      Array.from({ length: POOL_SIZE }, () => dataSource.query('SHOW statement_timeout')),
    );
    for (const [{ statement_timeout: bound }] of bounds) expect(bound).toBe(`${TIMEOUT_MS}ms`);
  });
});
