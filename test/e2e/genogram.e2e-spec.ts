import { mkdirSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { e2eBaseUrl, SCREENSHOT_DIR } from './e2e-environment';
import { api, apiToken, signIn } from './e2e-session';

/**
 * The demo family on the registers page, drawn as a genogram in the standard notation: each person's symbol
 * follows their recorded sex, the subject child is double-outlined, households are dashed boundaries, and
 * couples' children hang from their partnership lines.
 */
describe('the genogram of the demo review', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const token = await apiToken();
    const found = await api<{ reviews: { edges: { node: { id: string; title: string } }[] } }>(
      token,
      'query { reviews(filter: { search: "Child M" }) { edges { node { id title } } } }',
    );
    const childM = found.reviews.edges.find(({ node }) => node.title === 'Child M')!.node.id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page.setDefaultTimeout(10_000);
    await signIn(page);
    await page.goto(`${e2eBaseUrl()}/reviews/${childM}/registers/family`);
    await page.getByRole('group', { name: 'Family network' }).waitFor();
  });
  afterAll(() => browser?.close());

  it('draws every person with the symbol of their sex, and marks the subject child', async () => {
    const chart = page.getByRole('group', { name: 'Family network' });
    const people = await chart.locator('g.genogram__person').evaluateAll((nodes) =>
      nodes.map((node) => ({
        sex: node.getAttribute('data-sex'),
        symbol: node.querySelector('.genogram__symbol')?.tagName,
        outer: !!node.querySelector('.genogram__symbol-outer'),
        label: node.getAttribute('aria-label') ?? '',
      })),
    );
    expect(people.length).toBeGreaterThanOrEqual(7);
    const expected: Record<string, string> = {
      MALE: 'rect',
      FEMALE: 'circle',
      NOT_KNOWN: 'polygon',
    };
    for (const person of people) expect(person.symbol).toBe(expected[person.sex ?? '']);
    const subjects = people.filter((person) => person.outer);
    expect(subjects).toHaveLength(1);
    expect(subjects[0].label).toMatch(/^Child M\./);
    // The demo register records everyone's sex: Child M, her sister, Mother and the grandmother female.
    expect(people.filter((person) => person.sex === 'NOT_KNOWN')).toEqual([]);
    expect(subjects[0].symbol).toBe('circle');
    expect(people.filter((person) => person.symbol === 'circle')).toHaveLength(4);
    await page.locator('.genogram').screenshot({ path: `${SCREENSHOT_DIR}/genogram.png` });
  });

  it('draws households as dashed boundaries, and children hanging from their parents', async () => {
    const chart = page.getByRole('group', { name: 'Family network' });
    const boundaries = chart.locator('rect.genogram__household-boundary');
    expect(await boundaries.count()).toBeGreaterThanOrEqual(2);
    const dashes = await boundaries.evaluateAll((rects) =>
      rects.map((rect) => getComputedStyle(rect).strokeDasharray),
    );
    for (const dash of dashes) expect(dash).not.toBe('none');
    expect(await chart.locator('path.genogram__partnership').count()).toBeGreaterThanOrEqual(1);
    expect(await chart.locator('path.genogram__children').count()).toBeGreaterThanOrEqual(1);
  });
});
