import { mkdirSync } from 'node:fs';
import { Browser, Download, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { e2eBaseUrl, SCREENSHOT_DIR } from './e2e-environment';
import { api, apiToken, signIn } from './e2e-session';

/** The demo reviewer, Child M's second lead reviewer; the administrator sets a known password. */
const DEMO_REVIEWER = { email: 'reviewer@demo.local', password: 'demo reviewer e2e password' };

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

describe('the review report, learning briefings and collections download and open, in Chromium', () => {
  let browser: Browser;
  let admin: string;
  let childM: { id: string; reference: string };
  let realNames: string[];

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    admin = await apiToken();
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
    const found = await api<{
      reviews: { edges: { node: { id: string; title: string; reference: string } }[] };
    }>(
      admin,
      'query { reviews(filter: { search: "Child M" }) { edges { node { id title reference } } } }',
    );
    childM = found.reviews.edges.find(({ node }) => node.title === 'Child M')!.node;
    const { review } = await api<{
      review: { people: { name: string | null; aliases: string[] }[] };
    }>(admin, 'query($id: ID!) { review(id: $id) { people { name aliases } } }', {
      id: childM.id,
    });
    realNames = review.people
      .flatMap((person) => [person.name ?? '', ...person.aliases])
      .filter((name) => name.trim().length > 2);
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it("the demo reviewer downloads Child M's report as Word and Markdown, pseudonyms only, and its learning briefing as PDF", async () => {
    expect(realNames.length).toBeGreaterThan(0);
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, DEMO_REVIEWER);
    await page.goto(`${e2eBaseUrl()}/reviews/${childM.id}`);

    const report = page.getByRole('region', { name: 'Review report' });
    await report.getByText(/pseudonyms only/).waitFor();
    await report.screenshot({ path: `${SCREENSHOT_DIR}/review-report-downloads.png` });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/review-home-report.png`, fullPage: true });

    const docx = await downloadFrom(page, 'Download the review report', 'Word (.docx)');
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect((await bytesOf(docx)).subarray(0, 2).toString('latin1')).toBe('PK');

    const md = await downloadFrom(page, 'Download the review report', 'Markdown (.md)');
    expect(md.suggestedFilename()).toMatch(/\.md$/);
    const markdown = (await bytesOf(md)).toString('utf8');
    expect(markdown).toContain('Child M');
    expect(markdown).toMatch(/^#+ Appraisal of practice: the key practice episodes$/m);
    expect(markdown).toMatch(/^#+ Key practice episode 1: /m);
    expect(markdown).toMatch(/^#+ Findings$/m);
    for (const name of realNames) expect(markdown).not.toContain(name);

    await page
      .getByRole('navigation', { name: 'Review' })
      .getByRole('link', { name: 'Learning briefing' })
      .click();
    const downloads = page.getByRole('group', { name: 'Download the briefing' });
    await downloads.waitFor();
    // Unsaved changes first have to be saved: the downloads wait for it.
    const points = page.getByRole('textbox', { name: 'Learning points' });
    await points.press('Control+End');
    await points.type('\nAsk the family who else looks after the baby.');
    expect(await downloads.getByRole('button', { name: 'PDF' }).isDisabled()).toBe(true);
    await page.getByText('Save your changes first').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('All changes saved').waitFor();

    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      downloads.getByRole('button', { name: 'PDF' }).click(),
      page.getByRole('status').filter({ hasText: 'Preparing the PDF…' }).waitFor(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await bytesOf(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page
      .getByRole('region', { name: 'Download the briefing' })
      .screenshot({ path: `${SCREENSHOT_DIR}/learning-briefing-downloads.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an administrator creates a collection, adds two reviews, takes one out and back, and opens its briefing', async () => {
    const { reviews } = await api<{
      reviews: { edges: { node: { id: string; reference: string } }[] };
    }>(
      admin,
      'query { reviews(first: 5, filter: { search: "DEMO-SYN" }) { edges { node { id reference } } } }',
    );
    const other = reviews.edges[0].node;
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Collections' })
      .click();
    await page.getByRole('heading', { name: 'Collections', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'No collections yet' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/collections-empty.png`, fullPage: true });

    await page.getByRole('button', { name: 'New collection' }).click();
    const dialog = page.getByRole('dialog', { name: 'New collection' });
    await dialog.getByRole('button', { name: 'Create the collection' }).click();
    await dialog.getByText('Give the collection a name').waitFor();
    await dialog.getByLabel('Name').fill('Neglect audit 2026');
    await dialog.getByLabel('Description').fill('Two cases audited by the partnership in 2026.');
    await dialog.getByRole('button', { name: 'Create the collection' }).click();
    await page.getByRole('heading', { name: 'Neglect audit 2026', level: 1 }).waitFor();

    const search = page.getByLabel('Find reviews by reference, title or partnership');
    for (const review of [childM, other]) {
      await search.fill(review.reference);
      await page.getByRole('checkbox', { name: new RegExp(review.reference) }).check();
      await page.getByRole('button', { name: 'Add the chosen review' }).click();
      await page.getByRole('table').getByRole('link', { name: review.reference }).waitFor();
    }
    await page.getByRole('heading', { name: /Reviews in this collection \(2\)/ }).waitFor();
    await search.fill('');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/collection.png`, fullPage: true });

    await page
      .getByRole('button', { name: `Take ${other.reference} out of the collection` })
      .click();
    await page.getByText(/was taken out of the collection/).waitFor();
    await page.getByRole('heading', { name: /Reviews in this collection \(1\)/ }).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { name: /Reviews in this collection \(2\)/ }).waitFor();

    await page.getByRole('link', { name: 'Learning briefing' }).click();
    await page.getByRole('heading', { name: 'Learning briefing: Neglect audit 2026' }).waitFor();
    await page.getByRole('group', { name: 'Download the briefing' }).waitFor();
    await page
      .getByText(/2 cases/)
      .first()
      .waitFor();
    const md = await downloadFrom(page, 'Download the briefing', 'Markdown (.md)');
    expect((await bytesOf(md)).toString('utf8')).toContain('Learning lessons briefing');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/collection-briefing.png`, fullPage: true });

    await page.getByRole('link', { name: 'Collections' }).first().click();
    await page
      .getByRole('list', { name: 'Collections' })
      .getByText('2 reviews you may read')
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/collections.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
