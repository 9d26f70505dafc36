import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { splitPrefixes } from '../../server/src/corpus/corpus.service';
import { extractText } from '../../server/src/reports/extraction/extract-text';
import { ReportsRepository } from '../../server/src/reports/reports.repository';
import { adminToken, ok } from '../../server/src/testing/accounts';
import { pdfPages } from '../../server/src/testing/documents';
import { finishedBatch, textPdf, uploadReports } from '../../server/src/testing/report-files';
import { startTestApp } from '../../server/src/testing/test-app';
import { Figure, median, report, timeRuns } from './bench-report';

const RUNS = 5;
const WARMUP = 1;
const PAGES = 80;

/** An 80-page report of plain text, about 40 lines a page, as a generated PDF. */
function eightyPageReport(variant: number): Buffer {
  return textPdf(
    Array.from({ length: PAGES }, (_, page) =>
      Array.from(
        { length: 40 },
        (_, line) =>
          `Report ${variant}, page ${page + 1}, line ${line + 1}: the agencies shared what they knew of the family.`,
      ),
    ),
  );
}

const REPORTS = 1500;
const PAGES_PER_REPORT = 60;
const SEARCH_RUNS = 15;
/** Words of report prose the generated pages are drawn from. */
const VOCABULARY = (
  'the of and to a in was that for on with as by at from were had her his she he they it this ' +
  'child mother father family school health visitor social worker police agencies agency referral ' +
  'assessment plan meeting conference concern concerns safeguarding practitioners ' +
  'supervision supervisor supervised information sharing home visit visits injury bruising hospital ' +
  'GP nursery housing domestic abuse violence substance misuse mental review panel learning ' +
  'recommendation partnership threshold section enquiry early help case records ' +
  'professional curiosity voice lived experience disguised compliance missing education exploitation'
).split(' ');

const perSecond = (ms: number) => (PAGES / (ms / 1000)).toFixed(0);

