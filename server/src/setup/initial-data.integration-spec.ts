import { createApp } from '../bootstrap/create-app';
import { loadConfig } from '../config/load-config';
import { createTestDatabase, dropTestDatabase } from '../testing/test-database';
import { Client } from 'pg';

async function countAccounts(url: string): Promise<{ role: string; n: number }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    'SELECT role, count(*)::int AS n FROM user_account GROUP BY role ORDER BY role',
  );
  await client.end();
  return rows;
}

describe('first start on an empty database', () => {
  let url: string;
  let printed: string;
  const write = process.stdout.write.bind(process.stdout);

  beforeEach(async () => {
    url = await createTestDatabase();
    printed = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += chunk.toString();
      return true;
    });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await dropTestDatabase(url);
  });

  const boot = async (env: Record<string, string>) => {
    const app = await createApp(
      loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', CLIENT_DIR: '/nonexistent', ...env }),
      url,
    );
    await app.init();
    await app.close();
  };

  it('creates admin@localhost with a generated password, prints it once, and seeds the demo once', async () => {
    await boot({ SCR_DEMO_DATA: 'true' });
    const password = /Password: (\S+)/.exec(printed)?.[1];
    expect(password).toHaveLength(16);
    expect(printed).toContain('admin@localhost');
    expect(printed).toContain('demo data added');
    expect(await countAccounts(url)).toEqual([
      { role: 'ADMIN', n: 1 },
      { role: 'REVIEWER', n: 1 },
      { role: 'ANALYST', n: 1 },
      { role: 'TRAINER', n: 1 },
    ]);

    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`
      SELECT r.reference,
             (SELECT count(*)::int FROM timeline_event e WHERE e.review_id = r.id) AS events,
             (SELECT count(*)::int FROM practice_episode k WHERE k.review_id = r.id) AS episodes,
             (SELECT count(*)::int FROM contributory_factor f WHERE f.review_id = r.id) AS factors,
             (SELECT count(*)::int FROM finding n WHERE n.review_id = r.id) AS findings,
             (SELECT array_agg(m.role::text ORDER BY m.role) FROM review_member m WHERE m.review_id = r.id) AS roles
      FROM review r`);
    await client.end();
    expect(rows).toEqual([
      {
        reference: 'NSCP-SCR-2024-01',
        events: 63,
        episodes: 5,
        factors: 14,
        findings: 4,
        roles: ['LEAD_REVIEWER', 'LEAD_REVIEWER'],
      },
    ]);
    expect(printed).toContain('Demo review NSCP-SCR-2024-01: "Child M"');

    printed = '';
    await boot({ SCR_DEMO_DATA: 'true' });
    expect(printed).toBe('');
    expect((await countAccounts(url)).reduce((sum, row) => sum + row.n, 0)).toBe(4);
    write('');
  });

  it('creates the administrator and the demo data once when two instances start together', async () => {
    await Promise.all([boot({ SCR_DEMO_DATA: 'true' }), boot({ SCR_DEMO_DATA: 'true' })]);
    expect(printed.match(/Password: /g)).toHaveLength(1);
    expect(printed.match(/demo data added/g)).toHaveLength(1);
    expect((await countAccounts(url)).reduce((sum, row) => sum + row.n, 0)).toBe(4);
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM review');
    await client.end();
    expect(rows[0].n).toBe(1);
  });

  it('takes the administrator from the environment and prints no password', async () => {
    await boot({
      SCR_ADMIN_EMAIL: 'lead@partnership.org',
      SCR_ADMIN_PASSWORD: 'a perfectly long password',
      SCR_DEMO_DATA: 'false',
    });
    expect(printed).toBe('');
    expect(await countAccounts(url)).toEqual([{ role: 'ADMIN', n: 1 }]);
  });
});
