import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Broader terms: a theme may sit under one broader theme, so that a review counts under the
 * broader term once when it has the term or any narrower one (transitively).
 *
 * Seeded: `parental-substance-misuse` above `parental-alcohol-misuse` and `parental-drug-misuse`,
 * and the "toxic trio" (`toxic-trio`) above `domestic-abuse`, `parental-mental-health` and
 * `parental-substance-misuse`. A theme has one broader theme, so the trio holds substance misuse
 * as a whole rather than alcohol and drugs one by one: the tree stays a tree and each narrower
 * term reaches the trio through exactly one path.
 */
export class BroaderThemes1765800000000 implements MigrationInterface {
  name = 'BroaderThemes1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE theme ADD COLUMN broader_key text`);
    await q.query(`
      ALTER TABLE theme ADD CONSTRAINT theme_broader_key_fkey
        FOREIGN KEY (broader_key) REFERENCES theme(key)`);
    await q.query(
      `ALTER TABLE theme ADD CONSTRAINT ck_theme_not_own_broader CHECK (broader_key <> key)`,
    );
    await q.query(`CREATE INDEX ix_theme_broader_key ON theme (broader_key)`);
    await q.query(`
      INSERT INTO theme (key, label, kind) VALUES
        ('toxic-trio', 'Domestic abuse, parental mental ill-health and substance misuse', 'CASE_CHARACTERISTIC'),
        ('parental-substance-misuse', 'Parental substance misuse', 'CASE_CHARACTERISTIC')
      ON CONFLICT (key) DO NOTHING`);
    await q.query(`
      UPDATE theme SET broader_key = 'parental-substance-misuse'
       WHERE key IN ('parental-alcohol-misuse', 'parental-drug-misuse')`);
    await q.query(`
      UPDATE theme SET broader_key = 'toxic-trio'
       WHERE key IN ('domestic-abuse', 'parental-mental-health', 'parental-substance-misuse')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE theme SET broader_key = NULL`);
    await q.query(`DELETE FROM theme WHERE key IN ('toxic-trio', 'parental-substance-misuse')`);
    await q.query(`DROP INDEX ix_theme_broader_key`);
    await q.query(`ALTER TABLE theme DROP CONSTRAINT ck_theme_not_own_broader`);
    await q.query(`ALTER TABLE theme DROP CONSTRAINT theme_broader_key_fkey`);
    await q.query(`ALTER TABLE theme DROP COLUMN broader_key`);
  }
}
