import { mkdirSync } from 'node:fs';
import { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { e2eBaseUrl, SCREENSHOT_DIR } from './e2e-environment';
import { api, apiToken, signIn } from './e2e-session';

/** The demo reviewer, Child M's second lead reviewer; the administrator sets a known password. */
const DEMO_REVIEWER = { email: 'reviewer@demo.local', password: 'demo reviewer e2e password' };

describe("the demo reviewer writes Child M's learning briefing, in Chromium", () => {
  let browser: Browser;
  let childM: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const admin = await apiToken();
    const { users } = await api<{ users: { id: string; email: string; version: number }[] }>(
      admin,
      '{ users { id email version } }',
    );
    const reviewer = users.find((user) => user.email === DEMO_REVIEWER.email)!;
    await api(
      admin,
      'mutation($id: ID!, $v: Int!, $p: String) { resetUserPassword(id: $id, expectedVersion: $v, newPassword: $p) { __typename } }',
      { id: reviewer.id, v: reviewer.version, p: DEMO_REVIEWER.password },
    );
    const found = await api<{ reviews: { edges: { node: { id: string; title: string } }[] } }>(
      admin,
      'query { reviews(filter: { search: "Child M" }) { edges { node { id title } } } }',
    );
    childM = found.reviews.edges.find(({ node }) => node.title === 'Child M')!.node.id;
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('opens the Learning briefing tab, sees the computed themes, writes a section and sees it in the preview', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, DEMO_REVIEWER);
    await page.goto(`${e2eBaseUrl()}/reviews/${childM}`);
    await page
      .getByRole('navigation', { name: 'Review' })
      .getByRole('link', { name: 'Learning briefing' })
      .click();

    // Computed from Child M's case characteristics, read-only: one case, so 100%.
    const themes = page.getByRole('list', { name: 'Computed emerging themes' });
    await themes.getByText('100% of cases had neglect').waitFor();
    await themes.getByText(/^100% of cases had domestic abuse \(1 of 1\)$/).waitFor();
    expect(await page.getByRole('textbox', { name: 'Emerging themes' }).count()).toBe(0);

    // The demo briefing is there; the reviewer adds a learning point and saves it.
    const points = page.getByRole('textbox', { name: 'Learning points' });
    expect(await points.inputValue()).toContain('Ask who lives in the home');
    await points.press('End');
    await points.press('Control+End');
    await points.type('\nCheck who else is caring for the baby when a parent is unwell.');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('All changes saved').waitFor();

    const preview = page.getByRole('article', { name: 'Preview of the briefing' });
    await preview.getByRole('heading', { name: 'Learning points' }).waitFor();
    await preview
      .getByText('Check who else is caring for the baby when a parent is unwell.')
      .waitFor();
    await preview.getByText('100% of cases had neglect').waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/learning-briefing.png`, fullPage: true });

    // It is saved: a fresh load shows it, at the next version.
    await page.reload();
    expect(await page.getByRole('textbox', { name: 'Learning points' }).inputValue()).toContain(
      'Check who else is caring for the baby when a parent is unwell.',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
