import { mkdirSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { textPdf } from '../../server/src/testing/report-files';
import { launchChromium } from '../support/browser';
import { SCREENSHOT_DIR } from './e2e-environment';
import { createAccount, signIn } from './e2e-session';

const ANALYST = {
  email: 'report-analyst@e2e.local',
  password: 'report analyst end to end password',
  displayName: 'Robin Reader',
  role: 'ANALYST' as const,
};

const ALPHA = textPdf([
  ['Child Alpha: a local child safeguarding practice review.', 'Northmoor, 2021.'],
  [
    'Key practice episode 2: the school raised a concern about neglect.',
    'The strategy discussion was held late, without the school.',
    'Supervision of the social worker was rare.',
  ],
  ['Learning for the partnership: escalation must be used.'],
]);
const BETA = textPdf([
  ['Child Beta: a serious case review.'],
  ['Agencies shared what they knew of the family at the case conference.'],
]);
const CATALOGUE = [
  'File name,Title,Partnership,Publication date,Review type,Methodology,Author,Summary,Learning,Recommendations,Keywords',
  'alpha.pdf,Child Alpha,Northmoor SCP,14/03/2021,Child Safeguarding Practice Review,Systems (SILP),A. Reviewer,A girl of 9 known to school and health.,Late strategy discussions left the school out.,Invite schools to strategy discussions.,neglect; strategy discussion',
  'beta.pdf,Child Beta,Eastvale SCP,01/07/2019,Serious Case Review,SCIE Learning Together,B. Reviewer,,,,conference',
].join('\n');

describe('an analyst brings two reports in, searches them and opens the reader at a hit', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await createAccount(ANALYST);
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    await signIn(page, ANALYST);
  });
  afterAll(() => browser?.close());

  it('uploads with a catalogue, searches, and reads the hit’s page with the words marked', async () => {
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await page.getByLabel(/^Reports \(PDF, Word/).setInputFiles([
      { name: 'alpha.pdf', mimeType: 'application/pdf', buffer: ALPHA },
      { name: 'beta.pdf', mimeType: 'application/pdf', buffer: BETA },
    ]);
    await page.getByLabel(/^Catalogue/).setInputFiles({
      name: 'catalogue.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CATALOGUE),
    });
    await page.getByRole('button', { name: 'Bring in' }).click();
    await page.getByText('Finished: 2 of 2 done.').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Child Alpha' }).waitFor();

    await page.getByLabel('Words to find').fill('"strategy discussion" school');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const hit = page.getByRole('link', { name: 'Child Alpha, p. 2' });
    await hit.waitFor();
    expect(
      await page.getByRole('listitem').filter({ has: hit }).locator('mark').allTextContents(),
    ).toEqual(expect.arrayContaining(['strategy', 'discussion', 'school']));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/reports-search.png`, fullPage: true });

    await hit.click();
    const sheet = page.getByRole('article', { name: 'Page 2' });
    await sheet.waitFor();
    expect(await sheet.locator('mark').first().textContent()).toBeTruthy();
    const catalogue = page.getByRole('complementary', { name: 'Catalogue' });
    await catalogue.getByText('Systems (SILP)').waitFor();
    await catalogue.getByText('Invite schools to strategy discussions.').waitFor();

    await sheet.locator('.report-reader__text').click({ clickCount: 3 });
    await page.getByText(/^Selected: p\. 2, characters \d+–\d+$/).waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/report-reader.png`, fullPage: true });

    await page.keyboard.press('ArrowRight');
    await page.getByRole('article', { name: 'Page 3' }).waitFor();
    await page.getByLabel('Go to page').fill('1');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await page
      .getByRole('article', { name: 'Page 1' })
      .getByText(/Child Alpha: a local/)
      .waitFor();
  });
});
