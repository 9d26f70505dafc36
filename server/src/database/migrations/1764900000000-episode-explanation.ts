import { MigrationInterface, QueryRunner } from 'typeorm';

/** An episode's explanation (why it made sense at the time), apart from its appraisal's reason. */
export class EpisodeExplanation1764900000000 implements MigrationInterface {
  name = 'EpisodeExplanation1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE practice_episode ADD COLUMN explanation text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE practice_episode DROP COLUMN explanation`);
  }
}
