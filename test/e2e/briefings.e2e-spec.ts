import { mkdirSync } from 'node:fs';
import { Browser, Download, Page } from 'playwright-core';
import unzipper from 'unzipper';
import { launchChromium } from '../support/browser';
import { SCREENSHOT_DIR } from './e2e-environment';
import { api, apiToken, createAccount, signIn } from './e2e-session';

async function bytesOf(download: Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray());
}

/** Clicks a format's button in a group of downloads and waits for the file. */
async function downloadFrom(page: Page, group: string, format: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('group', { name: group }).getByRole('button', { name: format }).click(),
  ]);
  return download;
}

/** The text of a .docx's body, its runs joined paragraph by paragraph. */
async function docxBodyText(body: Buffer): Promise<string> {
  const archive = await unzipper.Open.buffer(body);
  const part = archive.files.find((file) => file.path === 'word/document.xml')!;
  return (await part.buffer())
    .toString('utf8')
    .split('</w:p>')
    .map((paragraph) => paragraph.replace(/<[^>]+>/g, ''))
    .join('\n')
    .replace(/&amp;/g, '&');
}

/**
 * The demo trainer's password is shown once, at the first start: the test makes a trainer of its
 * own, who sees the demo set (the seed's issue 1) beside the set it makes.
 */
const TRAINER = {
  email: 'trainer@e2e.local',
  password: 'trainer end to end password',
  displayName: 'Tess Trainer',
  role: 'TRAINER' as const,
};

