import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contact each event had with each person it names: seen, seen alone, spoken to, or only
 * mentioned. Links recorded before said nothing about contact, so they become MENTIONED, which
 * reads as "no contact recorded": the reviewer upgrades those where the person was seen.
 */
export class EventPersonContact1765200100000 implements MigrationInterface {
  name = 'EventPersonContact1765200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE contact_type AS ENUM ('SEEN', 'SEEN_ALONE', 'SPOKEN_TO', 'MENTIONED')`,
    );
    await q.query(
      `ALTER TABLE timeline_event_person ADD COLUMN contact contact_type NOT NULL DEFAULT 'MENTIONED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE timeline_event_person DROP COLUMN contact`);
    await q.query(`DROP TYPE contact_type`);
  }
}
