import { plainToInstance } from 'class-transformer';
import type { Browser } from 'playwright-core';
import { AppError } from '../../common/app-error';
import { AppConfig } from '../../config/app-config';
import { pdfPages } from '../../testing/documents';
import {
  practiceIssueDocument,
  practiceIssueSetDocument,
} from '../practice-issues/practice-issue-document';
import {
  samplePracticeIssue,
  samplePracticeIssueSet,
  samplePracticeSet,
} from '../practice-issues/sample-practice-issue';
import { PrintedDocument } from './document-model';
import { PdfRenderer } from './pdf-renderer';
import { sampleBriefing } from './sample-document';

const LONG_PARAGRAPH = Array.from(
  { length: 60 },
  (_, i) =>
    `Sentence ${i + 1} of a very long appraisal that must wrap across the line and onto further pages.`,
).join(' ');

describe('PdfRenderer', () => {
  const renderer = new PdfRenderer(plainToInstance(AppConfig, {}));
  afterAll(() => renderer.onModuleDestroy());

  it('prints the briefing on A4 with its sections and page numbers', async () => {
    const pdf = await renderer.render(sampleBriefing());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(pdf);
    const text = pages.join('\n');
    for (const expected of [
      'Practice issues from case reviews',
      'Disagreement about use of early help assessment',
      'About this briefing',
      'What is the issue?',
      'Why does this occur?',
      'Health visitor',
      'Questions for you to consider',
      'Based on analysis of 38 reviews',
    ]) {
      // The kicker is set in capitals by the style sheet.
      expect(text.toLowerCase()).toContain(expected.toLowerCase());
    }
    // Numbered once, in the footer.
    expect(pages[0].match(/Page\s*1\s*of\s*\d/g)).toHaveLength(1);
    // A4 is 595 × 842 points; fonts are embedded.
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/MediaBox\s*\[\s*0 0 59[56]\.\d+ 84[12]\.\d+\s*\]/);
    expect(raw).toMatch(/\/FontFile2/);
  });

  it('wraps and paginates very long text over several pages, numbering each', async () => {
    // Thirty sections of long text and no page breaks: the text itself fills the pages.
    const doc: PrintedDocument = {
      fileName: 'long',
      title: 'A long report',
      blocks: Array.from({ length: 30 }, (_, i) => [
        { kind: 'heading' as const, level: 1 as const, text: `Section ${i + 1}` },
        { kind: 'paragraph' as const, runs: [LONG_PARAGRAPH] },
      ]).flat(),
    };
    const pages = await pdfPages(await renderer.render(doc));
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(pages.join('\n')).toContain('Section 30');
    expect(pages[pages.length - 1]).toContain(`Page ${pages.length} of ${pages.length}`);
    // An unbroken word longer than the line wraps too, rather than running off the page.
    const unbroken = await pdfPages(
      await renderer.render({
        fileName: 'w',
        title: 'w',
        blocks: [{ kind: 'paragraph', runs: ['x'.repeat(3000)] }],
      }),
    );
    expect(unbroken.join('').replace(/[^x]/g, '').length).toBe(3000);
  });

  it("keeps a seed-like practice issue's side box and each question box whole on one page", async () => {
    const issue = samplePracticeIssue(1);
    const pages = (
      await pdfPages(await renderer.render(practiceIssueDocument(issue, samplePracticeSet())))
    ).map((page) => page.replace(/\s+/g, ' '));
    const pageOf = (text: string) => {
      const found = pages.findIndex((page) => page.includes(text));
      expect({ text, found }).not.toEqual({ text, found: -1 });
      return found;
    };
    // The seed's sections, in its order.
    const order = [
      '1. Disagreement about use of early help assessment',
      'What is the issue?',
      'Why does this occur?',
      'Solutions suggested',
      'Questions for you to consider',
    ].map((heading) => pages.join(' ').indexOf(heading));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    // The side box, first line to last, on one page.
    expect(pageOf('This document is one of a set of 14')).toBe(
      pageOf('194 practitioners and managers took part.'),
    );
    // Each question group with its last question.
    for (const group of issue.questions)
      expect(pageOf(group.title)).toBe(pageOf(group.questions[group.questions.length - 1]));
  });

  it("prints a whole set's side box on the contents page, across the page, each issue from a new page", async () => {
    const pages = (
      await pdfPages(await renderer.render(practiceIssueSetDocument(samplePracticeIssueSet(14))))
    ).map((page) => page.replace(/\s+/g, ' '));
    expect(pages[0]).toContain('Contents');
    expect(pages[0]).toContain('14. Disagreement about use of early help assessment');
    expect(pages[0]).toContain('This document is one of a set of 14 briefings.');
    expect(pages[0]).toContain('194 practitioners and managers took part.');
    expect(pages[1]).toMatch(/^\s*1\. Disagreement about use of early help assessment/);
  });

  it('relaunches Chromium when the browser has gone', async () => {
    await renderer.render(sampleBriefing());
    // The shared browser goes away behind the renderer's back, as when it crashes.
    const shared = await (renderer as unknown as { browser: Promise<Browser> }).browser;
    await shared.close();
    const pdf = await renderer.render(sampleBriefing());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('says clearly, with a 503, when there is no Chromium', async () => {
    const none = new PdfRenderer(
      plainToInstance(AppConfig, { CHROMIUM_PATH: '/nowhere/chromium' }),
    );
    const error = await none.render(sampleBriefing()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ httpStatus: 503 });
    expect((error as AppError).message).toMatch(/^PDF export needs Chromium; set CHROMIUM_PATH/);
  });
});