describe('a trainer builds a practice issue from search results', () => {
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await createAccount(TRAINER);
    token = await apiToken(TRAINER);
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    page.setDefaultTimeout(15_000);
    await signIn(page, TRAINER);
  });
  afterAll(() => browser?.close());

  it('creates a set and an issue, adds a finding from the search and one like it, previews it and downloads the issue as Word and the set as PDF', async () => {
    // The server's own answers, to check the screens against.
    const { practiceIssueSets } = await api<{
      practiceIssueSets: { title: string; basis: { sentence: string } }[];
    }>(token, '{ practiceIssueSets { title basis { sentence } } }');
    expect(practiceIssueSets.map((set) => set.title)).toContain(
      'Practice issues from case reviews',
    );
    const { corpusReviews } = await api<{
      corpusReviews: { edges: { node: { reference: string; publishedAt: string } }[] };
    }>(token, '{ corpusReviews(first: 1) { edges { node { reference publishedAt } } } }');
    const review = corpusReviews.edges[0].node;
    const month = new Date(review.publishedAt).toLocaleDateString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Briefings' })
      .click();
    await page.getByRole('heading', { name: 'Sets of practice issues' }).waitFor();
    await page
      .getByRole('link', { name: 'Disagreement about use of early help assessment' })
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/briefings-list.png`, fullPage: true });

    await page.getByLabel('Title of the set').fill('Practice issues for the spring summits');
    await page.getByRole('button', { name: 'Start the set' }).click();
    await page
      .getByRole('heading', { name: 'Practice issues for the spring summits', level: 1 })
      .waitFor();
    await page
      .getByRole('region', { name: 'Side box facts' })
      .filter({ hasText: '0 reviews published' })
      .waitFor();

    // The set draws on one published review: the facts count it, never typed.
    await page.getByRole('checkbox', { name: new RegExp(`^${review.reference}:`) }).check();
    await page.getByLabel('Number of practitioners who took part').fill('40');
    await page.getByRole('button', { name: 'Save the set' }).click();
    await page
      .getByRole('region', { name: 'Side box facts' })
      .filter({ hasText: `1 review published in ${month}` })
      .waitFor();

    await page
      .getByLabel('Title of a new practice issue')
      .fill('Not convening strategy discussions');
    await page.getByRole('button', { name: 'Add the issue' }).click();
    await page
      .getByRole('heading', { name: '1. Not convening strategy discussions', level: 1 })
      .waitFor();
    // The three groups of questions start with the standard questions.
    expect(
      await page.getByLabel('Thinking through the solutions (one question a line)').inputValue(),
    ).toContain('How will you know whether any actions have had an impact?');

    // Find findings through the corpus search and add the first.
    await page.getByLabel('Words in the published findings').fill('early help');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('list', { name: 'Search results' });
    const firstAdd = results.getByRole('button', { name: /^Add .* to this issue$/ }).first();
    await firstAdd.waitFor();
    const label = (await firstAdd.getAttribute('aria-label'))!;
    const title = label.replace(/^Add /, '').replace(/ to this issue$/, '');
    await firstAdd.click();
    const drawnOn = page.getByRole('region', { name: 'Findings this issue draws on' });
    await drawnOn.getByText(title, { exact: true }).waitFor();

    // More like the finding now linked: add the first of the findings like it.
    await drawnOn.getByRole('button', { name: `More findings like ${title}` }).click();
    const like = drawnOn.getByRole('region', { name: `Findings like ${title}` });
    const likeAdd = like.getByRole('button', { name: /^Add .* to this issue$/ }).first();
    await likeAdd.waitFor();
    const likeTitle = (await likeAdd.getAttribute('aria-label'))!
      .replace(/^Add /, '')
      .replace(/ to this issue$/, '');
    await likeAdd.click();
    await drawnOn.getByText(likeTitle, { exact: true }).first().waitFor();

    // Edit a section and save it.
    await page
      .getByLabel('The issue in one line')
      .fill('Strategy discussions are not held when they should be');
    // Unsaved changes: the downloads wait for the save.
    const issueDownloads = page.getByRole('group', { name: 'Download this briefing' });
    expect(await issueDownloads.getByRole('button', { name: 'Word (.docx)' }).isDisabled()).toBe(
      true,
    );
    await page.getByRole('button', { name: 'Save the issue' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await issueDownloads.getByRole('button', { name: 'Word (.docx)' }).isEnabled()).toBe(
      true,
    );
    await page.screenshot({ path: `${SCREENSHOT_DIR}/briefings-issue-editor.png`, fullPage: true });

    await page.getByRole('button', { name: 'Preview as it will print' }).click();
    const preview = page.getByRole('article', { name: 'Preview as it will print' });
    await preview.getByText('Strategy discussions are not held when they should be').waitFor();
    await preview.getByRole('complementary', { name: 'Thinking through the solutions' }).waitFor();
    await preview
      .getByText(`based on analysis of 1 review published in ${month}`, { exact: false })
      .waitFor();
    await preview.screenshot({ path: `${SCREENSHOT_DIR}/briefings-preview.png` });

    const saved = await api<{
      practiceIssues: {
        title: string;
        statement: string;
        linkedFindings: { finding: { title: string } }[];
      }[];
    }>(token, '{ practiceIssues { title statement linkedFindings { finding { title } } } }');
    const issue = saved.practiceIssues.find(
      (i) => i.title === 'Not convening strategy discussions',
    )!;
    expect(issue.statement).toBe('Strategy discussions are not held when they should be');
    expect(issue.linkedFindings.map((l) => l.finding.title).sort()).toEqual(
      [title, likeTitle].sort(),
    );

    // The issue as a Word document: a zip whose body has the title and the questions.
    const docx = await downloadFrom(page, 'Download this briefing', 'Word (.docx)');
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const docxBytes = await bytesOf(docx);
    expect(docxBytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const docxText = await docxBodyText(docxBytes);
    expect(docxText).toContain('Not convening strategy discussions');
    expect(docxText).toContain('Questions for you to consider');
    expect(docxText).toContain('Strategy discussions are not held when they should be');

    await page.getByRole('link', { name: 'Practice issues for the spring summits' }).click();
    await page.getByRole('list', { name: 'Practice issues in order' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/briefings-set.png`, fullPage: true });

    // The whole set, with its contents, as one PDF.
    const pdf = await downloadFrom(page, 'Download the whole set', 'PDF');
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await bytesOf(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
