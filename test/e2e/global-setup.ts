import { join } from 'node:path';
import {
  freePort,
  launchServer,
  ServerProcess,
  tempDir,
  waitUntilHealthy,
} from '../support/server-process';
import { E2E_ADMIN } from './e2e-environment';

declare global {
  var __SCR_E2E_SERVER__: { server: ServerProcess; scratch: string } | undefined;
}

/** The built app, started as `npm start` starts it, on a fresh embedded database. */
export default async function globalSetup(): Promise<void> {
  const scratch = tempDir('scr-e2e-');
  const port = await freePort();
  const server = launchServer({
    PORT: String(port),
    DATA_DIR: join(scratch, 'data'),
    SCR_ADMIN_EMAIL: E2E_ADMIN.email,
    SCR_ADMIN_PASSWORD: E2E_ADMIN.password,
    // Every browser test signs in from this one address, several accounts each; the limit per
    // address is a defence against guessing, checked by the server's own tests, not here.
    SCR_LOGIN_RATE_LIMIT: '1000',
  });
  await waitUntilHealthy(server, 90_000);
  process.env.SCR_E2E_URL = server.url;
  globalThis.__SCR_E2E_SERVER__ = { server, scratch };
}
