import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { StartupError } from '../config/config-error';
import { createTestDatabase, dropTestDatabase } from '../testing/test-database';
import { checkExistingCluster, EMBEDDED_POSTGRES_MAJOR } from './embedded-postgres';
import { MIGRATIONS } from './migrations';
import { prepareDatabase } from './prepare-database';

describe('prepareDatabase', () => {
  it('migrates an empty database and leaves it ready', async () => {
    const url = await createTestDatabase({ migrated: false });
    const dataSource = await prepareDatabase(url);
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM schema_migration');
    expect(n).toBeGreaterThan(0);
    expect(await dataSource.showMigrations()).toBe(false);
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  it('lets several instances start together on an empty database, migrating it once', async () => {
    for (let round = 0; round < 3; round += 1) {
      const url = await createTestDatabase({ migrated: false });
      const started = await Promise.allSettled(
        Array.from({ length: 4 }, () => prepareDatabase(url)),
      );
      const failures = started.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
      expect(failures).toEqual([]);
      const [first] = started as PromiseFulfilledResult<
        Awaited<ReturnType<typeof prepareDatabase>>
      >[];
      const rows: { name: string; n: number }[] = await first.value.query(
        'SELECT name, count(*)::int AS n FROM schema_migration GROUP BY name ORDER BY name',
      );
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.every((row) => row.n === 1)).toBe(true);
      for (const result of started) {
        if (result.status === 'fulfilled') await result.value.destroy();
      }
      await dropTestDatabase(url);
    }
  });

  it('refuses a database migrated by a newer version, and changes nothing', async () => {
    const url = await createTestDatabase();
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(
      `INSERT INTO schema_migration (timestamp, name) VALUES (9999999999999, 'FromTheFuture9999999999999')`,
    );
    await expect(prepareDatabase(url)).rejects.toThrow(
      new StartupError(
        'The database was migrated by a newer SCR Workbench (unknown migration FromTheFuture9999999999999); run that version, or choose another DATA_DIR or DATABASE_URL.',
      ),
    );
    const { rows } = await client.query('SELECT count(*)::int AS n FROM schema_migration');
    expect(rows[0].n).toBe(MIGRATIONS.length + 1);
    await client.end();
    await dropTestDatabase(url);
  });

  it('names the server it cannot reach', async () => {
    await expect(prepareDatabase('postgres://scr:x@127.0.0.1:1/scr')).rejects.toThrow(
      /Cannot reach PostgreSQL at 127.0.0.1:1\/scr/,
    );
  });
});

describe('checkExistingCluster', () => {
  const folder = () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'scr-cluster-')), 'postgres');
    mkdirSync(dir);
    return dir;
  };

  it('refuses a data folder written by a newer PostgreSQL', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'PG_VERSION'), `${EMBEDDED_POSTGRES_MAJOR + 1}\n`);
    await expect(checkExistingCluster(dir)).rejects.toThrow(
      /newer than the PostgreSQL 18 bundled here/,
    );
  });

  it('refuses a folder that is not a PostgreSQL data folder', async () => {
    await expect(checkExistingCluster(folder())).rejects.toThrow(/is not a PostgreSQL data folder/);
  });

  it('accepts a folder of the bundled major version', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'PG_VERSION'), `${EMBEDDED_POSTGRES_MAJOR}\n`);
    await expect(checkExistingCluster(dir)).resolves.toBeUndefined();
  });
});
