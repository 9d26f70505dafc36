import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a contributory factor helped or hindered, and its tier of the framework. Factors
 * recorded before were all read as hindering, at the front line.
 */
export class FactorEffectAndTier1764900100000 implements MigrationInterface {
  name = 'FactorEffectAndTier1764900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE factor_effect AS ENUM ('SUPPORTS_GOOD_PRACTICE', 'MAKES_PROBLEMS_MORE_LIKELY')`,
    );
    await q.query(`CREATE TYPE factor_tier AS ENUM ('FRONTLINE', 'LOCAL_STRATEGIC', 'NATIONAL')`);
    await q.query(
      `ALTER TABLE contributory_factor
         ADD COLUMN effect factor_effect NOT NULL DEFAULT 'MAKES_PROBLEMS_MORE_LIKELY',
         ADD COLUMN tier factor_tier NOT NULL DEFAULT 'FRONTLINE'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contributory_factor DROP COLUMN effect, DROP COLUMN tier`);
    await q.query(`DROP TYPE factor_tier`);
    await q.query(`DROP TYPE factor_effect`);
  }
}
