import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccounts1763856000000 implements MigrationInterface {
  name = 'CreateAccounts1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "user_role" AS ENUM ('ADMIN', 'REVIEWER', 'ANALYST', 'TRAINER')`,
    );
    await queryRunner.query(`
      CREATE TABLE "user_account" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "display_name" text NOT NULL,
        "role" "user_role" NOT NULL,
        "password_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "last_sign_in_at" timestamptz,
        CONSTRAINT "pk_user_account" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_user_account_email" ON "user_account" ("email")`,
    );
    await queryRunner.query(`
      CREATE TABLE "app_setting" (
        "key" text NOT NULL,
        "value" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_app_setting" PRIMARY KEY ("key")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "app_setting"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`DROP TYPE "user_role"`);
  }
}
