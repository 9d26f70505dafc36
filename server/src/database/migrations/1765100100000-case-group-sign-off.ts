import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case group's sign-off on the analysis, recorded on the review by the lead reviewer: when,
 * and by whom (the name stays if the account goes). Withdrawing it empties the three.
 */
export class CaseGroupSignOff1765100100000 implements MigrationInterface {
  name = 'CaseGroupSignOff1765100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review
        ADD COLUMN case_group_signed_off_at timestamptz,
        ADD COLUMN case_group_signed_off_by uuid,
        ADD COLUMN case_group_signed_off_by_name text`);
    await q.query(`
      ALTER TABLE review ADD CONSTRAINT review_case_group_signed_off_by_fkey
        FOREIGN KEY (case_group_signed_off_by) REFERENCES user_account(id) ON DELETE SET NULL`);
    await q.query(
      `CREATE INDEX ix_review_case_group_signed_off_by ON review (case_group_signed_off_by)`,
    );
    await q.query(`
      ALTER TABLE review ADD CONSTRAINT ck_review_case_group_sign_off
        CHECK ((case_group_signed_off_at IS NULL) = (case_group_signed_off_by_name IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review DROP CONSTRAINT ck_review_case_group_sign_off`);
    await q.query(`
      ALTER TABLE review
        DROP COLUMN case_group_signed_off_at,
        DROP COLUMN case_group_signed_off_by,
        DROP COLUMN case_group_signed_off_by_name`);
  }
}
