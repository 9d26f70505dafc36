import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EXPENSIVE } from '../../server/src/graphql/expensive-operations';
import { buildSyntheticReview } from '../../server/src/testing/synthetic-review';
import { TestApp } from '../../server/src/testing/test-app';
import { graphql, LOGIN, startSignedInServer, tempDir } from '../support/server-process';
import { median, report } from './bench-report';

const SHAPE = { events: 20_000, episodes: 40, factors: 150, findings: 12 };
const READERS = 4;
const CLIENTS = 20;
const LOAD_SECONDS = 20;
const HEALTH_EVERY_MS = 200;
const HEALTH_TARGET_MS = 1000;
/** A refused expensive query is told so within its longest wait for a place, and a second. */
const REFUSAL_TARGET_MS = EXPENSIVE.maxWaitMs + 1000;
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

/** Asks for /health every `every` ms until `until`, and posts back when and how long each took. */
const PROBER = `
  const { parentPort, workerData } = require('node:worker_threads');
  (async () => {
    const at = [];
    const times = [];
    const db = [];
    let unhealthy = 0;
    while (Date.now() < workerData.until) {
      at.push(Date.now());
      const started = process.hrtime.bigint();
      const response = await fetch(workerData.url, { signal: AbortSignal.timeout(10000) }).catch(
        () => null,
      );
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (!response || response.status !== 200) unhealthy += 1;
      const timing = /db;dur=([\\d.]+)/.exec(response?.headers.get('server-timing') ?? '');
      db.push(timing ? Number(timing[1]) : NaN);
      await response?.arrayBuffer().catch(() => null);
      await new Promise((r) => setTimeout(r, workerData.every));
    }
    parentPort.postMessage({ at, times, db, unhealthy });
  })();
`;

describe('health under load', () => {
  it(`answers /health while ${CLIENTS} clients run the most expensive queries a reader can send`, async () => {
    // The server reports how late its event loop ran (test/support/event-loop-probe.cjs), so a
    // slow /health can be told apart: a blocked loop, or a wait elsewhere. SCR_BENCH_CPU_PROFILE
    // names a file for a CPU profile of the server under load, to see what held the loop, and
    // SCR_BENCH_NODE_OPTIONS adds node options to try.
    const loopFile = join(tempDir('scr-bench-loop-'), 'event-loop.json');
    const profile = process.env.SCR_BENCH_CPU_PROFILE;
    const running = await startSignedInServer('scr-bench-load-', ADMIN, {
      NODE_OPTIONS: `--require ${join(__dirname, '..', 'support', 'event-loop-probe.cjs')} ${process.env.SCR_BENCH_NODE_OPTIONS ?? ''}`,
      SCR_EVENT_LOOP_FILE: loopFile,
      ...(profile ? { SCR_CPU_PROFILE_FILE: profile } : {}),
    });
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
      const failures = new Map<string, number>();
      const answerTimes: number[] = [];
      const refusalTimes: number[] = [];
      const client = async (i: number) => {
        for (let k = 0; Date.now() < until; k += 1) {
          const started = process.hrtime.bigint();
          const body = await graphql(
            server.url,
            EXPENSIVE_QUERIES[(i + k) % EXPENSIVE_QUERIES.length],
            { id: reviewId },
            readerTokens[i % READERS],
          ).catch(() => ({
            errors: [{ message: 'no answer', extensions: { code: 'NO_ANSWER' } }],
          }));
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if (body.errors) {
            const code = String(body.errors[0]?.extensions?.code ?? body.errors[0]?.message);
            failures.set(code, (failures.get(code) ?? 0) + 1);
            refusalTimes.push(ms);
          } else {
            answered += 1;
            answerTimes.push(ms);
          }
        }
      };
      process.kill(server.child.pid!, 'SIGUSR2');
      // /health is asked from a thread of its own: the clients' large answers are parsed on
      // this one, and would otherwise delay the clock that times /health.
      const prober = new Worker(PROBER, {
        eval: true,
        workerData: { url: `${server.url}/health`, until, every: HEALTH_EVERY_MS },
      });
      const probed = new Promise<{
        at: number[];
        times: number[];
        db: number[];
        unhealthy: number;
      }>((resolve, reject) => {
        prober.once('message', resolve);
        prober.once('error', reject);
      });
      await Promise.all([probed, ...Array.from({ length: CLIENTS }, (_, i) => client(i))]);
      const { at: healthAt, times: healthTimes, db: healthDb, unhealthy } = await probed;
      await prober.terminate();

      if (profile) process.kill(server.child.pid!, 'SIGUSR2');
      await new Promise((r) => setTimeout(r, 1000));
      const loop = JSON.parse(readFileSync(loopFile, 'utf8')) as {
        maxMs: number;
        p99Ms: number;
        stalls: { at: number; lateMs: number }[];
      };
      const slowest = Math.max(...healthTimes);
      const slowestAt = healthAt[healthTimes.indexOf(slowest)];
      // Did the slowest /health wait on a stalled loop? The stalls that overlap it.
      const overlapping = loop.stalls.filter(
        (stall) => stall.at + stall.lateMs >= slowestAt && stall.at <= slowestAt + slowest,
      );
      const failed = [...failures.values()].reduce((a, b) => a + b, 0);
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
            name: '/health database part, median / at slowest',
            value: `${median(healthDb).toFixed(1)} / ${healthDb[healthTimes.indexOf(slowest)].toFixed(1)} ms`,
            target: '',
            met: true,
          },
          {
            name: '/health answers not 200',
            value: `${unhealthy} of ${healthTimes.length}`,
            target: '0',
            met: unhealthy === 0,
          },
          {
            name: 'expensive queries answered / refused',
            value: `${answered} / ${failed}`,
            target: '',
            met: true,
          },
          {
            name: 'refusals by code',
            value: [...failures].map(([code, n]) => `${code} ${n}`).join(', ') || 'none',
            target: '',
            met: true,
          },
          {
            name: 'expensive queries failed otherwise (timed out, errors)',
            value: String(failed - (failures.get('TOO_MANY_REQUESTS') ?? 0)),
            target: '0',
            met: failed === (failures.get('TOO_MANY_REQUESTS') ?? 0),
          },
          {
            name: 'expensive query answered, median / slowest',
            value: answerTimes.length
              ? `${median(answerTimes).toFixed(0)} / ${Math.max(...answerTimes).toFixed(0)} ms`
              : '-',
            target: '',
            met: true,
          },
          {
            name: 'expensive query refused, slowest',
            value: refusalTimes.length ? `${Math.max(...refusalTimes).toFixed(0)} ms` : '-',
            target: `<= ${REFUSAL_TARGET_MS} ms`,
            met: refusalTimes.every((ms) => ms <= REFUSAL_TARGET_MS),
          },
          {
            name: 'server event loop late, p99 / most',
            value: `${loop.p99Ms.toFixed(0)} / ${loop.maxMs.toFixed(0)} ms`,
            target: '',
            met: true,
          },
          {
            name: 'stalls over 100 ms / during slowest /health',
            value: `${loop.stalls.length} / ${overlapping.map((s) => `${s.lateMs} ms`).join(' + ') || 'none'}`,
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
