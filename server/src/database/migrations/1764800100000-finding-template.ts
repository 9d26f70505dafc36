import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Learning Together finding template: "how do we know it is an underlying issue and not
 * something peculiar to this case?" (`not_peculiar`) apart from "how widespread is the pattern?"
 * (`prevalence`), and the references that back the latter, as a list of
 * `{ kind, citation, url, reviewId }` (`prevalence_references`: `references` is a reserved word
 * in SQL).
 */
export class FindingTemplate1764800100000 implements MigrationInterface {
  name = 'FindingTemplate1764800100000';

  async up(q: QueryRunner): Promise<void> {
    // Until now `prevalence` held the answer to both questions. Whether a stored text argues that
    // the pattern is not peculiar to this case or how widespread it is cannot be told apart
    // automatically, so existing `prevalence` text stays where it is: the reviewer moves what
    // belongs in `not_peculiar`, and `not_peculiar` starts empty.
    await q.query(`ALTER TABLE finding ADD COLUMN not_peculiar text`);
    await q.query(
      `ALTER TABLE finding ADD COLUMN prevalence_references jsonb NOT NULL DEFAULT '[]'`,
    );
    await q.query(
      `ALTER TABLE finding ADD CONSTRAINT finding_references_check CHECK (jsonb_typeof(prevalence_references) = 'array')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE finding DROP COLUMN prevalence_references`);
    await q.query(`ALTER TABLE finding DROP COLUMN not_peculiar`);
  }
}
