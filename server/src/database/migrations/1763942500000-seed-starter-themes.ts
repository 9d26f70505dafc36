import { MigrationInterface, QueryRunner } from 'typeorm';

/** The starter vocabulary as it was when this migration was written; later additions get their own. */
export const STARTER_THEME_ROWS: [string, string, 'CASE_CHARACTERISTIC' | 'PRACTICE_THEME'][] = [
  ['previous-social-care-involvement', 'Previous social care involvement', 'CASE_CHARACTERISTIC'],
  ['neglect', 'Neglect', 'CASE_CHARACTERISTIC'],
  ['domestic-abuse', 'Domestic abuse', 'CASE_CHARACTERISTIC'],
  ['parental-mental-health', 'Parental mental ill-health', 'CASE_CHARACTERISTIC'],
  ['parental-alcohol-misuse', 'Parental alcohol misuse', 'CASE_CHARACTERISTIC'],
  ['parental-drug-misuse', 'Parental drug misuse', 'CASE_CHARACTERISTIC'],
  ['parental-learning-disability', 'Parental learning disability', 'CASE_CHARACTERISTIC'],
  ['disguised-compliance', 'Disguised compliance', 'CASE_CHARACTERISTIC'],
  ['child-under-one', 'Child under one', 'CASE_CHARACTERISTIC'],
  ['child-with-disability', 'Child with a disability', 'CASE_CHARACTERISTIC'],
  ['previous-child-protection-plan', 'Previous child protection plan', 'CASE_CHARACTERISTIC'],
  ['graded-care-profile-used', 'Graded Care Profile used', 'CASE_CHARACTERISTIC'],
  ['escalation', 'Escalation of concerns', 'PRACTICE_THEME'],
  ['thresholds', 'Thresholds', 'PRACTICE_THEME'],
  ['early-help-assessment', 'Early help assessment', 'PRACTICE_THEME'],
  ['information-sharing', 'Information sharing', 'PRACTICE_THEME'],
  ['voice-of-the-child', 'Voice of the child', 'PRACTICE_THEME'],
  ['professional-curiosity', 'Professional curiosity', 'PRACTICE_THEME'],
  ['supervision', 'Supervision', 'PRACTICE_THEME'],
  ['recording', 'Recording', 'PRACTICE_THEME'],
  ['involving-fathers', 'Involving fathers and male carers', 'PRACTICE_THEME'],
  ['assessment-quality', 'Quality of assessment', 'PRACTICE_THEME'],
  ['smart-planning', 'SMART planning', 'PRACTICE_THEME'],
  ['referrals-and-contacts', 'Referrals and contacts', 'PRACTICE_THEME'],
  ['strategy-discussions', 'Strategy discussions', 'PRACTICE_THEME'],
  ['child-protection-conferences', 'Child protection conferences', 'PRACTICE_THEME'],
  ['medical-information', 'Interpreting medical information', 'PRACTICE_THEME'],
  ['step-up-step-down', 'Step-up and step-down', 'PRACTICE_THEME'],
  ['drift', 'Drift', 'PRACTICE_THEME'],
  ['workload', 'Workload and capacity', 'PRACTICE_THEME'],
];

export class SeedStarterThemes1763942500000 implements MigrationInterface {
  name = 'SeedStarterThemes1763942500000';

  async up(q: QueryRunner): Promise<void> {
    for (const [key, label, kind] of STARTER_THEME_ROWS) {
      await q.query(
        `INSERT INTO theme (key, label, kind) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`,
        [key, label, kind],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM theme WHERE key = ANY($1)`, [
      STARTER_THEME_ROWS.map(([key]) => key),
    ]);
  }
}
