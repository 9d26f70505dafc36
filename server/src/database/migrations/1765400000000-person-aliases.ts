import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The other names a person was known by ("Jay"): real-name data like the name itself. People
 * recorded before have none.
 */
export class PersonAliases1765400000000 implements MigrationInterface {
  name = 'PersonAliases1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person ADD COLUMN aliases text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person DROP COLUMN aliases`);
  }
}
