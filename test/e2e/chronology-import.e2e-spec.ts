import { mkdirSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { SCREENSHOT_DIR } from './e2e-environment';
import { api, apiToken, signIn } from './e2e-session';

const POLICE_CSV = [
  'Date,Time,Entry,Details,Officer',
  '01/06/2022,10:00,Strategy discussion with social care,Police attended the strategy discussion,PC Hart',
  '14/04/2022,23:10,Domestic abuse incident at the family home,DASH completed: standard risk,PC Hart',
  '03/06/2022,,Arrest of Mr B,,DS Lowe',
].join('\r\n');

const SOCIAL_CARE_CSV = [
  'Date of contact;Contact type;Notes',
  '01/06/2022;Strategy discussion held with police;Decision: section 47 enquiry',
  'May 2022;Referral from health visitor;Concern about mother’s low mood',
  '31/02/2022;Typing slip;This row has an impossible date',
].join('\r\n');

describe('importing two agencies’ chronologies through the wizard', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const token = await apiToken();
    const { createReview } = await api<{ createReview: { id: string } }>(
      token,
      'mutation { createReview(input: { reference: "E2E-IMPORT", title: "Child E", type: LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW, periodStart: "2022-01-01", periodEnd: "2023-06-30" }) { id } }',
    );
    for (const [name, sector] of [
      ['Northmoor Police', 'POLICE'],
      ['Northmoor Children’s Social Care', 'CHILDRENS_SOCIAL_CARE'],
    ]) {
      await api(
        token,
        'mutation($r: ID!, $i: AgencyInput!) { addAgency(reviewId: $r, input: $i) { id } }',
        { r: createReview.id, i: { name, sector } },
      );
    }
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    await signIn(page);
  });
  afterAll(() => browser?.close());

  async function importFile(
    fileName: string,
    content: string,
    agency: string,
    skipBadRows: boolean,
  ) {
    await page.getByRole('button', { name: 'Import a chronology' }).click();
    await page
      .getByLabel('Chronology file (CSV or Excel .xlsx, up to 50 MB)')
      .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(content) });
    await page.getByLabel('Agency the chronology comes from').selectOption({ label: agency });
    await page.getByRole('button', { name: 'Read the file' }).click();
    await page.getByRole('table', { name: /rows as they will be imported/ }).waitFor();
    if (skipBadRows) {
      await page
        .getByRole('table', { name: /problem/ })
        .getByText('31/02/2022')
        .waitFor();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/import-preview.png`, fullPage: true });
      await page.getByLabel(/Skip the rows with problems/).check();
    }
    await page.getByRole('button', { name: /^Import \d+ rows$/ }).click();
    await page.getByText(/events imported/).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
  }

  it('merges them into one chronology in date order, shown as a timeline and as a table', async () => {
    await page.getByRole('link', { name: 'Child E' }).click();
    await page.getByRole('heading', { name: 'Child E', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Review' })
      .getByRole('link', { name: 'Chronology', exact: true })
      .click();
    await page.getByRole('heading', { name: 'No events yet' }).waitFor();

    await importFile('police.csv', POLICE_CSV, 'Northmoor Police', false);
    await importFile('social-care.csv', SOCIAL_CARE_CSV, 'Northmoor Children’s Social Care', true);

    // The chronology opens as the timeline, one lane per agency; the table is one click away.
    await page
      .getByRole('application', { name: /^Chronology timeline, 5 events in 2 lanes/ })
      .waitFor();
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'table');

    const table = page.getByRole('table', { name: 'Chronology' });
    await table.getByText('Strategy discussion held with police', { exact: true }).waitFor();
    const rows = await table
      .getByRole('row')
      .filter({ has: page.getByRole('cell') })
      .evaluateAll((found) =>
        found.map((row) =>
          Array.from(row.querySelectorAll<HTMLElement>('[role="cell"]'))
            .slice(0, 3)
            .map((cell, index) =>
              (index === 2
                ? (cell.querySelector('.data-table__title')?.textContent ?? '')
                : cell.innerText
              )
                .replace(/\s+/g, ' ')
                .trim(),
            ),
        ),
      );
    expect(rows).toEqual([
      ['14 Apr 2022 23:10', 'Northmoor Police', 'Domestic abuse incident at the family home'],
      ['May 2022', 'Northmoor Children’s Social Care', 'Referral from health visitor'],
      // An entry with no time stands for the whole day and comes before the day's timed ones.
      ['1 Jun 2022', 'Northmoor Children’s Social Care', 'Strategy discussion held with police'],
      ['1 Jun 2022 10:00', 'Northmoor Police', 'Strategy discussion with social care'],
      ['3 Jun 2022', 'Northmoor Police', 'Arrest of Mr B'],
    ]);

    const duplicates = page.getByRole('region', {
      name: 'Possibly the same occasion, recorded by two agencies',
    });
    await duplicates.getByText('Strategy discussion held with police').waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/review-chronology.png`, fullPage: true });
    await duplicates.getByRole('button', { name: 'Link as one event' }).click();
    await table.getByText('Also recorded by Northmoor Children’s Social Care').waitFor();
    await duplicates.waitFor({ state: 'detached' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('E2E-IMPORT-chronology.csv');
    const csvText = await (
      await download.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(csvText.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(
      'Date,Precision,Time,Sorts as,Agency,Entry,Details,Record reference',
    );
  });

  it('adds an event by hand in the table, deletes it, and brings it back with Undo', async () => {
    const table = page.getByRole('table', { name: 'Chronology' });
    await page.getByRole('button', { name: 'Add an event' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an event' });
    await dialog.getByLabel('Date', { exact: true }).fill('20/05/2022');
    await dialog.getByText('Read as 20 May 2022 (a day).').waitFor();
    await dialog.getByLabel('Agency').selectOption({ label: 'Northmoor Police' });
    await dialog.getByLabel('Title').fill('Welfare check by officers');
    await dialog.getByLabel('Record reference').fill('Police log 2022/0520');
    await dialog.getByRole('button', { name: 'Add the event' }).click();
    await page.getByText('Added “Welfare check by officers”.').waitFor();
    await table.getByText('Welfare check by officers', { exact: true }).waitFor();

    await table
      .getByRole('button', { name: 'Delete the event “Welfare check by officers”' })
      .click();
    await page
      .getByRole('dialog', { name: 'Remove the event “Welfare check by officers”?' })
      .getByRole('button', { name: 'Remove', exact: true })
      .click();
    await page.getByText(/Deleted “Welfare check by officers”/).waitFor();
    await table
      .getByText('Welfare check by officers', { exact: true })
      .waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByText('“Welfare check by officers” is back, with its links.').waitFor();
    await table.getByText('Welfare check by officers', { exact: true }).waitFor();
  });
});
