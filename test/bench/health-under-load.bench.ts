import { buildSyntheticReview } from '../../server/src/testing/synthetic-review';
import { TestApp } from '../../server/src/testing/test-app';
import { graphql, LOGIN, startSignedInServer } from '../support/server-process';
import { median, report } from './bench-report';

const SHAPE = { events: 20_000, episodes: 40, factors: 150, findings: 12 };
const READERS = 4;
const CLIENTS = 20;
const LOAD_SECONDS = 20;
const HEALTH_EVERY_MS = 200;
const HEALTH_TARGET_MS = 1000;
const ADMIN = { email: 'bench@bench.local', password: 'benchmark password' };
const READER_PASSWORD = 'a long enough password';

/** The dearest reads a member who may only read can send: duplicate detection and a full page. */
const EXPENSIVE_QUERIES = [
  `query($id: ID!) { review(id: $id) { duplicateCandidates(first: 200) { score
     first { id title description agency { name } } second { id title description agency { name } } } } }`,
  `query($id: ID!) { review(id: $id) { events(first: 500) { totalCount edges { node {
     id occurredOn precision sortDate endDate timeOfDay title description source
     agency { id name } linkedEvents { id agency { name } } people { id pseudonym } } } } } }`,
];

describe('health under load', () => {
  it(`answers /health while ${CLIENTS} clients run the most expensive queries a reader can send`, async () => {
    const running = await startSignedInServer('scr-bench-load-', ADMIN);
    const { server, token } = running;
    try {
      const overHttp = {
        gql: (query: string, variables: Record<string, unknown>, tk: string) =>
          graphql(server.url, query, variables, tk),
      } as unknown as TestApp;
      const reviewId = await buildSyntheticReview(overHttp, token, 'LOAD-1', SHAPE);
      const readerTokens: string[] = [];
      for (let i = 0; i < READERS; i += 1) {
        const email = `reader${i}@bench.local`;
        const created = await graphql<{ createUser: { id: string } }>(
          server.url,
          'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
          { input: { email, password: READER_PASSWORD, role: 'REVIEWER' } },
          token,
        );
        if (!created.data) throw new Error(JSON.stringify(created.errors));
        const member = await graphql(
          server.url,
          'mutation($r: ID!, $u: ID!) { addMember(reviewId: $r, userId: $u, role: OBSERVER) { id } }',
          { r: reviewId, u: created.data.createUser.id },
          token,
        );
        if (member.errors) throw new Error(JSON.stringify(member.errors));
        const login = await graphql<{ login: { token: string } }>(server.url, LOGIN, {
          e: email,
          p: READER_PASSWORD,
        });
        if (!login.data) throw new Error(JSON.stringify(login.errors));
        readerTokens.push(login.data.login.token);
      }

      const until = Date.now() + LOAD_SECONDS * 1000;
      let answered = 0;
      let failed = 0;
      const client = async (i: number) => {
        for (let k = 0; Date.now() < until; k += 1) {
          const body = await graphql(
            server.url,
            EXPENSIVE_QUERIES[(i + k) % EXPENSIVE_QUERIES.length],
            { id: reviewId },
            readerTokens[i % READERS],
          ).catch(() => ({ errors: ['no answer'] }));
          if (body.errors) failed += 1;
          else answered += 1;
        }
      };
      const healthTimes: number[] = [];
      let unhealthy = 0;
      const prober = async () => {
        while (Date.now() < until) {
          const started = process.hrtime.bigint();
          const response = await fetch(`${server.url}/health`, {
            signal: AbortSignal.timeout(10_000),
          }).catch(() => null);
          healthTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
          if (response?.status !== 200) unhealthy += 1;
          await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS));
        }
      };
      await Promise.all([prober(), ...Array.from({ length: CLIENTS }, (_, i) => client(i))]);

      const slowest = Math.max(...healthTimes);
      report(
        `/health while ${CLIENTS} clients (${READERS} observer accounts) send duplicate detection and 500-event pages for ${LOAD_SECONDS} s, on ${SHAPE.events.toLocaleString('en-GB')} events (built server, production mode, 127.0.0.1)`,
        [
          {
            name: '/health, median',
            value: `${median(healthTimes).toFixed(1)} ms`,
            target: '',
            met: true,
          },
          {
            name: '/health, slowest',
            value: `${slowest.toFixed(1)} ms`,
            target: `<= ${HEALTH_TARGET_MS} ms`,
            met: slowest <= HEALTH_TARGET_MS,
          },
          {
            name: '/health answers not 200',
            value: `${unhealthy} of ${healthTimes.length}`,
            target: '0',
            met: unhealthy === 0,
          },
          {
            name: 'expensive queries answered / failed',
            value: `${answered} / ${failed}`,
            target: '',
            met: true,
          },
        ],
      );
    } finally {
      await running.close();
    }
  });
});
