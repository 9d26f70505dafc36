import { mkdirSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { E2E_ADMIN, e2eBaseUrl, SCREENSHOT_DIR } from './e2e-environment';

describe('signing in to the workbench in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterEach(() => page.close());

  const signIn = async (email: string, password: string) => {
    await page.goto(e2eBaseUrl());
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('shows the sign-in page, refuses a wrong password with a message', async () => {
    await page.goto(e2eBaseUrl());
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in.png` });

    await signIn(E2E_ADMIN.email, 'not the right password');
    await page.getByRole('alert').getByText('The email or password is not correct.').waitFor();
    expect(await page.getByLabel('Password').inputValue()).toBe('');
  });

  it('signs the administrator in, shows the shell with its sections, survives a reload, and signs out', async () => {
    await signIn(E2E_ADMIN.email, E2E_ADMIN.password);
    await page.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/reviews');
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('Administrator');
    await page.getByRole('table').getByText('Child M').waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/reviews.png` });

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Corpus' }).click();
    // The demo corpus is published at the first start: the screen opens on its figures.
    await page
      .getByRole('heading', { name: 'Case characteristics', level: 2, exact: true })
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/corpus-overview.png` });
    await nav.getByRole('link', { name: 'Briefings' }).click();
    // The demo trainer's set of practice issues is added at the first start.
    await page
      .getByRole('link', { name: 'Disagreement about use of early help assessment' })
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/briefings.png` });

    // No token where a script on the page could read it: not in storage, not in a readable cookie.
    const readable = () =>
      page.evaluate(() => ({
        local: Object.keys(localStorage).length,
        session: Object.keys(sessionStorage).length,
        cookies: document.cookie,
      }));
    expect(await readable()).toEqual({ local: 0, session: 0, cookies: '' });
    const refresh = (await page.context().cookies()).find((c) => c.name === 'scr_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });

    await page.reload();
    await page.getByRole('heading', { name: 'Briefings', level: 1 }).waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('Administrator');
    expect(await readable()).toEqual({ local: 0, session: 0, cookies: '' });

    // The refresh credential from before signing out no longer opens a session.
    // The page may still be asking for other things (the account, after the reload): wait for
    // the sign-out's own answer.
    const signOut = page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') &&
        response.request().method() === 'POST' &&
        (response.request().postData() ?? '').includes('signOut'),
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await (await signOut).json()).toEqual({ data: { signOut: true } });
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect((await page.context().cookies()).find((c) => c.name === 'scr_refresh')).toBeUndefined();
    await page.context().addCookies([{ ...refresh!, sameSite: 'Strict' }]);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await readable()).toEqual({ local: 0, session: 0, cookies: '' });
  });

  it('can be used with the keyboard alone', async () => {
    await page.goto(e2eBaseUrl());
    await page.getByLabel('Email').waitFor();
    await page.keyboard.type(E2E_ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(E2E_ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Corpus');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Corpus', level: 1 }).waitFor();
  });
});
