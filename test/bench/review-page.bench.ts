import { Pool } from 'pg';
import { SqlStatementCounter } from '../../server/src/database/sql-statement-counter';
import { adminToken } from '../../server/src/testing/accounts';
import { REVIEW_PAGE_QUERY } from '../../server/src/testing/review-page.query';
import { buildSyntheticReview } from '../../server/src/testing/synthetic-review';
import { startTestApp, TestApp } from '../../server/src/testing/test-app';
import { embeddedPostgresUrl, graphql, startSignedInServer } from '../support/server-process';
import { median, report, timeRuns } from './bench-report';

const SHAPE = { events: 2000, episodes: 40, factors: 150, findings: 12 };
const RUNS = 40;
const WARMUP = 5;
const ADMIN = { email: 'bench@bench.local', password: 'benchmark password' };

/**
 * The same data as the review page query, fetched with hand-written SQL in the same dependency
 * order (what can run together does): the baseline that GraphQL, DataLoader and TypeORM are
 * measured against.
 */
async function reviewPageBySql(pool: Pool, userId: string, reviewId: string): Promise<number> {
  const q = (sql: string, params: unknown[]) => pool.query(sql, params).then((r) => r.rows);
  await q('SELECT * FROM user_account WHERE id = $1', [userId]);
  await q('SELECT * FROM review WHERE id = $1', [reviewId]);
  const [, , events, , episodes, findings] = await Promise.all([
    q('SELECT * FROM review_member WHERE review_id = $1', [reviewId]),
    q('SELECT * FROM theme ORDER BY kind, label', []),
    q(
      'SELECT *, count(*) OVER () AS total FROM timeline_event WHERE review_id = $1 ORDER BY sort_date, sequence LIMIT 201',
      [reviewId],
    ),
    q('SELECT * FROM agency WHERE review_id = $1 ORDER BY name', [reviewId]),
    q('SELECT * FROM practice_episode WHERE review_id = $1 ORDER BY ordinal', [reviewId]),
    q('SELECT * FROM finding WHERE review_id = $1 ORDER BY ordinal', [reviewId]),
  ]);
  const episodeIds = episodes.map((e) => e.id);
  const findingIds = findings.map((f) => f.id);
  await Promise.all([
    q(
      `SELECT ee.episode_id, e.* FROM episode_event ee JOIN timeline_event e ON e.id = ee.event_id WHERE ee.episode_id = ANY($1) ORDER BY e.sort_date, e.sequence`,
      [episodeIds],
    ),
    q('SELECT * FROM contributory_factor WHERE review_id = $1 ORDER BY level, created_at', [
      reviewId,
    ]),
    q(
      `SELECT fe.*, e.* FROM finding_evidence fe LEFT JOIN timeline_event e ON e.id = fe.event_id WHERE fe.finding_id = ANY($1) ORDER BY fe.finding_id, fe.position`,
      [findingIds],
    ),
    q('SELECT * FROM board_action WHERE finding_id = ANY($1) ORDER BY due_date, created_at', [
      findingIds,
    ]),
  ]);
  return events.length;
}

describe('review page benchmark', () => {
  it(`measures the review page on ${SHAPE.events} events, ${SHAPE.episodes} episodes, ${SHAPE.factors} factors, ${SHAPE.findings} findings`, async () => {
    // Statements are counted in-process, where the counter can see them; the same code runs below.
    const t = await startTestApp();
    const countToken = await adminToken(t);
    const countedReview = await buildSyntheticReview(t, countToken, 'COUNT', SHAPE);
    SqlStatementCounter.reset();
    const counted = await t.gql(REVIEW_PAGE_QUERY, { id: countedReview }, countToken);
    const statements = SqlStatementCounter.count;
    await t.close();
    if (counted.errors) throw new Error(JSON.stringify(counted.errors));

    // Time is measured against the built server, started as npm start starts it, in production mode.
    const running = await startSignedInServer('scr-bench-page-', ADMIN);
    const { server, token, dataDir } = running;
    try {
      const overHttp = {
        gql: (query: string, variables: Record<string, unknown>, tk: string) =>
          graphql(server.url, query, variables, tk),
      } as unknown as TestApp;
      const buildStart = Date.now();
      const reviewId = await buildSyntheticReview(overHttp, token, 'BENCH-1', SHAPE);
      const buildSeconds = (Date.now() - buildStart) / 1000;
      const direct = new Pool({ connectionString: embeddedPostgresUrl(dataDir), max: 10 });
      const userId = (
        await direct.query(`SELECT id FROM user_account WHERE email = $1`, [ADMIN.email])
      ).rows[0].id;

      const viaGraphql = async () => {
        const body = await graphql<{ review: { events: { edges: unknown[] } } }>(
          server.url,
          REVIEW_PAGE_QUERY,
          { id: reviewId },
          token,
        );
        if (!body.data || body.errors)
          throw new Error(`review page failed: ${JSON.stringify(body.errors)}`);
        return body.data.review.events.edges.length;
      };

      // Interleave the two so that noise on this machine falls on both alike.
      const graphqlTimes: number[] = [];
      const sqlTimes: number[] = [];
      for (let round = 0; round < 4; round += 1) {
        graphqlTimes.push(...(await timeRuns(RUNS / 4, round === 0 ? WARMUP : 1, viaGraphql)));
        sqlTimes.push(
          ...(await timeRuns(RUNS / 4, round === 0 ? WARMUP : 1, () =>
            reviewPageBySql(direct, userId, reviewId),
          )),
        );
      }
      await direct.end();
      const graphqlMedian = median(graphqlTimes);
      const sqlMedian = median(sqlTimes);
      const ratio = graphqlMedian / sqlMedian;

      report(
        `Review page: GraphQL over HTTP to the built server (production mode) vs the same data by hand-written SQL, ${RUNS} runs each; data built in ${buildSeconds.toFixed(1)} s`,
        [
          {
            name: 'GraphQL review page, median',
            value: `${graphqlMedian.toFixed(1)} ms`,
            target: '',
            met: true,
          },
          {
            name: 'hand-written SQL, median',
            value: `${sqlMedian.toFixed(1)} ms`,
            target: '',
            met: true,
          },
          { name: 'ratio GraphQL / SQL', value: ratio.toFixed(2), target: '<= 2', met: ratio <= 2 },
          {
            name: 'SQL statements per request',
            value: String(statements),
            target: '<= 12',
            met: statements <= 12,
          },
        ],
      );
    } finally {
      await running.close();
    }
  });
});
