import { mkdirSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { seriousAccessibilityViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { SCREENSHOT_DIR } from './e2e-environment';
import { api, apiToken, createAccount, signIn } from './e2e-session';

const REVIEWER = {
  email: 'reviewer.path@e2e.local',
  password: 'a reviewer of the whole path',
  displayName: 'Rhiannon Price',
  role: 'REVIEWER' as const,
};

const POLICE = 'Eastmoor Police';
const HEALTH = 'Eastmoor Health Visiting';

const POLICE_CSV = [
  'Date,Time,Entry,Details',
  '14/04/2022,23:10,Domestic abuse incident at the family home,DASH completed: standard risk',
  '01/06/2022,10:00,Strategy discussion with social care,Police attended the strategy discussion',
  '03/06/2022,,Arrest of Mr B,',
].join('\r\n');

const HEALTH_CSV = [
  'Date,Entry,Details',
  'May 2022,New birth visit,Mother tearful; EPDS not completed',
  '01/06/2022,Health visitor phoned the GP,Shared concern about mother’s mood',
].join('\r\n');

const TUNNEL =
  'The health visitor saw a tired mother with a new baby, as on most visits; nothing she was told pointed to violence at home.';
const STATEMENT =
  'Practitioners at the front door are left to judge risk to a baby from a single agency’s record, which makes it likely that concerns held elsewhere go unseen.';
const QUESTION =
  'How does the partnership know that the front door hears from health before deciding?';

/**
 * One reviewer's path through the workbench, in the browser only: a review from nothing to a
 * finding with its evidence; then the API shows that every step was stored.
 */
describe('the reviewer’s path from a new review to a finding with its evidence', () => {
  let browser: Browser;
  let page: Page;
  const stored: { reviewId?: string; episodeId?: string; findingId?: string } = {};
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await createAccount(REVIEWER);
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    // A step that never shows what it waits for fails in seconds, not at the test's time limit.
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
  });
  afterAll(() => browser?.close());

  /** The states a reviewer passes through on the way are checked as the screens are. */
  const expectAccessible = async () =>
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const reviewTab = (name: string) =>
    page.getByRole('navigation', { name: 'Review' }).getByRole('link', { name, exact: true });

  it('signs in as a reviewer and creates a review from the list', async () => {
    await signIn(page, REVIEWER);
    await page.getByRole('button', { name: 'New review' }).click();
    const dialog = page.getByRole('dialog', { name: 'New review' });
    await dialog.getByLabel('Reference').fill('E2E-PATH-01');
    await dialog.getByLabel('Title').fill('Child P');
    await dialog
      .getByLabel('Type of review')
      .selectOption({ label: 'Local child safeguarding practice review' });
    await dialog.getByLabel('From', { exact: true }).fill('01/01/2022');
    await dialog.getByLabel('To', { exact: true }).fill('31/12/2022');
    await dialog.getByRole('button', { name: 'Create the review' }).click();

    await page.getByRole('heading', { name: 'Child P', level: 1 }).waitFor();
    stored.reviewId = new URL(page.url()).pathname.split('/')[2];
    expect(new URL(page.url()).pathname).toBe(`/reviews/${stored.reviewId}`);
  });

  it('adds two agencies in the registers', async () => {
    await reviewTab('Registers').click();
    await page
      .getByRole('tablist', { name: 'Registers' })
      .getByRole('tab', { name: 'Agencies' })
      .click();
    await page.waitForURL(/\/registers\/agencies$/);
    const add = page.getByRole('form', { name: 'Add an agency' });
    const agencies = page.getByRole('table', { name: /agencies involved/ });
    for (const [name, sector] of [
      [POLICE, 'Police'],
      [HEALTH, 'Health'],
    ]) {
      await add.getByLabel('Agency name').fill(name);
      await add.getByLabel('Sector').selectOption({ label: sector });
      await add.getByRole('button', { name: 'Add agency' }).click();
      await agencies.getByText(name, { exact: true }).waitFor();
    }
  });

  it('imports each agency’s chronology through the wizard', async () => {
    await reviewTab('Chronology').click();
    await page.getByRole('heading', { name: 'No events yet' }).waitFor();
    for (const [fileName, content, agency, rows] of [
      ['police.csv', POLICE_CSV, POLICE, 3],
      ['health.csv', HEALTH_CSV, HEALTH, 2],
    ] as const) {
      await page.getByRole('button', { name: 'Import a chronology' }).click();
      await page
        .getByLabel('Chronology file (CSV or Excel .xlsx, up to 50 MB)')
        .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(content) });
      await page.getByLabel('Agency the chronology comes from').selectOption({ label: agency });
      await page.getByRole('button', { name: 'Read the file' }).click();
      await page.getByRole('table', { name: /rows as they will be imported/ }).waitFor();
      if (fileName === 'police.csv') {
        await expectAccessible();
        await page.screenshot({
          path: `${SCREENSHOT_DIR}/path-import-preview.png`,
          fullPage: true,
        });
      }
      await page.getByRole('button', { name: `Import ${rows} rows` }).click();
      await page.getByText(/events imported/).waitFor();
      await page.getByRole('button', { name: 'Done' }).click();
    }
    await page.getByRole('status').getByText('5 events from 2 agencies, in date order').waitFor();
  });

  it('selects a period on the timeline and makes a key practice episode of its events', async () => {
    await page.getByRole('application', { name: /Chronology timeline, 5 events/ }).waitFor();
    const period = page.getByRole('group', { name: 'Select a period' });

    // Dragging along the dates selects a period, shown as whole days in the date fields ...
    const strip = (await page.locator('.timeline__brush .overlay').boundingBox())!;
    await page.mouse.move(strip.x + strip.width * 0.3, strip.y + strip.height / 2);
    await page.mouse.down();
    await page.mouse.move(strip.x + strip.width * 0.9, strip.y + strip.height / 2, { steps: 5 });
    await page.mouse.up();
    await period.getByText(/^\d events? selected, /).waitFor();
    const dragged = [
      await period.getByLabel('From', { exact: true }).inputValue(),
      await period.getByLabel('To', { exact: true }).inputValue(),
    ];
    expect(dragged).toEqual([
      expect.stringMatching(/^\d\d\/\d\d\/2022$/),
      expect.stringMatching(/^\d\d\/\d\d\/2022$/),
    ]);
    const iso = (uk: string) => uk.split('/').reverse().join('-');
    expect(iso(dragged[0]) < iso(dragged[1])).toBe(true);

    // ... and typing the first and last day, the keyboard's way, sets it exactly.
    await period.getByLabel('From', { exact: true }).fill('15/05/2022');
    await period.getByLabel('To', { exact: true }).fill('01/06/2022');
    // The new birth visit, known only to May, reaches beyond the period: offered, not taken.
    await period
      .getByText('2 events selected, 15 May 2022 to 1 Jun 2022; 1 more only partly inside it')
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/path-timeline-period.png` });
    await page.getByRole('button', { name: 'Make a key practice episode from these' }).click();

    const dialog = page.getByRole('dialog', { name: 'Make a key practice episode' });
    await dialog.getByLabel('Title of the episode').waitFor();
    await dialog
      .getByRole('group', { name: 'Dated only in part to this period' })
      .getByRole('checkbox', { name: /New birth visit/ })
      .check();
    await dialog.getByText('3 events, 15 May 2022 to 1 Jun 2022.').waitFor();
    await expectAccessible();
    await dialog
      .getByLabel('Title of the episode')
      .fill('The new birth visit and the strategy discussion');
    await dialog.getByRole('button', { name: 'Make the episode' }).click();
    await page
      .getByRole('heading', { name: 'The new birth visit and the strategy discussion', level: 2 })
      .waitFor();
    stored.episodeId = new URL(page.url()).pathname.split('/').pop();
    expect(new URL(page.url()).pathname).toBe(
      `/reviews/${stored.reviewId}/episodes/${stored.episodeId}`,
    );
  });

  it('writes the view from the tunnel, appraises the practice and saves the episode', async () => {
    await page.getByLabel('The view from the tunnel').fill(TUNNEL);
    await page.getByRole('radio', { name: 'Below what was expected' }).check();
    await page
      .getByLabel('Reason for the appraisal')
      .fill('The health visitor had no way to know of the police call-out.');
    await page.getByRole('button', { name: 'Save episode' }).click();
    await page
      .getByRole('status')
      .getByText(/^Saved at/)
      .waitFor();
  });

  it('adds contributory factors at two levels', async () => {
    for (const [level, description] of [
      ['The family', 'Mother did not mention the violence, fearing the baby would be removed.'],
      ['Conditions of work', 'Caseloads of over 400 families per health visitor.'],
    ]) {
      await page.getByRole('button', { name: `Add a factor: ${level}` }).click();
      await page.getByLabel('Factor', { exact: true }).fill(description);
      if (level === 'The family') await expectAccessible();
      await page.getByRole('button', { name: 'Add factor' }).click();
      await page.getByRole('listitem').getByText(description).waitFor();
    }
    await page.screenshot({ path: `${SCREENSHOT_DIR}/path-episode.png`, fullPage: true });
  });

  it('writes a finding with its category, sections, a question and its evidence', async () => {
    await reviewTab('Findings').click();
    await page.getByRole('heading', { name: 'No findings yet' }).waitFor();
    await page.getByRole('button', { name: 'New finding' }).click();
    const dialog = page.getByRole('dialog', { name: 'New finding' });
    await dialog.getByLabel('Title').waitFor();
    await expectAccessible();
    await dialog.getByLabel('Title').fill('Front-door decisions made on one agency’s record');
    await dialog
      .getByRole('radio', {
        name: /^3\. Patterns in communication and collaboration in multi-agency working in response to incidents\/crises/,
      })
      .check();
    await dialog.getByRole('radio', { name: 'Makes problematic practice more likely' }).check();
    await dialog.getByRole('button', { name: 'Create and open' }).click();
    await page
      .getByRole('heading', { name: 'Finding 1: Front-door decisions made on one agency’s record' })
      .waitFor();
    stored.findingId = new URL(page.url()).pathname.split('/').pop();

    await page.getByRole('textbox', { name: 'The finding', exact: true }).fill(STATEMENT);
    await page
      .getByRole('textbox', { name: 'How did the issue manifest in this case?' })
      .fill('The strategy discussion went ahead without the health visitor.');
    await page
      .getByRole('textbox', {
        name: 'How do we know it is an underlying issue and not something peculiar to this case?',
      })
      .fill('The case group described the same pattern in other cases.');
    await page
      .getByRole('textbox', { name: 'How widespread is the pattern?' })
      .fill('The partnership’s audit of 30 front-door decisions found the same.');
    await page
      .getByRole('textbox', {
        name: 'What are the implications for the reliability of the multi-agency system?',
      })
      .fill('Babies are seen by health more than by any other agency.');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByRole('textbox', { name: 'Question 1', exact: true }).fill(QUESTION);

    await page.getByText(/^Choose episodes/).click();
    await page
      .getByRole('checkbox', { name: /The new birth visit and the strategy discussion/ })
      .check();
    await page.getByText(/^Choose contributory factors/).click();
    await page.getByRole('checkbox', { name: /Caseloads of over 400 families/ }).check();

    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await page.getByRole('status').getByText('All changes saved').waitFor();
    await expectAccessible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/path-finding.png`, fullPage: true });
  });

  it('left no error in the browser’s console on the way', () => {
    expect(errors).toEqual([]);
  });

  it('stored all of it, as the API shows', async () => {
    const token = await apiToken(REVIEWER);
    const { review } = await api<{ review: StoredReview }>(token, STORED_REVIEW, {
      id: stored.reviewId,
    });

    expect(review).toMatchObject({
      reference: 'E2E-PATH-01',
      title: 'Child P',
      type: 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      myRole: 'LEAD_REVIEWER',
    });
    expect(review.agencies.map((a) => [a.name, a.sector]).sort()).toEqual(
      [
        [POLICE, 'POLICE'],
        [HEALTH, 'HEALTH'],
      ].sort(),
    );

    const events = review.events.edges.map(({ node }) => node);
    expect(
      events.map((e) => [e.occurredOn, e.precision, e.timeOfDay, e.agency?.name, e.title]),
    ).toEqual([
      ['2022-04-14', 'DAY', '23:10', POLICE, 'Domestic abuse incident at the family home'],
      ['2022-05', 'MONTH', null, HEALTH, 'New birth visit'],
      ['2022-06-01', 'DAY', '10:00', POLICE, 'Strategy discussion with social care'],
      ['2022-06-01', 'DAY', null, HEALTH, 'Health visitor phoned the GP'],
      ['2022-06-03', 'DAY', null, POLICE, 'Arrest of Mr B'],
    ]);

    expect(review.episodes).toHaveLength(1);
    const [episode] = review.episodes;
    expect(episode).toMatchObject({
      id: stored.episodeId,
      title: 'The new birth visit and the strategy discussion',
      startDate: '2022-05-15',
      endDate: '2022-06-01',
      appraisal: 'BELOW_EXPECTED',
      appraisalNarrative: 'The health visitor had no way to know of the police call-out.',
      viewFromTheTunnel: TUNNEL,
    });
    expect(episode.events.map((e) => e.title)).toEqual([
      'New birth visit',
      'Strategy discussion with social care',
      'Health visitor phoned the GP',
    ]);
    expect(episode.factors.map((f) => [f.level, f.description]).sort()).toEqual([
      ['CONDITIONS_OF_WORK', 'Caseloads of over 400 families per health visitor.'],
      ['FAMILY', 'Mother did not mention the violence, fearing the baby would be removed.'],
    ]);

    expect(review.findings).toHaveLength(1);
    const [finding] = review.findings;
    const caseloads = episode.factors.find((f) => f.level === 'CONDITIONS_OF_WORK')!;
    expect(finding).toMatchObject({
      id: stored.findingId,
      title: 'Front-door decisions made on one agency’s record',
      category: 'INCIDENTS_AND_CRISES',
      statement: STATEMENT,
      manifestation: 'The strategy discussion went ahead without the health visitor.',
      notPeculiar: 'The case group described the same pattern in other cases.',
      prevalence: 'The partnership’s audit of 30 front-door decisions found the same.',
      significance: 'Babies are seen by health more than by any other agency.',
      questions: [QUESTION],
      episodes: [{ id: episode.id }],
      factors: [{ id: caseloads.id }],
    });
  });
});

const STORED_REVIEW = `query($id: ID!) {
  review(id: $id) {
    reference title type periodStart periodEnd myRole
    agencies { name sector }
    events(first: 50) { edges { node { occurredOn precision timeOfDay title agency { name } } } }
    episodes {
      id title startDate endDate appraisal appraisalNarrative viewFromTheTunnel
      events { title }
      factors { id level description }
    }
    findings {
      id title category statement manifestation notPeculiar prevalence significance questions
      episodes { id } factors { id }
    }
  }
}`;

interface StoredReview {
  reference: string;
  agencies: { name: string; sector: string }[];
  events: {
    edges: {
      node: {
        occurredOn: string;
        precision: string;
        timeOfDay: string | null;
        title: string;
        agency: { name: string } | null;
      };
    }[];
  };
  episodes: {
    id: string;
    events: { title: string }[];
    factors: { id: string; level: string; description: string }[];
  }[];
  findings: { id: string }[];
}
