import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bootstrap/create-app';
import { loadConfig } from '../config/load-config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { generateSqlFiles, QUERIES_DIR } from './sql-capture';

/** The configuration the capture runs with: no demo data, no client, nothing logged. */
export const SQL_CAPTURE_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SCR_ADMIN_EMAIL: 'admin@sql.local',
  SCR_ADMIN_PASSWORD: 'correct horse battery',
  SCR_DEMO_DATA: 'false',
  CLIENT_DIR: '/nonexistent',
};

/**
 * `npm run sql -w @scr/server`: starts the application on a throwaway PostgreSQL of its own,
 * runs every repository's SQL examples and rewrites server/src/queries/ with what they send.
 */
async function writeSqlFiles(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'scr-sql-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, persistent: false });
  try {
    await postgres.createDatabase('scr_sql');
    const app = await createApp(loadConfig(SQL_CAPTURE_ENV), postgres.urlFor('scr_sql'));
    await app.init();
    try {
      const files = await generateSqlFiles(app);
      mkdirSync(QUERIES_DIR, { recursive: true });
      for (const name of readdirSync(QUERIES_DIR))
        if (name.endsWith('.sql') && !files.has(name)) rmSync(join(QUERIES_DIR, name));
      for (const [name, text] of files) writeFileSync(join(QUERIES_DIR, name), text);
      process.stdout.write(`Wrote ${files.size} files in ${QUERIES_DIR}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  writeSqlFiles().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
