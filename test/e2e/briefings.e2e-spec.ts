import { mkdirSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { SCREENSHOT_DIR } from './e2e-environment';
import { api, apiToken, createAccount, signIn } from './e2e-session';

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

  it('creates a set and an issue, searches, adds a finding, edits a section and previews it', async () => {
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
    await page
      .getByRole('region', { name: 'Findings this issue draws on' })
      .getByText(title, { exact: true })
      .waitFor();
    await results.getByRole('button', { name: 'More like this' }).first().click();
    await page
      .getByRole('region', { name: /^Findings like / })
      .first()
      .waitFor();

    // Edit a section and save it.
    await page
      .getByLabel('The issue in one line')
      .fill('Strategy discussions are not held when they should be');
    await page.getByRole('button', { name: 'Save the issue' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
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
    expect(issue.linkedFindings.map((l) => l.finding.title)).toEqual([title]);

    await page.getByRole('link', { name: 'Practice issues for the spring summits' }).click();
    await page.getByRole('list', { name: 'Practice issues in order' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/briefings-set.png`, fullPage: true });
  });
});
