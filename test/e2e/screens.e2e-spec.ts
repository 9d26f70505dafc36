import { mkdirSync } from 'node:fs';
import { Browser, Locator, Page } from 'playwright-core';
import { seriousAccessibilityViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { e2eBaseUrl, SCREENSHOT_DIR } from './e2e-environment';
import { api, apiToken, reopenForCorrection, signIn } from './e2e-session';

/**
 * Every screen of the workbench, on the demo review Child M and on a new empty review: each must
 * show its content with no serious or critical accessibility violation, and leaves a screenshot in
 * test/output/screenshots to look at. It is a tour: each test of a describe goes on from where
 * the one before left the page, as a user would.
 */
describe('every screen, with its content, passes axe-core', () => {
  let browser: Browser;
  let page: Page;
  let token: string;
  let childM: string;
  let empty: string;
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
    empty = (
      await api<{ createReview: { id: string } }>(
        token,
        'mutation { createReview(input: { reference: "E2E-SCREENS-EMPTY", title: "Child Q", type: RAPID_REVIEW, periodStart: "2024-01-01", periodEnd: "2024-12-31" }) { id } }',
      )
    ).createReview.id;
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    // A screen that never shows its content fails in seconds, not at the test's time limit.
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    await signIn(page);
  });
  afterAll(() => browser?.close());

  /** Waits for what shows the screen has its content, then checks it and takes its picture. */
  async function screen(name: string, content: Locator, fullPage = true): Promise<void> {
    await content.first().waitFor();
    if (!fullPage) await content.first().scrollIntoViewIfNeeded();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage });
  }

  const open = (path: string) => page.goto(`${e2eBaseUrl()}${path}`);
  const tab = (name: string) =>
    page.getByRole('navigation', { name: 'Review' }).getByRole('link', { name, exact: true });
  const registerTab = (name: string) =>
    page.getByRole('tablist', { name: 'Registers' }).getByRole('tab', { name, exact: true });
  const heading = (name: string | RegExp, level?: number) =>
    page.getByRole('heading', { name, level });

  describe('the demo review Child M', () => {
    it('reviews list', async () => {
      await open('/reviews');
      await screen('reviews-list', page.getByRole('link', { name: 'Child M' }));
    });

    it('new-review dialog', async () => {
      await page.getByRole('button', { name: 'New review' }).click();
      const dialog = page.getByRole('dialog', { name: 'New review' });
      await screen('new-review-dialog', dialog.getByLabel('Reference'), false);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('review home', async () => {
      await page.getByRole('link', { name: 'Child M' }).click();
      await screen('review-home', heading('Key figures'));
    });

    it('review home, adding a member', async () => {
      await page.getByRole('button', { name: 'Add a member' }).click();
      await page
        .getByRole('searchbox', { name: 'Find an account by name or email' })
        .fill('demo.local');
      await screen(
        'review-home-add-member',
        page.locator('form.review-home__add-member').getByRole('radio'),
        false,
      );
    });

    it('chronology timeline', async () => {
      await tab('Chronology').click();
      await screen(
        'chronology-timeline',
        page.getByRole('application', { name: /^Chronology timeline/ }),
      );
    });

    it('chronology timeline, an event’s details pinned from the keyboard', async () => {
      await page.getByRole('application', { name: /^Chronology timeline/ }).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await screen(
        'chronology-timeline-details',
        page
          .getByRole('region', { name: 'Event details' })
          .getByRole('button', { name: 'Close the details' }),
      );
    });

    it('chronology table', async () => {
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('view') === 'table');
      await screen(
        'chronology-table',
        page.getByRole('table', { name: 'Chronology' }).getByRole('row').nth(1),
      );
    });

    it('chronology table, a row being edited', async () => {
      const table = page.getByRole('table', { name: 'Chronology' });
      await table.getByRole('row').nth(1).focus();
      await page.keyboard.press('Enter');
      await screen('chronology-table-editing', table.getByRole('button', { name: /^Save/ }), false);
      await page.keyboard.press('Escape');
      await table.getByRole('button', { name: /^Save/ }).waitFor({ state: 'detached' });
    });

    it('episodes list', async () => {
      await tab('Episodes').click();
      await screen(
        'episodes-list',
        page.getByRole('list', { name: 'Key practice episodes, in order' }).getByRole('link'),
      );
    });

    it('episode editor', async () => {
      const first = page
        .getByRole('list', { name: 'Key practice episodes, in order' })
        .getByRole('link')
        .first();
      const title = (await first.textContent())!;
      await first.click();
      await heading(title, 2).waitFor();
      await screen('episode-editor', heading('Contributory factors'));
    });

    it('episode editor, adding events from the chronology', async () => {
      await page.getByRole('button', { name: 'Add events from the chronology' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add events from the chronology' });
      await screen('episode-event-picker', dialog.getByRole('checkbox'), false);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });

    it('factor map', async () => {
      await tab('Factor map').click();
      await screen('factor-map', page.getByRole('group', { name: /^Map of / }));
    });

    it('findings list', async () => {
      await tab('Findings').click();
      await screen('findings-list', page.locator('.finding-card__title').getByRole('link'));
    });

    it('finding editor', async () => {
      await page.locator('.finding-card__title').getByRole('link').first().click();
      await heading(/^Finding 1: /, 2).waitFor();
      // The pickers of evidence open, so that axe-core checks them too.
      for (const picker of await page.locator('details.finding-picker > summary').all())
        await picker.click();
      await screen('finding-editor', page.getByRole('searchbox'));
    });

    it('the conflict dialog, when someone else saved the finding first', async () => {
      const findingId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByRole('textbox', { name: 'Title', exact: true }).fill('My title for it');
      const { review } = await api<{
        review: { findings: { id: string; version: number; title: string; category: string }[] };
      }>(token, 'query($id: ID!) { review(id: $id) { findings { id version title category } } }', {
        id: childM,
      });
      const finding = review.findings.find((f) => f.id === findingId)!;
      await api(token, UPDATE_FINDING, {
        id: findingId,
        v: finding.version,
        i: { title: 'Their title for it', category: finding.category },
      });
      await page.getByRole('button', { name: 'Save', exact: true }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Someone else saved this finding first' });
      await screen('conflict-dialog', dialog.getByText('Their title for it'), false);
      await dialog.getByRole('button', { name: 'Back to editing' }).click();
      await dialog.waitFor({ state: 'detached' });
      // The demo finding gets its own title back for the screens after this one.
      await api(token, UPDATE_FINDING, {
        id: findingId,
        v: finding.version + 1,
        i: { title: finding.title, category: finding.category },
      });
    });

    it('the warning before leaving unsaved changes', async () => {
      await tab('Registers').click();
      const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
      await screen('leave-unsaved-dialog', dialog.getByText(/not saved yet/), false);
      await dialog.getByRole('button', { name: 'Leave without saving' }).click();
      await page.waitForURL(/\/registers\/people$/);
    });

    it('registers, the people register', async () => {
      await screen('registers-people', page.getByRole('table', { name: /family members/i }));
    });

    it('registers, with the family network', async () => {
      await registerTab('Family network and relationships').click();
      await screen('registers', heading('Family network'));
    });

    it('registers, the agencies', async () => {
      await registerTab('Agencies').click();
      await screen('registers-agencies', page.getByRole('table', { name: /agencies involved/ }));
    });

    it('a removal confirmation dialog', async () => {
      await page.getByRole('button', { name: 'Remove the agency Moorshire Police' }).click();
      const dialog = page.getByRole('dialog', { name: 'Remove the agency Moorshire Police?' });
      await screen('removal-dialog', dialog.getByRole('button', { name: 'Keep it' }), false);
      await dialog.getByRole('button', { name: 'Keep it' }).click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('board response', async () => {
      await tab('Board response').click();
      await screen('board-response', page.getByTestId('board-summary'));
    });

    it('board response, adding an action', async () => {
      await page.getByRole('button', { name: 'Add an action to finding 1' }).click();
      await screen('board-response-add-action', page.locator('form.board-action-form'), false);
    });

    it('set-up: the review questions and the conversations', async () => {
      await tab('Set-up').click();
      await screen('setup', heading('Conversations and the family’s contribution'));
    });

    it('case group: the comments and the sign-off on the analysis', async () => {
      await tab('Case group').click();
      await screen('case-group', heading('Sign-off on the analysis'));
    });

    it('publishing: what the anonymisation check found, and the review as analysts see it', async () => {
      const { review } = await api<{ review: { version: number; summary: string } }>(
        token,
        'query($id: ID!) { review(id: $id) { version summary } }',
        { id: childM },
      );
      // A real name slips into the summary: the check finds it and says where to fix it.
      const leaked = await api<{ updateReview: { version: number } }>(token, UPDATE_REVIEW, {
        id: childM,
        v: review.version,
        i: { summary: `${review.summary} Leanne Ward took part in the review.` },
      });
      await tab('Home').click();
      await page.getByRole('button', { name: 'Publish…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish the review' });
      await dialog.getByRole('list', { name: 'Problems' }).getByRole('link').first().waitFor();
      await screen('publication-dialog-problems', dialog.getByText('A real name'), false);
      await dialog.getByRole('button', { name: 'Not now' }).click();
      await dialog.waitFor({ state: 'detached' });
      await api(token, UPDATE_REVIEW, {
        id: childM,
        v: leaked.updateReview.version,
        i: { summary: review.summary },
      });
    });

    it('a published review: read-only, with its version, reopening and withdrawal', async () => {
      await page.getByRole('button', { name: 'Publish…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish the review' });
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText('Published as version 2.').waitFor();
      await screen(
        'published-review-home',
        page.getByRole('button', { name: 'Reopen for correction' }),
      );
      await page.getByRole('button', { name: 'Withdraw from the corpus' }).click();
      const withdraw = page.getByRole('dialog', { name: 'Withdraw from the corpus?' });
      await screen('withdraw-dialog', withdraw.getByLabel('Why withdraw it?'), false);
      await page.keyboard.press('Escape');
      await withdraw.waitFor({ state: 'detached' });
      // Back to drafting, for the browser tests that change Child M after this one.
      await reopenForCorrection(token, childM);
    });
  });

  describe('a new review with nothing in it yet', () => {
    it('review home', async () => {
      await open(`/reviews/${empty}`);
      await screen('empty-review-home', heading('Key figures'));
    });

    it('chronology', async () => {
      await tab('Chronology').click();
      await screen('empty-chronology', heading('No events yet'));
    });

    it('episodes', async () => {
      await tab('Episodes').click();
      await screen('empty-episodes', heading('No key practice episodes yet'));
    });

    it('factor map', async () => {
      await tab('Factor map').click();
      await screen('empty-factor-map', heading('No key practice episodes yet'));
    });

    it('findings', async () => {
      await tab('Findings').click();
      await screen('empty-findings', heading('No findings yet'));
    });

    it('registers', async () => {
      await tab('Registers').click();
      await registerTab('Family network and relationships').click();
      await screen('empty-registers', heading('No one is on the people register yet'));
    });

    it('board response', async () => {
      await tab('Board response').click();
      await screen('empty-board-response', heading('No findings yet'));
    });
  });

  describe('the sections beside the reviews', () => {
    it('corpus', async () => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Corpus' })
        .click();
      await screen(
        'corpus',
        page.getByRole('button', {
          name: /^1\. Patterns .*, supports good practice: \d+ of \d+ reviews/,
        }),
      );
    });

    it('briefings', async () => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Briefings' })
        .click();
      await screen('briefings', heading('Briefings', 1));
    });

    it('accounts, for administrators', async () => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Accounts' })
        .click();
      await screen('accounts', page.getByRole('table', { name: /accounts$/ }).getByRole('row'));
    });

    it('accounts, resetting a password', async () => {
      await page.getByRole('button', { name: 'Reset password of Jo Trainer' }).click();
      const dialog = page.getByRole('dialog', { name: 'Reset the password of Jo Trainer' });
      await screen('accounts-reset-password', dialog.getByRole('radio').first(), false);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    });
  });

  it('left no error in the browser’s console on the way', () => {
    expect(errors).toEqual([]);
  });
});

const UPDATE_REVIEW =
  'mutation($id: ID!, $v: Int!, $i: UpdateReviewInput!) { updateReview(id: $id, expectedVersion: $v, input: $i) { version } }';

const UPDATE_FINDING =
  'mutation($id: ID!, $v: Int!, $i: FindingInput!) { updateFinding(id: $id, expectedVersion: $v, input: $i) { version } }';
