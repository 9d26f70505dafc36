import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChronologyImport1763942600000 implements MigrationInterface {
  name = 'ChronologyImport1763942600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE timeline_event ADD COLUMN time_of_day text CONSTRAINT ck_timeline_event_time CHECK (time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`,
    );
    await q.query(`
      CREATE TABLE chronology_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        agency_id uuid REFERENCES agency(id) ON DELETE SET NULL,
        file_name text NOT NULL,
        file_hash text NOT NULL,
        rows_imported integer NOT NULL,
        rows_skipped integer NOT NULL,
        imported_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_chronology_import_hash ON chronology_import (review_id, file_hash)`,
    );
    await q.query(`
      CREATE TABLE agency_column_mapping (
        agency_id uuid PRIMARY KEY REFERENCES agency(id) ON DELETE CASCADE,
        mapping jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agency_column_mapping`);
    await q.query(`DROP TABLE chronology_import`);
    await q.query(`ALTER TABLE timeline_event DROP COLUMN time_of_day`);
  }
}
