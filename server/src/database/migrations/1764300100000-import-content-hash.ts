import { MigrationInterface, QueryRunner } from 'typeorm';

/** The content hash of a running import, so that the same file sent again meanwhile is warned about. */
export class ImportContentHash1764300100000 implements MigrationInterface {
  name = 'ImportContentHash1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE import_progress ADD COLUMN file_hash text, ADD COLUMN dry_run boolean NOT NULL DEFAULT false`,
    );
    await q.query(
      `CREATE INDEX ix_import_progress_hash ON import_progress (review_id, file_hash) WHERE state IN ('reading', 'storing')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_import_progress_hash`);
    await q.query(`ALTER TABLE import_progress DROP COLUMN file_hash, DROP COLUMN dry_run`);
  }
}
