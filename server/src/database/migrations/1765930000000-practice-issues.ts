import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Practice-issue briefings for trainers: a set of numbered practice issues drawing on published
 * reviews (listed one by one, or a collection), and each issue's links to the published findings
 * it draws on.
 *
 * - `practice_issue_set`: the set's title, what the briefings are for (the side box), how
 *   practitioners' views were gathered and by how many, and the source the closing line names.
 *   The number of reviews and the months they were published in are never stored: they are
 *   counted from the linked reviews' corpus entries when read, so a withdrawal changes them.
 * - `practice_issue_set_review`: the reviews a set draws on (besides its collection's).
 * - `practice_issue`: one briefing of the set, numbered 1, 2, … within it; its lists as arrays,
 *   the practitioners' reasons (heading, text, quotes by role) and the three groups of questions
 *   as JSON.
 * - `practice_issue_finding`: the published findings an issue draws on, by their immutable
 *   corpus_finding row, so a linked finding stays as it was published.
 */
export class PracticeIssues1765930000000 implements MigrationInterface {
  name = 'PracticeIssues1765930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE practice_issue_set (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        purpose text,
        collection_id uuid REFERENCES collection(id) ON DELETE SET NULL,
        gathering text,
        participant_count integer CHECK (participant_count >= 0),
        closing_source text,
        created_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_practice_issue_set_collection ON practice_issue_set (collection_id)`,
    );
    await q.query(
      `CREATE INDEX ix_practice_issue_set_created_by ON practice_issue_set (created_by)`,
    );
    await q.query(`
      CREATE TABLE practice_issue_set_review (
        set_id uuid NOT NULL REFERENCES practice_issue_set(id) ON DELETE CASCADE,
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        PRIMARY KEY (set_id, review_id)
      )`);
    await q.query(
      `CREATE INDEX ix_practice_issue_set_review_review ON practice_issue_set_review (review_id)`,
    );
    await q.query(`
      CREATE TABLE practice_issue (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        set_id uuid NOT NULL REFERENCES practice_issue_set(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        statement text,
        what_is_the_issue text,
        illustration text,
        reasons_from_reviews text[] NOT NULL DEFAULT '{}',
        reasons_from_practice jsonb NOT NULL DEFAULT '[]',
        solutions text[] NOT NULL DEFAULT '{}',
        questions jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_practice_issue_number UNIQUE (set_id, number) DEFERRABLE INITIALLY IMMEDIATE
      )`);
    await q.query(`
      CREATE TABLE practice_issue_finding (
        issue_id uuid NOT NULL REFERENCES practice_issue(id) ON DELETE CASCADE,
        corpus_finding_id uuid NOT NULL REFERENCES corpus_finding(id),
        added_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (issue_id, corpus_finding_id)
      )`);
    await q.query(
      `CREATE INDEX ix_practice_issue_finding_finding ON practice_issue_finding (corpus_finding_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE practice_issue_finding`);
    await q.query(`DROP TABLE practice_issue`);
    await q.query(`DROP TABLE practice_issue_set_review`);
    await q.query(`DROP TABLE practice_issue_set`);
  }
}
