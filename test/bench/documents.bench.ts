import { plainToInstance } from 'class-transformer';
import { AppConfig } from '../../server/src/config/app-config';
import { DocxRenderer } from '../../server/src/documents/render/docx-renderer';
import { PdfRenderer } from '../../server/src/documents/render/pdf-renderer';
import { sampleBriefing } from '../../server/src/documents/render/sample-document';
import demoReview from '../../server/src/setup/demo-review.bundle.json';
import { adminToken } from '../../server/src/testing/accounts';
import { startTestApp } from '../../server/src/testing/test-app';
import { median, report, timeRuns } from './bench-report';

const RUNS = 15;
const WARMUP = 3;

const ms = (value: number) => `${value.toFixed(0)} ms`;

describe('documents benchmark', () => {
  it('measures the Child M report as Word, and a one-page briefing as Word and PDF', async () => {
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
    } finally {
      await pdf.onModuleDestroy();
      await t.close();
    }
  });
});
