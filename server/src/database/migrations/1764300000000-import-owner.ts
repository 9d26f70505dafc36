import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which server process runs an import, so that a restarted instance can tell the imports a crash
 * interrupted from those another live instance is still running (see ImportRecoveryService).
 */
export class ImportOwner1764300000000 implements MigrationInterface {
  name = 'ImportOwner1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_progress ADD COLUMN owner text`);
    await q.query(
      `CREATE INDEX ix_import_progress_unfinished ON import_progress (updated_at) WHERE state IN ('reading', 'storing')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_import_progress_unfinished`);
    await q.query(`ALTER TABLE import_progress DROP COLUMN owner`);
  }
}
