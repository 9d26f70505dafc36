import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { SqlStatementCounter } from './sql-statement-counter';
import { MIGRATIONS } from './migrations';

// A calendar date (no time, no zone) stays the string PostgreSQL sends: turning it into a JS Date
// would shift it by the server's time zone. TypeORM does the same for its entities; this covers
// raw queries too.
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value) => value);

/** The bound on one SQL statement of a request unless configured (SCR_STATEMENT_TIMEOUT_MS). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/**
 * Work that may rightly run longer than a request's bound (a chronology or bundle import of
 * many thousand rows) sets this for its own transaction with SET LOCAL; migrations run unbounded.
 */
export const LONG_WORK_STATEMENT_TIMEOUT = '10min';

/** The connections of one instance; a health check has its own, outside this pool. */
export const POOL_SIZE = 10;

export function dataSourceOptions(
  url: string,
  statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    relationLoadStrategy: 'query',
    logger: new SqlStatementCounter(),
    extra: {
      max: POOL_SIZE,
      connectionTimeoutMillis: 5000,
      application_name: 'scr-workbench',
      // Every statement on these connections is cancelled past this, so that one slow query
      // cannot hold a connection for minutes; its connection goes back to the pool.
      statement_timeout: statementTimeoutMs,
    },
  };
}
