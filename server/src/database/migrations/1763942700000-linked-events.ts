import { MigrationInterface, QueryRunner } from 'typeorm';

/** Events that several agencies recorded of the same occasion share an event group. */
export class LinkedEvents1763942700000 implements MigrationInterface {
  name = 'LinkedEvents1763942700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`ALTER TABLE timeline_event ADD COLUMN event_group uuid`);
    await q.query(
      `CREATE INDEX ix_timeline_event_group ON timeline_event (event_group) WHERE event_group IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_timeline_event_group`);
    await q.query(`ALTER TABLE timeline_event DROP COLUMN event_group`);
  }
}
