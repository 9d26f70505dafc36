import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A finding records whether its pattern contributes to good practice or makes problematic
 * practice more likely. The findings recorded so far were all of the second kind.
 */
export class FindingEffect1764800000000 implements MigrationInterface {
  name = 'FindingEffect1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE pattern_effect AS ENUM ('SUPPORTS_GOOD_PRACTICE', 'MAKES_PROBLEMS_MORE_LIKELY')`,
    );
    await q.query(
      `ALTER TABLE finding ADD COLUMN effect pattern_effect NOT NULL DEFAULT 'MAKES_PROBLEMS_MORE_LIKELY'`,
    );
    // Every finding from now on says which it is: no default.
    await q.query(`ALTER TABLE finding ALTER COLUMN effect DROP DEFAULT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE finding DROP COLUMN effect`);
    await q.query(`DROP TYPE pattern_effect`);
  }
}
