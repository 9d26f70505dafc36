import { DataSource, MigrationExecutor } from 'typeorm';
import { StartupError } from '../config/config-error';
import { ADVISORY_LOCKS } from './advisory-locks';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';

function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'the configured database';
  }
}

async function refuseNewerSchema(dataSource: DataSource): Promise<void> {
  const [{ exists }] = await dataSource.query(
    `SELECT to_regclass('schema_migration') IS NOT NULL AS "exists"`,
  );
  if (!exists) return;
  const applied: { name: string }[] = await dataSource.query(`SELECT name FROM schema_migration`);
  const known = new Set(MIGRATIONS.map((m) => m.name));
  const unknown = applied.map((row) => row.name).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new StartupError(
      `The database was migrated by a newer SCR Workbench (unknown migration ${unknown[0]}); run that version, or choose another DATA_DIR or DATABASE_URL.`,
    );
  }
}

/** Runs pending migrations in one transaction, without the requests' statement timeout. */
async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`SET statement_timeout = 0`);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'all';
    await executor.executePendingMigrations();
  } finally {
    // Back to the bound the connection was opened with, before the pool hands it out again.
    await runner.query(`RESET statement_timeout`).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Runs work while holding the migration lock on a connection of its own, so that instances
 * starting together check and migrate one after the other: the first migrates, the others wait,
 * then find nothing pending. The lock goes with the session if the process dies. The wait is not
 * bounded by the requests' statement timeout: another instance's migration may take longer.
 */
async function underMigrationLock(dataSource: DataSource, work: () => Promise<void>) {
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SET statement_timeout = 0');
    await lockHolder.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.migrations]);
    try {
      await work();
    } finally {
      await lockHolder.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.migrations]);
    }
  } finally {
    await lockHolder.query('RESET statement_timeout').catch(() => undefined);
    await lockHolder.release();
  }
}

/**
 * Connects, refuses a schema from a newer version, and runs pending migrations, under an
 * advisory lock shared by every instance on the database.
 */
export async function prepareDatabase(
  url: string,
  options: { statementTimeoutMs?: number } = {},
): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, options.statementTimeoutMs));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new StartupError(
      `Cannot reach PostgreSQL at ${describeTarget(url)}: ${(error as Error).message}. Check DATABASE_URL and that the server is running.`,
    );
  }
  try {
    await underMigrationLock(dataSource, async () => {
      await refuseNewerSchema(dataSource);
      await migrate(dataSource);
    });
  } catch (error) {
    await dataSource.destroy();
    if (error instanceof StartupError) throw error;
    throw new StartupError(`Could not migrate the database schema: ${(error as Error).message}`);
  }
  return dataSource;
}
