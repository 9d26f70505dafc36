import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in limits shared by every instance: attempts per client address in the current minute,
 * and failed sign-ins per account (keyed by a hash of the email as typed, known account or not)
 * with the time the account is locked until.
 */
export class SignInLimits1764500000000 implements MigrationInterface {
  name = 'SignInLimits1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_address_limit (
        address text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        attempts integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE sign_in_account_lockout (
        email_hash text PRIMARY KEY,
        failures integer NOT NULL,
        locked_until timestamptz,
        last_attempt_refused boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_account_lockout`);
    await q.query(`DROP TABLE sign_in_address_limit`);
  }
}
