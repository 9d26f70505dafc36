import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';

/** Failures are forgotten after a day without a sign-in attempt on the account. */
const FAILURES_FORGOTTEN_AFTER = '1 day';

export interface LockoutRule {
  /** failures in a row before the account is locked */
  after: number;
  firstSeconds: number;
  longestSeconds: number;
}

/** The counters of sign-in attempts per address and failures per account (see SignInLimits). */
@Injectable()
export class SignInLimitsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Counts an attempt from `address` in the current one-minute window, in one atomic UPSERT;
   * returns the attempts in the window and the seconds until the next one begins.
   */
  @GenerateSql({ params: ['192.0.2.1'] })
  async countAddressAttempt(address: string): Promise<{ attempts: number; retryAfter: number }> {
    const [row] = await this.manager.query(
      `INSERT INTO sign_in_address_limit AS s (address, window_started_at, attempts)
       VALUES ($1, now(), 1)
       ON CONFLICT (address) DO UPDATE SET
         window_started_at = CASE WHEN s.window_started_at <= now() - interval '1 minute'
                                  THEN now() ELSE s.window_started_at END,
         attempts = CASE WHEN s.window_started_at <= now() - interval '1 minute'
                         THEN 1 ELSE s.attempts + 1 END
       RETURNING attempts,
                 ceil(extract(epoch FROM window_started_at + interval '1 minute' - now()))::int AS "retryAfter"`,
      [address],
    );
    return row;
  }

  /**
   * Counts an attempt on the account `emailHash` as a failure in advance, in one atomic UPSERT,
   * locking the account by `rule`; says whether the attempt came while it was locked, and for
   * how many seconds more it is.
   */
  @GenerateSql({ params: [DummyValue.TEXT, { after: 5, firstSeconds: 60, longestSeconds: 3600 }] })
  async countAccountAttempt(
    emailHash: string,
    rule: LockoutRule,
  ): Promise<{ refused: boolean; retryAfter: number }> {
    const [row] = await this.manager.query(
      `INSERT INTO sign_in_account_lockout AS a (email_hash, failures, locked_until, updated_at)
       VALUES ($1, 1, CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $3) END, now())
       ON CONFLICT (email_hash) DO UPDATE SET
         last_attempt_refused = coalesce(a.locked_until > now(), false),
         failures = CASE
           WHEN a.locked_until > now() THEN a.failures
           WHEN a.updated_at < now() - interval '${FAILURES_FORGOTTEN_AFTER}' THEN 1
           ELSE a.failures + 1 END,
         locked_until = CASE
           WHEN a.locked_until > now() THEN a.locked_until
           WHEN a.updated_at < now() - interval '${FAILURES_FORGOTTEN_AFTER}' THEN NULL
           WHEN a.failures + 1 >= $2 THEN now() + make_interval(secs => least(
             $4::float8, $3::float8 * power(2, least(a.failures + 1 - $2, 30))))
           ELSE NULL END,
         updated_at = CASE WHEN a.locked_until > now() THEN a.updated_at ELSE now() END
       RETURNING last_attempt_refused AS refused,
                 ceil(extract(epoch FROM locked_until - now()))::int AS "retryAfter"`,
      [emailHash, rule.after, rule.firstSeconds, rule.longestSeconds],
    );
    return row;
  }

  /** Forgets an account's failures and any lock. */
  @GenerateSql({ params: [DummyValue.TEXT] })
  async forgetAccountFailures(emailHash: string): Promise<void> {
    await this.manager.query(`DELETE FROM sign_in_account_lockout WHERE email_hash = $1`, [
      emailHash,
    ]);
  }

  /** Removes the address windows that have ended and the account failures already forgotten. */
  @GenerateSql()
  async removeStale(): Promise<void> {
    await this.manager.query(
      `DELETE FROM sign_in_address_limit WHERE window_started_at < now() - interval '1 minute'`,
    );
    await this.manager.query(
      `DELETE FROM sign_in_account_lockout
       WHERE updated_at < now() - interval '${FAILURES_FORGOTTEN_AFTER}'
         AND (locked_until IS NULL OR locked_until < now())`,
    );
  }
}
