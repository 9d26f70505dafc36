import { mkdirSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { seriousAccessibilityViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { e2eBaseUrl, SCREENSHOT_DIR } from './e2e-environment';
import { api, apiToken, reopenForCorrection, signIn } from './e2e-session';

/**
 * Dates are typed day-month-year even in a browser set to American English, and on a laptop
 * screen (1440×900) the registers sit on tabs and the episode and finding editors show their text
 * beside their evidence. Screenshots go to test/output/screenshots.
 */
describe('UK dates in an en-US browser, and the registers and editors on a laptop screen', () => {
  let browser: Browser;
  let page: Page;
  let token: string;
  let childM: string;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    token = await apiToken();
    const found = await api<{ reviews: { edges: { node: { id: string; title: string } }[] } }>(
      token,
      'query { reviews(filter: { search: "Child M" }) { edges { node { id title } } } }',
    );
    childM = found.reviews.edges.find(({ node }) => node.title === 'Child M')!.node.id;
    // The demo publishes Child M, and a published review is read-only: the tour changes it, so
    // it reopens it for correction first, as its lead reviewer would.
    await reopenForCorrection(token, childM);
    browser = await launchChromium('en-US');
    page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    await signIn(page);
  });
  afterAll(() => browser?.close());

  const open = (path: string) => page.goto(`${e2eBaseUrl()}${path}`);
  const shot = (name: string) =>
    page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: false });

  it('shows and accepts a date day-month-year in a browser set to en-US', async () => {
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    const review = (
      await api<{ createReview: { id: string } }>(
        token,
        'mutation { createReview(input: { reference: "E2E-UK-DATES", title: "Child U", type: RAPID_REVIEW, periodStart: "2024-01-02", periodEnd: "2024-12-31" }) { id } }',
      )
    ).createReview.id;
    await open(`/reviews/${review}`);
    await page.getByRole('button', { name: 'Edit summary and period' }).click();
    const from = page.getByLabel('From', { exact: true });
    // 2 January, not 1 February: day first, whatever the browser's locale.
    expect(await from.inputValue()).toBe('02/01/2024');
    expect(await from.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await from.getAttribute('type')).toBe('text');

    await from.fill('31/02/2024');
    await from.press('Tab');
    await page
      .getByRole('alert')
      .getByText(/not a day of the calendar/)
      .waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await from.evaluate((element) => element === document.activeElement)).toBe(true);

    await from.fill('03/04/2024');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByText('Period under review:')
      .locator('..')
      .getByText(/3 Apr 2024/)
      .waitFor();
    const saved = await api<{ review: { periodStart: string } }>(
      token,
      `query { review(id: "${review}") { periodStart } }`,
    );
    expect(saved.review.periodStart).toBe('2024-04-03');
  });

  it('puts the registers on tabs, each at its own address', async () => {
    await open(`/reviews/${childM}/registers`);
    await page.waitForURL(/\/registers\/people$/);
    const tabs = page.getByRole('tablist', { name: 'Registers' });
    await page.getByRole('table', { name: /family members/i }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot('laptop-registers-people');

    await tabs.getByRole('tab', { name: 'People' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\/registers\/family$/);
    await page.getByRole('heading', { name: 'Family network' }).waitFor();
    await shot('laptop-registers-family');

    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\/registers\/agencies$/);
    const agencies = page.getByRole('table', { name: /agencies involved/ });
    await agencies.waitFor();
    // The agencies are at the top of their tab, not below the fold.
    expect((await agencies.boundingBox())!.y).toBeLessThan(900);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot('laptop-registers-agencies');
  });

  /** The text area and the evidence area side by side, both starting on the first screen. */
  async function expectSideBySide(text: string, evidence: string) {
    const left = (await page.getByRole('region', { name: text }).boundingBox())!;
    const right = (await page.getByRole('region', { name: evidence }).boundingBox())!;
    expect(right.x).toBeGreaterThanOrEqual(left.x + left.width);
    expect(left.y).toBeLessThan(900);
    expect(right.y).toBeLessThan(900);
  }

  it('shows an episode’s text beside its evidence', async () => {
    await open(`/reviews/${childM}/episodes`);
    await page
      .getByRole('list', { name: 'Key practice episodes, in order' })
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('heading', { name: 'Contributory factors' }).waitFor();
    await expectSideBySide(
      'The account of the episode',
      'The evidence: events and contributory factors',
    );
    // Scrolled down to the appraisal, the evidence is still in view beside it.
    await page.evaluate(() => window.scrollTo(0, 600));
    await shot('laptop-episode-editor-scrolled');
    const evidence = (await page
      .getByRole('region', { name: 'The evidence: events and contributory factors' })
      .boundingBox())!;
    expect(evidence.y).toBeGreaterThanOrEqual(0);
    expect(evidence.y).toBeLessThan(100);
    expect(evidence.height).toBeGreaterThan(600);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('laptop-episode-editor');
  });

  it('shows a finding’s parts beside the evidence it rests on', async () => {
    await open(`/reviews/${childM}/findings`);
    await page.locator('.finding-card__title').getByRole('link').first().click();
    await page.getByRole('heading', { name: /^Finding 1: /, level: 2 }).waitFor();
    await expectSideBySide('The finding’s parts', 'The evidence: episodes, factors and events');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot('laptop-finding-editor');
  });

  it('left no error in the browser on the way', () => {
    expect(errors).toEqual([]);
  });
});
