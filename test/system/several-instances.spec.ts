import { join } from 'node:path';
import { Client } from 'pg';
import {
  embeddedPostgresUrl,
  freePort,
  graphql,
  launchServer,
  LOGIN,
  removeDir,
  ServerProcess,
  tempDir,
  waitUntilHealthy,
} from '../support/server-process';

const ADMIN = { email: 'admin@pair.local', password: 'a password for both instances' };
const RATE_LIMIT = 4;
const WRONG = 'The email or password is not correct.';

/** Runs one statement on the embedded PostgreSQL of a data folder. */
async function query(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Two built servers against one external PostgreSQL, as behind a load balancer. They are
 * launched at the same moment on an empty database, so both find migrations to run at once.
 * The PostgreSQL is the embedded one of a third server, started first, in whose cluster each
 * pair gets a new empty database.
 */
describe('two instances on one database', () => {
  let scratch: string;
  let host: ServerProcess;
  let launched: ServerProcess[] = [];
  let databases = 0;

  beforeAll(async () => {
    scratch = tempDir('scr-instances-');
    host = launchServer({
      PORT: String(await freePort()),
      DATA_DIR: join(scratch, 'data'),
      SCR_DEMO_DATA: 'false',
    });
    await waitUntilHealthy(host, 90_000);
  });
  afterEach(async () => {
    await Promise.all(launched.map((server) => server.stop()));
    launched = [];
  });
  afterAll(async () => {
    await host?.stop();
    removeDir(scratch);
  });

  async function startTogetherOnEmptyDatabase(): Promise<[ServerProcess, ServerProcess, string]> {
    databases += 1;
    const database = `pair_${databases}`;
    await query(
      embeddedPostgresUrl(join(scratch, 'data'), 'postgres'),
      `CREATE DATABASE ${database}`,
    );
    const url = embeddedPostgresUrl(join(scratch, 'data'), database);
    const env = {
      DATABASE_URL: url,
      SCR_ADMIN_EMAIL: ADMIN.email,
      SCR_ADMIN_PASSWORD: ADMIN.password,
      SCR_LOGIN_RATE_LIMIT: String(RATE_LIMIT),
      NODE_ENV: 'production',
    };
    const [portA, portB] = [await freePort(), await freePort()];
    const a = launchServer({ ...env, PORT: String(portA) });
    const b = launchServer({ ...env, PORT: String(portB) });
    launched.push(a, b);
    await Promise.all([waitUntilHealthy(a, 90_000), waitUntilHealthy(b, 90_000)]);
    return [a, b, url];
  }

  it('both start, three times out of three, with one administrator and each migration once', async () => {
    for (let round = 0; round < 3; round += 1) {
      const [a, b, url] = await startTogetherOnEmptyDatabase();
      expect(await query(url, 'SELECT email FROM user_account')).toEqual([{ email: ADMIN.email }]);
      const [migrations] = await query(
        url,
        'SELECT count(*)::int AS n, count(DISTINCT name)::int AS distinct FROM schema_migration',
      );
      expect(migrations.n).toBeGreaterThan(0);
      expect(migrations.n).toBe(migrations.distinct);
      expect(await a.stop()).toBe(0);
      expect(await b.stop()).toBe(0);
      launched = [];
    }
  });

  it('accept each other’s tokens and share the sign-in limit', async () => {
    const [a, b] = await startTogetherOnEmptyDatabase();

    const login = await graphql<{ login: { token: string } }>(a.url, LOGIN, {
      e: ADMIN.email,
      p: ADMIN.password,
    });
    const token = login.data?.login.token ?? '';
    expect(token).not.toBe('');
    const me = await graphql<{ me: { email: string } }>(b.url, '{ me { email } }', {}, token);
    expect(me.data?.me.email).toBe(ADMIN.email);

    // One attempt is counted already (the sign-in above); the next ones alternate between the two.
    const answers: string[] = [];
    for (let attempt = 1; attempt <= RATE_LIMIT + 1; attempt += 1) {
      const server = attempt % 2 === 0 ? a : b;
      const result = await graphql(server.url, LOGIN, { e: `nobody${attempt}@pair.local`, p: 'x' });
      answers.push(result.errors?.[0].message ?? 'signed in');
    }
    expect(answers.slice(0, RATE_LIMIT - 1)).toEqual(Array(RATE_LIMIT - 1).fill(WRONG));
    for (const refused of answers.slice(RATE_LIMIT - 1)) {
      expect(refused).toMatch(/^Too many sign-in attempts from this address/);
    }
  });
});
