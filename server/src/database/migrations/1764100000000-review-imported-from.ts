import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where an imported review came from: the bundle's source review, installation and exporter. */
export class ReviewImportedFrom1764100000000 implements MigrationInterface {
  name = 'ReviewImportedFrom1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review ADD COLUMN imported_from jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review DROP COLUMN imported_from`);
  }
}
