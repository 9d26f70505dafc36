import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { adminToken, createReview } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';
import { EXPENSIVE } from './expensive-operations';

const DUPLICATES =
  'query($id: ID!) { review(id: $id) { duplicateCandidates(first: 20) { score first { id } second { id } } } }';

describe('expensive operations of one caller', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  beforeAll(async () => {
    t = await startTestApp({ SCR_STATEMENT_TIMEOUT_MS: '3000' });
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'EXPENSIVE-1')).id;
  });
  afterAll(() => t.close());

  it('run a few at a time, so the caller cannot take every connection and cheap requests still run', async () => {
    const pool = (t.app.get(DataSource).driver as unknown as { master: Pool }).master;
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE timeline_event IN ACCESS EXCLUSIVE MODE');
    let pending: Promise<unknown>;
    try {
      pending = Promise.all(
        Array.from({ length: 8 }, () => t.gql(DUPLICATES, { id: reviewId }, token)),
      );
      await new Promise((r) => setTimeout(r, 500));
      const busy = pool.totalCount - pool.idleCount;
      expect(busy).toBeLessThanOrEqual(EXPENSIVE.perAccount);
      const started = Date.now();
      const me = await t.gql('{ me { id } }', {}, token);
      expect(me.errors).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    const answers = (await pending) as { errors?: unknown }[];
    expect(answers).toHaveLength(8);
  });
});
