import { STARTER_THEMES } from '@scr/shared';
import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../testing/test-database';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';
import {
  ADOLESCENT_THEME_ROWS,
  AdolescentThemes1765500000000,
} from './migrations/1765500000000-adolescent-themes';

/** A database migrated up to (not including) `first`, so that data of the old shape can be put in. */
async function migratedUntil(url: string, first: (typeof MIGRATIONS)[number]) {
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(first));
  const old = await new DataSource({ ...dataSourceOptions(url), migrations: before }).initialize();
  await old.runMigrations({ transaction: 'all' });
  return old;
}

type ThemeRow = { key: string; label: string; kind: string };

const themes = (dataSource: DataSource) =>
  dataSource.query<ThemeRow[]>(`SELECT key, label, kind FROM theme ORDER BY key COLLATE "C"`);

describe('the adolescent themes migration on a database of the shape before it', () => {
  let url: string;
  let dataSource: DataSource;
  let before: ThemeRow[];

  beforeAll(async () => {
    url = await createTestDatabase({ migrated: false });
    const old = await migratedUntil(url, AdolescentThemes1765500000000);
    // An administrator had already added one of the new keys, with their own wording, and a theme of their own.
    await old.query(
      `INSERT INTO theme (key, label, kind) VALUES
         ('going-missing', 'Missing episodes', 'CASE_CHARACTERISTIC'),
         ('private-fostering', 'Private fostering', 'CASE_CHARACTERISTIC')`,
    );
    before = await themes(old);
    await old.destroy();
    // Up to this migration only: later ones (the broader terms) add themes of their own.
    dataSource = await new DataSource({
      ...dataSourceOptions(url),
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(AdolescentThemes1765500000000) + 1),
    }).initialize();
    await dataSource.runMigrations({ transaction: 'all' });
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  it('adds the new starter themes and leaves every existing row as it was', async () => {
    expect(before.map((t) => t.key)).not.toContain('child-criminal-exploitation');
    const after = await themes(dataSource);
    const added = ADOLESCENT_THEME_ROWS.filter(([key]) => key !== 'going-missing').map(
      ([key, label, kind]) => ({ key, label, kind }),
    );
    expect(after).toEqual(
      [...before, ...added].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    );
    expect(after).toContainEqual({
      key: 'going-missing',
      label: 'Missing episodes',
      kind: 'CASE_CHARACTERISTIC',
    });
  });

  it('leaves the database with every starter theme', async () => {
    const keys = (await themes(dataSource)).map((t) => t.key);
    expect(keys).toEqual(expect.arrayContaining(STARTER_THEMES.map((t) => t.key)));
  });

  it('can run again without error or change, and its reversal keeps the rows it did not write', async () => {
    const migration = new AdolescentThemes1765500000000();
    const runner = dataSource.createQueryRunner();
    try {
      const after = await themes(dataSource);
      await migration.up(runner);
      expect(await themes(dataSource)).toEqual(after);
      await migration.down(runner);
      const reverted = await themes(dataSource);
      expect(reverted).toEqual(before);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  });
});
