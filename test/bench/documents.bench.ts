import { plainToInstance } from 'class-transformer';
import { AppConfig } from '../../server/src/config/app-config';
import { DocxRenderer } from '../../server/src/documents/render/docx-renderer';
import { PdfRenderer } from '../../server/src/documents/render/pdf-renderer';
import {
  practiceIssueDocument,
  practiceIssueSetDocument,
} from '../../server/src/documents/practice-issues/practice-issue-document';
import {
  samplePracticeIssue,
  samplePracticeIssueSet,
  samplePracticeSet,
} from '../../server/src/documents/practice-issues/sample-practice-issue';
import { sampleBriefing } from '../../server/src/documents/render/sample-document';
import demoReview from '../../server/src/setup/demo-review.bundle.json';
import { adminToken } from '../../server/src/testing/accounts';
import { startTestApp } from '../../server/src/testing/test-app';
import { median, report, timeRuns } from './bench-report';

const RUNS = 15;
const WARMUP = 3;

/** The whole set as one PDF takes seconds a run: fewer runs, still a median. */
const SET_RUNS = 5;
const SET_WARMUP = 1;

const ms = (value: number) => `${value.toFixed(0)} ms`;

describe('documents benchmark', () => {
  it('measures the Child M report as Word, a briefing and a seed-like practice issue as Word and PDF, and a set of 14 as one PDF', async () => {
    const t = await startTestApp();
    const docx = new DocxRenderer();
    const pdf = new PdfRenderer(
      plainToInstance(AppConfig, {
        CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      }),
    );
    try {
      const token = await adminToken(t);
      const imported = await t
        .http()
        .post('/api/reviews/bundle')
        .set('authorization', `Bearer ${token}`)
        .send(demoReview);
      const reviewId = imported.body.reviewId as string;

      // The whole request: access check, reading the review, building, rendering, the audit record.
      const report_ = await timeRuns(RUNS, WARMUP, async () => {
        const response = await t
          .http()
          .get(`/api/reviews/${reviewId}/report.docx`)
          .set('authorization', `Bearer ${token}`)
          .buffer(true)
          .parse((res, done) => {
            res.on('data', () => undefined);
            res.on('end', () => done(null, null));
          });
        if (response.status !== 200) throw new Error(`report.docx answered ${response.status}`);
      });
      const briefingDocx = await timeRuns(RUNS, WARMUP, () => docx.render(sampleBriefing()));
      // The browser is launched once, before the timed runs, as the server keeps it.
      const briefingPdf = await timeRuns(RUNS, WARMUP, () => pdf.render(sampleBriefing()));

      // A practice issue like the seed's issue 1, built by the routes' own builder each run.
      const issueDocument = () =>
        practiceIssueDocument(samplePracticeIssue(1), samplePracticeSet());
      const issueDocx = await timeRuns(RUNS, WARMUP, () => docx.render(issueDocument()));
      const issuePdf = await timeRuns(RUNS, WARMUP, () => pdf.render(issueDocument()));
      const setPdf = await timeRuns(SET_RUNS, SET_WARMUP, () =>
        pdf.render(practiceIssueSetDocument(samplePracticeIssueSet(14))),
      );

      report('Documents (median of 15 runs)', [
        {
          name: 'Child M review report, DOCX (whole request)',
          value: ms(median(report_)),
          target: '≤ 1000 ms',
          met: median(report_) <= 1000,
        },
        {
          name: 'One-page briefing, DOCX',
          value: ms(median(briefingDocx)),
          target: '≤ 300 ms',
          met: median(briefingDocx) <= 300,
        },
        {
          name: 'One-page briefing, PDF (browser running)',
          value: ms(median(briefingPdf)),
          target: '≤ 2000 ms',
          met: median(briefingPdf) <= 2000,
        },
      ]);
      report('Practice-issue briefings (median of 15 runs; the set of 14, of 5 runs)', [
        {
          name: 'Seed-like practice issue, DOCX (built and rendered)',
          value: ms(median(issueDocx)),
          target: '≤ 300 ms',
          met: median(issueDocx) <= 300,
        },
        {
          name: 'Seed-like practice issue, PDF (built and rendered, browser running)',
          value: ms(median(issuePdf)),
          target: '≤ 2000 ms',
          met: median(issuePdf) <= 2000,
        },
        {
          name: 'Whole set of 14 issues with contents, one PDF',
          value: ms(median(setPdf)),
          target: '≤ 10000 ms',
          met: median(setPdf) <= 10000,
        },
      ]);
    } finally {
      await pdf.onModuleDestroy();
      await t.close();
    }
  });
});
