import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learning briefings: the sections a partnership writes about one review or one collection (an
 * audit round). The emerging themes they print are computed from the reviews when read, so no
 * number is stored here. No briefing existed before: nothing to carry over.
 */
export class LearningBriefings1765940000000 implements MigrationInterface {
  name = 'LearningBriefings1765940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE learning_briefing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid,
        collection_id uuid,
        title text NOT NULL DEFAULT '',
        background text NOT NULL DEFAULT '',
        methodology text NOT NULL DEFAULT '',
        good_practice text[] NOT NULL DEFAULT '{}',
        key_findings text[] NOT NULL DEFAULT '{}',
        learning_points text[] NOT NULL DEFAULT '{}',
        recommendations text[] NOT NULL DEFAULT '{}',
        messages_for_managers text[] NOT NULL DEFAULT '{}',
        messages_for_practitioners text[] NOT NULL DEFAULT '{}',
        further_information text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        updated_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT learning_briefing_review_id_fkey FOREIGN KEY (review_id) REFERENCES review(id) ON DELETE CASCADE,
        CONSTRAINT learning_briefing_collection_id_fkey FOREIGN KEY (collection_id) REFERENCES collection(id) ON DELETE CASCADE,
        CONSTRAINT learning_briefing_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES user_account(id) ON DELETE SET NULL,
        CONSTRAINT ck_learning_briefing_one_subject CHECK ((review_id IS NULL) <> (collection_id IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_learning_briefing_review ON learning_briefing (review_id)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_learning_briefing_collection ON learning_briefing (collection_id)`,
    );
    await q.query(`CREATE INDEX ix_learning_briefing_updated_by ON learning_briefing (updated_by)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE learning_briefing`);
  }
}
