import { MigrationInterface, QueryRunner } from 'typeorm';

/** How far a running chronology import has got, for the client to poll (any instance can answer). */
export class ImportProgress1763942800000 implements MigrationInterface {
  name = 'ImportProgress1763942800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_progress (
        id uuid PRIMARY KEY,
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        rows_read integer NOT NULL DEFAULT 0,
        bytes_read bigint NOT NULL DEFAULT 0,
        total_bytes bigint NOT NULL,
        state text NOT NULL DEFAULT 'reading' CHECK (state IN ('reading', 'storing', 'done', 'failed')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_progress`);
  }
}
