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

export function dataSourceOptions(url: string): DataSourceOptions {
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
    extra: { max: 10, connectionTimeoutMillis: 5000, application_name: 'scr-workbench' },
  };
}
