import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions kept in PostgreSQL, so that signing out, deactivating an account or changing its role
 * ends its sessions on every instance at once: each access token carries its session's id, and
 * the guard accepts it only while that session is unrevoked. The refresh credential (a random
 * secret in an httpOnly cookie) is stored only as its SHA-256. Accounts gain a version, for
 * `expectedVersion` on administrators' changes, and a deactivation time instead of being removed.
 */
export class AccountSessions1764400000000 implements MigrationInterface {
  name = 'AccountSessions1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_account
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN deactivated_at timestamptz`);
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        refresh_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX ix_auth_session_user_live ON auth_session (user_id) WHERE revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_session`);
    await q.query(`ALTER TABLE user_account DROP COLUMN deactivated_at, DROP COLUMN version`);
  }
}
