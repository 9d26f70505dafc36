import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations of the review with practitioners, and the family's contribution: when, how, who
 * took part (by role and agency, no names), which family members, notes, and the episodes they
 * inform. New: nothing to carry over.
 */
export class ReviewConversations1765000100000 implements MigrationInterface {
  name = 'ReviewConversations1765000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE conversation_kind AS ENUM ('PRACTITIONERS', 'FAMILY')`);
    await q.query(
      `CREATE TYPE conversation_format AS ENUM ('INDIVIDUAL_CONVERSATION', 'GROUP_LEARNING_EVENT', 'WRITTEN')`,
    );
    await q.query(`
      CREATE TABLE review_conversation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL,
        kind conversation_kind NOT NULL,
        format conversation_format NOT NULL,
        held_on text,
        precision date_precision,
        sort_date date,
        participants jsonb NOT NULL DEFAULT '[]',
        family_description text,
        notes text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT review_conversation_review_id_fkey FOREIGN KEY (review_id) REFERENCES review(id) ON DELETE CASCADE,
        CONSTRAINT review_conversation_participants_check CHECK (jsonb_typeof(participants) = 'array'),
        CONSTRAINT review_conversation_date_check CHECK ((held_on IS NULL) = (precision IS NULL) AND (held_on IS NULL) = (sort_date IS NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_review_conversation_review_id ON review_conversation (review_id)`,
    );
    await q.query(`
      CREATE TABLE review_conversation_person (
        conversation_id uuid NOT NULL REFERENCES review_conversation(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        PRIMARY KEY (conversation_id, person_id)
      )`);
    await q.query(
      `CREATE INDEX ix_review_conversation_person_person_id ON review_conversation_person (person_id)`,
    );
    await q.query(`
      CREATE TABLE review_conversation_episode (
        conversation_id uuid NOT NULL REFERENCES review_conversation(id) ON DELETE CASCADE,
        episode_id uuid NOT NULL REFERENCES practice_episode(id) ON DELETE CASCADE,
        PRIMARY KEY (conversation_id, episode_id)
      )`);
    await q.query(
      `CREATE INDEX ix_review_conversation_episode_episode_id ON review_conversation_episode (episode_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_conversation_episode`);
    await q.query(`DROP TABLE review_conversation_person`);
    await q.query(`DROP TABLE review_conversation`);
    await q.query(`DROP TYPE conversation_format`);
    await q.query(`DROP TYPE conversation_kind`);
  }
}
