import { Readable } from 'node:stream';
import { extractText } from '../../server/src/reports/extraction/extract-text';
import { adminToken } from '../../server/src/testing/accounts';
import { pdfPages } from '../../server/src/testing/documents';
import { finishedBatch, textPdf, uploadReports } from '../../server/src/testing/report-files';
import { startTestApp } from '../../server/src/testing/test-app';
import { median, report, timeRuns } from './bench-report';

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
});
