import { Client } from 'pg';
import { adminToken, createReview, ok } from '../../server/src/testing/accounts';
import { EVERY_PAIR_SQL } from '../../server/src/testing/every-pair-duplicates';
import { startTestApp } from '../../server/src/testing/test-app';
import { median, report, timeRuns } from './bench-report';

const EVENTS = 200_000;
const BATCH = 10_000;
const ADDED = 1000;
const RUNS = 20;
const WARMUP = 3;
const FIRST_PAGE_TARGET_MS = 500;
const WRITE_TARGET_MS_PER_EVENT = 5;
const AGENCIES = 6;
const BASELINE_LIMIT_MS = 300_000;

/** The synthetic review's shape (buildSyntheticReview): two years, one record in ten dated to its month. */
const INSERT_EVENTS = `
  INSERT INTO timeline_event (review_id, occurred_on, precision, sort_date, end_date, agency_id, title, description, source)
  SELECT $1, to_char(d, CASE WHEN i % 10 = 0 THEN 'YYYY-MM' ELSE 'YYYY-MM-DD' END),
         (CASE WHEN i % 10 = 0 THEN 'MONTH' ELSE 'DAY' END)::date_precision,
         CASE WHEN i % 10 = 0 THEN date_trunc('month', d)::date ELSE d END,
         CASE WHEN i % 10 = 0 THEN (date_trunc('month', d) + interval '1 month - 1 day')::date ELSE d END,
         ($2::uuid[])[1 + i % ${AGENCIES}], 'Event ' || (i + 1) || ': contact recorded',
         'Synthetic chronology entry.', 'Agency chronology'
  FROM generate_series($3::int, $4::int - 1) i,
       LATERAL (SELECT ('2021-09-01'::date + i * 730 / ${EVENTS})::date AS d) day`;

const PAGE = `query($id: ID!, $first: Int) { review(id: $id) { duplicateCandidates(first: $first) {
  score first { id title agency { name } } second { id title agency { name } } } } }`;

describe('duplicate detection benchmark', () => {
  it(`measures the first page of duplicate proposals on ${EVENTS.toLocaleString('en-GB')} events`, async () => {
    const t = await startTestApp();
    const db = new Client({ connectionString: t.databaseUrl });
    try {
      const token = await adminToken(t);
      const reviewId = (await createReview(t, token, 'DUPLICATES-BENCH')).id;
      const agencyIds: string[] = [];
      for (let i = 0; i < AGENCIES; i += 1) {
        const data = await ok<{ addAgency: { id: string } }>(
          t,
          'mutation($r: ID!, $i: AgencyInput!) { addAgency(reviewId: $r, input: $i) { id } }',
          { r: reviewId, i: { name: `Agency ${i + 1}`, sector: 'OTHER' } },
          token,
        );
        agencyIds.push(data.addAgency.id);
      }
      await db.connect();

      // Written in batches, as imports write them; each batch finds its own pairs as it is written.
      const batchMs: number[] = [];
      for (let start = 0; start < EVENTS; start += BATCH) {
        const begun = process.hrtime.bigint();
        await db.query(INSERT_EVENTS, [reviewId, agencyIds, start, start + BATCH]);
        batchMs.push(Number(process.hrtime.bigint() - begun) / 1e6);
      }
      await db.query('ANALYZE timeline_event; ANALYZE duplicate_candidate');
      const pairsKept = Number(
        (
          await db.query('SELECT count(*) FROM duplicate_candidate WHERE review_id = $1', [
            reviewId,
          ])
        ).rows[0].count,
      );
      const lastBatchesMsPerEvent = median(batchMs.slice(-5)) / BATCH;

      const page = (first: number) => async () => {
        const body = await t.gql<{ review: { duplicateCandidates: unknown[] } }>(
          PAGE,
          { id: reviewId, first },
          token,
        );
        if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
        if (body.data.review.duplicateCandidates.length !== first)
          throw new Error(`expected ${first} pairs`);
      };
      const first20 = median(await timeRuns(RUNS, WARMUP, page(20)));
      const first200 = median(await timeRuns(RUNS, WARMUP, page(200)));

      // An import of a thousand more records into the full review, through the API.
      const addMs = await timeRuns(3, 0, async () => {
        const events = Array.from({ length: ADDED }, (_, k) => ({
          occurredOn: `2022-0${1 + (k % 9)}-${String(1 + (k % 28)).padStart(2, '0')}`,
          precision: 'DAY',
          agencyId: agencyIds[k % AGENCIES],
          title: `Added contact ${k + 1}: home visit`,
        }));
        await ok(
          t,
          'mutation($r: ID!, $e: [TimelineEventInput!]!) { addTimelineEvents(reviewId: $r, events: $e) { id } }',
          { r: reviewId, e: events },
          token,
        );
      });

      // The old way, once: every pair compared when asked (given up after BASELINE_LIMIT_MS,
      // and then reported as longer than that).
      await db.query(`SET statement_timeout = ${BASELINE_LIMIT_MS}`);
      const baselineStart = process.hrtime.bigint();
      const baselineFinished = await db.query(EVERY_PAIR_SQL, [reviewId, 200]).then(
        () => true,
        (error: { code?: string }) => {
          if (error.code === '57014') return false;
          throw error;
        },
      );
      const baselineMs = Number(process.hrtime.bigint() - baselineStart) / 1e6;

      report(
        `Duplicate proposals on ${EVENTS.toLocaleString('en-GB')} events from ${AGENCIES} agencies over two years, one in ten dated to its month, all in alike words (in-process server, ${RUNS} runs); ${pairsKept.toLocaleString('en-GB')} pairs kept`,
        [
          {
            name: 'first page of 20 (GraphQL), median',
            value: `${first20.toFixed(1)} ms`,
            target: `<= ${FIRST_PAGE_TARGET_MS} ms`,
            met: first20 <= FIRST_PAGE_TARGET_MS,
          },
          {
            name: 'first page of 200 (GraphQL), median',
            value: `${first200.toFixed(1)} ms`,
            target: `<= ${FIRST_PAGE_TARGET_MS} ms`,
            met: first200 <= FIRST_PAGE_TARGET_MS,
          },
          {
            name: 'every pair compared at request (old SQL, 200)',
            value: `${baselineFinished ? '' : '> '}${baselineMs.toFixed(0)} ms`,
            target: '',
            met: true,
          },
          {
            name: 'ratio first page of 200 / old SQL',
            value: `${baselineFinished ? '' : '< '}${(first200 / baselineMs).toFixed(5)}`,
            target: '',
            met: true,
          },
          {
            name: `writing events, last ${5 * BATCH} (per event)`,
            value: `${lastBatchesMsPerEvent.toFixed(2)} ms`,
            target: `<= ${WRITE_TARGET_MS_PER_EVENT} ms`,
            met: lastBatchesMsPerEvent <= WRITE_TARGET_MS_PER_EVENT,
          },
          {
            name: `writing all ${EVENTS.toLocaleString('en-GB')} events`,
            value: `${(batchMs.reduce((a, b) => a + b, 0) / 1000).toFixed(0)} s`,
            target: '',
            met: true,
          },
          {
            name: `addTimelineEvents of ${ADDED} into the full review, median`,
            value: `${median(addMs).toFixed(0)} ms`,
            target: '<= 15000 ms',
            met: median(addMs) <= 15_000,
          },
        ],
      );
    } finally {
      await db.end();
      await t.close();
    }
  }, 3_600_000);
});
