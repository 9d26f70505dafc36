import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { prepareDatabase } from '../database/prepare-database';
import { TEMPLATE_DATABASE, TEST_ADMIN_URL_VARIABLE } from './test-database';

declare global {
  var __SCR_TEST_POSTGRES__: { stop(): Promise<void> } | undefined;
}

/**
 * One throwaway PostgreSQL for the whole test run, on a free port in a temporary folder, with a
 * migrated template database from which each test file clones its own.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'scr-test-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, persistent: false });
  await postgres.createDatabase(TEMPLATE_DATABASE);
  const template = await prepareDatabase(postgres.urlFor(TEMPLATE_DATABASE));
  await template.destroy();
  process.env[TEST_ADMIN_URL_VARIABLE] = postgres.adminUrl;
  globalThis.__SCR_TEST_POSTGRES__ = postgres;
}
