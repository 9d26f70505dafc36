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

  it('refuse at once with a 429 those beyond the few of a caller that may wait, instead of letting them time out', async () => {
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE timeline_event IN ACCESS EXCLUSIVE MODE');
    const extra = 2;
    let pending: Promise<{ status: number; ms: number; body: { errors?: unknown[] } }[]>;
    try {
      const started = Date.now();
      pending = Promise.all(
        Array.from({ length: EXPENSIVE.perAccount + EXPENSIVE.waitingPerAccount + extra }, () =>
          t
            .http()
            .post('/graphql')
            .set('content-type', 'application/json')
            .set('authorization', `Bearer ${token}`)
            .send({ query: DUPLICATES, variables: { id: reviewId } })
            .then((response) => ({
              status: response.status,
              ms: Date.now() - started,
              body: response.body,
            })),
        ),
      );
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    const answers = await pending;
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(extra);
    for (const answer of refused) {
      expect(answer.ms).toBeLessThan(1000);
      expect(answer.body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/Too many expensive requests from this account/),
        extensions: { code: 'TOO_MANY_REQUESTS' },
      });
    }
    expect(answers.filter((a) => a.status === 200)).toHaveLength(answers.length - extra);
  });
});
