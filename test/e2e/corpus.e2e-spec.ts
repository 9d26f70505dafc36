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
        .locator('tbody tr td:nth-child(2)')
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
    expect(lines[0]).toBe('Kind,Reference,Title,Partnership,Type,Year published');
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[1])
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

  it('lists the reviews behind a trend point chosen with the keyboard, saves the trend as a PNG and downloads the case × theme matrix', async () => {
    const first = await api<{
      corpusReviews: { edges: { node: { type: string } }[] };
    }>(token, 'query { corpusReviews(first: 1) { edges { node { type } } } }');
    const type = first.corpusReviews.edges[0].node.type;
    const { themePrevalence } = await api<Prevalence>(
      token,
      'query($t: [ReviewType!]) { themePrevalence(kind: CASE_CHARACTERISTIC, filter: { reviewTypes: $t }) { denominator rows { key label count percent } } }',
      { t: [type] },
    );
    const top = [...themePrevalence.rows].sort((a, b) => b.count - a.count)[0];
    const { themeTrend } = await api<{
      themeTrend: { year: number; count: number; denominator: number; percent: number }[];
    }>(
      token,
      'query($t: [ReviewType!], $k: [String!]!) { themeTrend(filter: { reviewTypes: $t }, keys: $k, by: PUBLICATION_YEAR) { year count denominator percent } }',
      { t: [type], k: [top.key] },
    );
    const point = [...themeTrend].sort((a, b) => b.count - a.count)[0];
    expect(point.count).toBeGreaterThan(0);
    const behind = await api<{
      corpusReviews: { edges: { node: { reference: string } }[] };
    }>(
      token,
      'query($f: CorpusFilter) { corpusReviews(filter: $f, first: 200) { edges { node { reference } } } }',
      {
        f: {
          reviewTypes: [type],
          themeKeys: [top.key],
          publishedFrom: `${point.year}-01-01`,
          publishedTo: `${point.year}-12-31`,
        },
      },
    );
    const references = behind.corpusReviews.edges.map((edge) => edge.node.reference).sort();
    expect(references).toHaveLength(point.count);

    await page.goto(`${e2eBaseUrl()}/corpus?type=${type}`);
    await page
      .getByRole('search', { name: 'Filter the published reviews' })
      .screenshot({ path: `${SCREENSHOT_DIR}/corpus-filters.png` });
    const trend = page.getByRole('region', { name: 'Trend over the years' });
    await trend.getByLabel('Case characteristic or category').selectOption({ label: top.label });
    const pointButton = trend.getByRole('button', {
      name: `${point.count}/${point.denominator} in ${point.year}: ${point.count} of ${point.denominator} ${
        point.denominator === 1 ? 'review' : 'reviews'
      }, ${point.percent.toFixed(1)}%. Show the reviews`,
    });
    await pointButton.focus();
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', {
      name: `Published reviews behind “${top.label}, year published ${point.year}”`,
    });
    await table.waitFor();
    await expect(
      table
        .locator('tbody tr td:nth-child(2)')
        .allTextContents()
        .then((texts) => texts.sort()),
    ).resolves.toEqual(references);
    expect(await pointButton.getAttribute('aria-pressed')).toBe('true');
    await trend.screenshot({ path: `${SCREENSHOT_DIR}/corpus-trend-drill-down.png` });

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      trend.getByRole('button', { name: 'Download the chart (PNG)' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('corpus-trend.png');
    await png.saveAs(`${SCREENSHOT_DIR}/corpus-trend-chart-download.png`);
    const pngBytes = await (
      await png.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks));
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The chart is drawn 760 × 300; the PNG has twice as many pixels each way.
    expect([pngBytes.readUInt32BE(16), pngBytes.readUInt32BE(20)]).toEqual([1520, 600]);

    const matrix = page.getByRole('group', { name: 'Download case × theme matrix' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      matrix.getByRole('button', { name: 'Download the case × theme matrix (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('corpus-matrix.csv');
    const csvText = await (
      await download.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const lines = csvText
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .filter(Boolean);
    const headings = lines[0].split(',');
    expect(headings.slice(0, 4)).toEqual(['reference', 'partnership', 'type', 'year']);
    expect(headings).toContain(top.key);
    expect(headings).toContain('TOOLS');
    // One row per review of the filter (the type), and only reviews of that type.
    expect(lines).toHaveLength(themePrevalence.denominator + 1);
    expect(lines.slice(1).every((line) => line.split(',')[2] === type)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/corpus-matrix-download.png` });
  });

  it('says so when the filters match no published review', async () => {
    await page.goto(`${e2eBaseUrl()}/corpus?partnership=No%20such%20partnership`);
    await page.getByRole('heading', { name: 'No published reviews match these filters' }).waitFor();
  });
});
