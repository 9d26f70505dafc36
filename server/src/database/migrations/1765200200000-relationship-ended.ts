import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a relationship has ended (a partnership that separated), and when. Relationships
 * recorded before are read as continuing.
 */
export class RelationshipEnded1765200200000 implements MigrationInterface {
  name = 'RelationshipEnded1765200200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE person_relationship
         ADD COLUMN ended boolean NOT NULL DEFAULT false,
         ADD COLUMN ended_on text CONSTRAINT ck_person_relationship_ended_on
           CHECK (ended_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person_relationship DROP COLUMN ended, DROP COLUMN ended_on`);
  }
}
