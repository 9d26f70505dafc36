import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Themes that published reviews about adolescents use and the starter vocabulary lacked: harm
 * outside the family, and the practice of safeguarding young people in their contexts and into
 * adulthood. An installation that already has one of these keys (an administrator added it)
 * keeps its own row.
 */
export const ADOLESCENT_THEME_ROWS: [string, string, 'CASE_CHARACTERISTIC' | 'PRACTICE_THEME'][] = [
  ['child-criminal-exploitation', 'Child criminal exploitation', 'CASE_CHARACTERISTIC'],
  ['child-sexual-exploitation', 'Child sexual exploitation', 'CASE_CHARACTERISTIC'],
  ['going-missing', 'Going missing', 'CASE_CHARACTERISTIC'],
  ['exclusion-from-school', 'Exclusion from school or not in education', 'CASE_CHARACTERISTIC'],
  ['extra-familial-harm', 'Extra-familial harm', 'CASE_CHARACTERISTIC'],
  [
    'transitional-safeguarding',
    'Transitional safeguarding (moving to adult services)',
    'PRACTICE_THEME',
  ],
  ['contextual-safeguarding', 'Contextual safeguarding', 'PRACTICE_THEME'],
];

export class AdolescentThemes1765500000000 implements MigrationInterface {
  name = 'AdolescentThemes1765500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [key, label, kind] of ADOLESCENT_THEME_ROWS) {
      await q.query(
        `INSERT INTO theme (key, label, kind) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`,
        [key, label, kind],
      );
    }
  }

  /** Removes the rows as this migration wrote them; a row an administrator had made stays. */
  async down(q: QueryRunner): Promise<void> {
    for (const [key, label, kind] of ADOLESCENT_THEME_ROWS) {
      await q.query(`DELETE FROM theme WHERE key = $1 AND label = $2 AND kind = $3`, [
        key,
        label,
        kind,
      ]);
    }
  }
}
