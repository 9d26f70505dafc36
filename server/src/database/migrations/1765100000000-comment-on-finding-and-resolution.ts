import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case group comment may be on a finding as well as on an event or an episode, and the lead
 * reviewer marks it resolved: when, and by whom (the name stays if the account goes).
 */
export class CommentOnFindingAndResolution1765100000000 implements MigrationInterface {
  name = 'CommentOnFindingAndResolution1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review_comment
        ADD COLUMN finding_id uuid,
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN resolved_by uuid,
        ADD COLUMN resolved_by_name text`);
    await q.query(`
      ALTER TABLE review_comment
        ADD CONSTRAINT review_comment_finding_id_fkey
          FOREIGN KEY (finding_id) REFERENCES finding(id) ON DELETE CASCADE,
        ADD CONSTRAINT review_comment_resolved_by_fkey
          FOREIGN KEY (resolved_by) REFERENCES user_account(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX ix_review_comment_finding_id ON review_comment (finding_id)`);
    await q.query(`CREATE INDEX ix_review_comment_resolved_by ON review_comment (resolved_by)`);
    await q.query(`ALTER TABLE review_comment DROP CONSTRAINT ck_review_comment_one_target`);
    await q.query(`
      ALTER TABLE review_comment ADD CONSTRAINT ck_review_comment_one_target
        CHECK (num_nonnulls(event_id, episode_id, finding_id) = 1)`);
    await q.query(`
      ALTER TABLE review_comment ADD CONSTRAINT ck_review_comment_resolution
        CHECK ((resolved_at IS NULL) = (resolved_by_name IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM review_comment WHERE finding_id IS NOT NULL`);
    await q.query(`ALTER TABLE review_comment DROP CONSTRAINT ck_review_comment_resolution`);
    await q.query(`ALTER TABLE review_comment DROP CONSTRAINT ck_review_comment_one_target`);
    await q.query(`
      ALTER TABLE review_comment ADD CONSTRAINT ck_review_comment_one_target
        CHECK (num_nonnulls(event_id, episode_id) = 1)`);
    await q.query(`
      ALTER TABLE review_comment
        DROP COLUMN finding_id,
        DROP COLUMN resolved_at,
        DROP COLUMN resolved_by,
        DROP COLUMN resolved_by_name`);
  }
}
