import { mkdirSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { e2eBaseUrl, SCREENSHOT_DIR } from './e2e-environment';
import { api, apiToken, createAccount, signIn } from './e2e-session';

/** The demo accounts' passwords are shown once, at the first start: the test makes its own analyst. */
const ANALYST = {
  email: 'analyst@e2e.local',
  password: 'analyst end to end password',
  displayName: 'Ana Lyst',
  role: 'ANALYST' as const,
};

const TYPE_LABELS: Record<string, string> = {
  SERIOUS_CASE_REVIEW: 'Serious case review',
  LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW: 'Local child safeguarding practice review',
  RAPID_REVIEW: 'Rapid review',
  MULTI_AGENCY_CASE_AUDIT: 'Multi-agency case file audit',
  LEARNING_REVIEW: 'Learning review',
};

interface Prevalence {
  themePrevalence: {
    denominator: number;
    rows: { key: string; label: string; count: number; percent: number }[];
  };
}

describe('an analyst filters the demo corpus, drills down and downloads the reviews', () => {
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await createAccount(ANALYST);
    token = await apiToken(ANALYST);
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      acceptDownloads: true,
    });
    page.setDefaultTimeout(15_000);
    await signIn(page, ANALYST);
  });
  afterAll(() => browser?.close());

  it('counts, filters by type in the address, lists the reviews behind a bar and downloads them', async () => {
    // What the server says, to check the screen against.
    const first = await api<{
      corpusReviews: { totalCount: number; edges: { node: { type: string } }[] };
    }>(token, 'query { corpusReviews(first: 1) { totalCount edges { node { type } } } }');
    expect(first.corpusReviews.totalCount).toBeGreaterThan(0);
    const type = first.corpusReviews.edges[0].node.type;
    const { themePrevalence } = await api<Prevalence>(
      token,
      'query($t: [ReviewType!]) { themePrevalence(kind: CASE_CHARACTERISTIC, filter: { reviewTypes: $t }) { denominator rows { key label count percent } } }',
      { t: [type] },
    );
    const top = [...themePrevalence.rows].sort((a, b) => b.count - a.count)[0];
    expect(top.count).toBeGreaterThan(0);
    const behind = await api<{
      corpusReviews: { totalCount: number; edges: { node: { reference: string } }[] };
    }>(
      token,
      'query($f: CorpusFilter) { corpusReviews(filter: $f, first: 200) { totalCount edges { node { reference } } } }',
      { f: { reviewTypes: [type], themeKeys: [top.key] } },
    );
    const references = behind.corpusReviews.edges.map((edge) => edge.node.reference).sort();
    expect(references).toHaveLength(top.count);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Corpus' })
      .click();
    await page
      .getByRole('heading', { name: 'Case characteristics', level: 2, exact: true })
      .waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `${first.corpusReviews.totalCount} published reviews in the corpus` })
      .waitFor();

    // The box is drawn from the address: it shows ticked once the address has the filter.
    await page.getByRole('checkbox', { name: TYPE_LABELS[type] }).click();
    await page.waitForURL(new RegExp(`[?&]type=${type}`));
    await page.getByRole('checkbox', { name: TYPE_LABELS[type], checked: true }).waitFor();
    const words = `${top.count} of ${themePrevalence.denominator} ${
      themePrevalence.denominator === 1 ? 'review' : 'reviews'
    }, ${top.percent.toFixed(1)}%`;
    const bar = page.getByRole('button', { name: `${top.label}: ${words}. Show the reviews` });
    await bar.waitFor();

    // The address is the view: opened again, it shows the same filter and figures.
    await page.goto(page.url());
    await bar.waitFor();
    expect(await page.getByRole('checkbox', { name: TYPE_LABELS[type] }).isChecked()).toBe(true);
    await bar.focus();
    await page.keyboard.press('Enter');

    const table = page.getByRole('table', { name: `Published reviews behind “${top.label}”` });
    await table.waitFor();
    await expect(
      table
        .locator('tbody tr td:first-child')
        .allTextContents()
        .then((texts) => texts.sort()),
    ).resolves.toEqual(references);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/corpus-drill-down.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the reviews (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('corpus-reviews.csv');
    const csvText = await (
      await download.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const lines = csvText.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Reference,Title,Partnership,Type,Year published');
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(references);
    expect(lines.slice(1).every((line) => line.includes(TYPE_LABELS[type]))).toBe(true);

    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('region', { name: 'Case characteristics' })
        .getByRole('button', { name: 'Download the chart (SVG)' })
        .click(),
    ]);
    expect(svg.suggestedFilename()).toBe('corpus-case-characteristics.svg');
    const svgText = await (
      await svg.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(svgText).toContain('<svg');
    expect(svgText).toContain(words);
  });

  it('says so when the filters match no published review', async () => {
    await page.goto(`${e2eBaseUrl()}/corpus?partnership=No%20such%20partnership`);
    await page.getByRole('heading', { name: 'No published reviews match these filters' }).waitFor();
  });
});