describe('report library benchmark', () => {
  it('measures reading an 80-page PDF, beside pdf.js alone, and the whole upload', async () => {
    const pdf = eightyPageReport(0);
    // Both run pdf.js in a Node process of their own: the ratio is what the extractor adds.
    const ours = await timeRuns(RUNS, WARMUP, async () => {
      const result = await extractText('pdf', Readable.from([pdf]));
      if (!result.ok || result.pages.length !== PAGES) throw new Error('extraction failed');
    });
    const pdfjs = await timeRuns(RUNS, WARMUP, async () => {
      if ((await pdfPages(pdf)).length !== PAGES) throw new Error('pdf.js failed');
    });

    const t = await startTestApp();
    let variant = 1;
    try {
      const token = await adminToken(t);
      const endToEnd = await timeRuns(RUNS, WARMUP, async () => {
        const upload = await uploadReports(t, token, [
          { name: 'report.pdf', data: eightyPageReport(variant++) },
        ]);
        const batch = await finishedBatch(t, token, upload.body.batchId!);
        if (batch.files[0].state !== 'DONE') throw new Error(JSON.stringify(batch));
      });

      const ratio = median(ours) / median(pdfjs);
      report(`Report library, ${PAGES}-page text PDF (median of ${RUNS} runs)`, [
        {
          name: 'Extraction (pages per second)',
          value: `${perSecond(median(ours))} pages/s (${median(ours).toFixed(0)} ms)`,
          target: '≥ 40 pages/s',
          met: PAGES / (median(ours) / 1000) >= 40,
        },
        {
          name: 'pdf.js alone on the same file',
          value: `${perSecond(median(pdfjs))} pages/s (${median(pdfjs).toFixed(0)} ms)`,
          target: '(reference)',
          met: true,
        },
        {
          name: 'Extraction ÷ pdf.js alone (time)',
          value: `${ratio.toFixed(2)}×`,
          target: '≤ 1.5×',
          met: ratio <= 1.5,
        },
        {
          name: 'Upload to report stored, end to end',
          value: `${perSecond(median(endToEnd))} pages/s (${median(endToEnd).toFixed(0)} ms)`,
          target: '≥ 20 pages/s',
          met: PAGES / (median(endToEnd) / 1000) >= 20,
        },
      ]);
    } finally {
      await t.close();
    }
  });

  it('measures page search over 1,500 reports of 60 pages, beside its SQL alone', async () => {
    const t = await startTestApp();
    try {
      const db = t.app.get(DataSource);
      // Rows written straight into the tables (no PDFs): 1,500 reports × 60 pages of about 250
      // words each, drawn from a vocabulary of report prose (each of its words on nearly every
      // page); "escalation" on one page in 40, "strategy discussion" on one in 25 (and the two
      // words apart on one in 50), "neglect" on a third.
      const loading = Date.now();
      await db.query(`
        INSERT INTO report_file (sha256, media_type, byte_size, chunk_count)
        SELECT encode(sha256(('bench-' || i)::bytea), 'hex'), 'application/pdf', 1000, 1
          FROM generate_series(1, ${REPORTS}) i`);
      await db.query(`
        INSERT INTO report (title, partnership, published_on, review_type, methodology, file_sha256,
                            file_name, media_type, byte_size, page_count, text_layer)
        SELECT 'Child ' || i, 'Partnership ' || (i % 40), make_date(2014 + i % 10, 1 + i % 12, 1),
               CASE WHEN i % 3 = 0 THEN 'Serious Case Review' ELSE 'Child Safeguarding Practice Review' END,
               CASE WHEN i % 4 = 0 THEN 'SCIE Learning Together' ELSE 'Systems' END,
               encode(sha256(('bench-' || i)::bytea), 'hex'), 'child-' || i || '.pdf',
               'application/pdf', 1000, ${PAGES_PER_REPORT}, 'HAS_TEXT'
          FROM generate_series(1, ${REPORTS}) i`);
      // Writing the pages takes longer than the server's statement timeout allows a request.
      const runner = db.createQueryRunner();
      await runner.query(`SET statement_timeout = 0`);
      await runner.query(
        `WITH vocabulary AS (SELECT $1::text[] AS words, cardinality($1::text[]) AS n)
         INSERT INTO report_page (report_id, page_number, text)
         SELECT r.id, p.n,
                (SELECT string_agg(v.words[1 + ((hashtext(r.id::text) # (p.n * 7919 + w * 104729)) & 2147483647) % v.n], ' ')
                   FROM generate_series(1, 250) w)
                || CASE WHEN (hashtext(r.id::text) + p.n) % 40 = 0 THEN ' The escalation policy was not used.' ELSE '' END
                || CASE WHEN (hashtext(r.id::text) + p.n) % 25 = 0 THEN ' A strategy discussion was held late.' ELSE '' END
                || CASE WHEN (hashtext(r.id::text) + p.n) % 3 = 0 THEN ' Neglect was seen again.' ELSE '' END
                || CASE WHEN (hashtext(r.id::text) + p.n) % 50 = 0 THEN ' The discussion of strategy came later.' ELSE '' END
           FROM report r, vocabulary v, generate_series(1, ${PAGES_PER_REPORT}) AS p(n)`,
        [VOCABULARY],
      );
      await runner.release();
      await db.query(`ANALYZE report; ANALYZE report_page`);
      const [{ pages }] = await db.query(`SELECT count(*)::int AS pages FROM report_page`);
      if (pages !== REPORTS * PAGES_PER_REPORT) throw new Error(`${pages} pages written`);
      const loadSeconds = (Date.now() - loading) / 1000;

      const token = await adminToken(t);
      const repository = t.app.get(ReportsRepository);
      const figures: Figure[] = [
        {
          name: `Loading ${REPORTS} × ${PAGES_PER_REPORT} pages in SQL`,
          value: `${loadSeconds.toFixed(1)} s`,
          target: '(set-up)',
          met: true,
        },
      ];
      for (const [name, query, filter] of [
        ['a rare word', 'escalation', null],
        ['a phrase', '"strategy discussion"', null],
        ['a common word (a third of the pages)', 'neglect', null],
        ['a word on every page', 'family', null],
        [
          'a prefix, filtered by year and methodology',
          'superv*',
          { year: 2020, methodology: 'Systems' },
        ],
      ] as const) {
        const viaGraphql = () =>
          ok<{ searchReports: { page: number }[] }>(
            t,
            `query($q: String!, $filter: ReportFilter) {
               searchReports(query: $q, filter: $filter, first: 20) { page snippet rank report { id title } }
             }`,
            { q: query, filter },
            token,
          );
        const { words, prefixes } = splitPrefixes(query);
        const viaSql = () => repository.search(words, prefixes, filter ?? {}, 20);
        const hits = (await viaGraphql()).searchReports.length;
        if (hits === 0) throw new Error(`searching ${name} found nothing`);
        const graphqlTimes = await timeRuns(SEARCH_RUNS, WARMUP, viaGraphql);
        const sqlTimes = await timeRuns(SEARCH_RUNS, WARMUP, viaSql);
        figures.push(
          {
            name: `Search, ${name}: GraphQL (median)`,
            value: `${median(graphqlTimes).toFixed(0)} ms`,
            target: '≤ 200 ms',
            met: median(graphqlTimes) <= 200,
          },
          {
            name: `Search, ${name}: its SQL alone (median)`,
            value: `${median(sqlTimes).toFixed(0)} ms`,
            target: '(reference)',
            met: true,
          },
        );
      }
      report(
        `Report library search, ${REPORTS} reports × ${PAGES_PER_REPORT} pages (median of ${SEARCH_RUNS} runs)`,
        figures,
      );
    } finally {
      await t.close();
    }
  });
});
