/** What the global set-up hands to the browser tests, through environment variables. */
export const E2E_ADMIN = { email: 'admin@e2e.local', password: 'end to end password' };

export function e2eBaseUrl(): string {
  const url = process.env.SCR_E2E_URL;
  if (!url) throw new Error('SCR_E2E_URL is not set: run the browser tests through e2e/run.mjs');
  return url;
}

export const SCREENSHOT_DIR = `${__dirname}/../output/screenshots`;
