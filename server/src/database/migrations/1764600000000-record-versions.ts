import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['agency', 'person', 'timeline_event', 'contributory_factor', 'board_action'];

/** A version on every record that is edited in place, so that a stale save is refused (CONFLICT). */
export class RecordVersions1764600000000 implements MigrationInterface {
  name = 'RecordVersions1764600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await q.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} DROP COLUMN version`);
  }
}
