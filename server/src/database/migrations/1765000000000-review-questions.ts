import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review's questions (its terms of reference), in order, and which of them each finding
 * answers. No review had questions before: nothing to carry over.
 */
export class ReviewQuestions1765000000000 implements MigrationInterface {
  name = 'ReviewQuestions1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL,
        ordinal integer NOT NULL,
        text text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT review_question_review_id_fkey FOREIGN KEY (review_id) REFERENCES review(id) ON DELETE CASCADE,
        CONSTRAINT review_question_text_check CHECK (length(btrim(text)) > 0),
        CONSTRAINT uq_review_question_ordinal UNIQUE (review_id, ordinal) DEFERRABLE INITIALLY IMMEDIATE
      )`);
    await q.query(`
      CREATE TABLE finding_review_question (
        finding_id uuid NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
        question_id uuid NOT NULL REFERENCES review_question(id) ON DELETE CASCADE,
        PRIMARY KEY (finding_id, question_id)
      )`);
    await q.query(
      `CREATE INDEX ix_finding_review_question_question_id ON finding_review_question (question_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE finding_review_question`);
    await q.query(`DROP TABLE review_question`);
  }
}
