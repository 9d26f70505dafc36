import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_DATABASE = 'scr_template';
export const TEST_ADMIN_URL_VARIABLE = 'SCR_TEST_POSTGRES_ADMIN_URL';

function adminUrl(): string {
  const url = process.env[TEST_ADMIN_URL_VARIABLE];
  if (!url)
    throw new Error(
      `${TEST_ADMIN_URL_VARIABLE} is not set: run the tests through jest's global set-up`,
    );
  return url;
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the migrated template; returns its URL. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const template = options.migrated === false ? 'template0' : TEMPLATE_DATABASE;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
