import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { AppConfig } from '../config/app-config';

/** After this many failed sign-ins in a row an account is locked... */
export const LOCKOUT_AFTER_FAILURES = 5;
/** ...for this long, doubled with each further failure... */
export const LOCKOUT_FIRST_SECONDS = 60;
/** ...up to this long. */
export const LOCKOUT_LONGEST_SECONDS = 3600;
/** Failures are forgotten after a day without a sign-in attempt on the account. */
const FAILURES_FORGOTTEN_AFTER = '1 day';
/** Rows no longer needed are removed at most this often by each instance. */
const CLEAN_UP_EVERY_MS = 10 * 60_000;

/**
 * The client's address as Express gives it (TRUST_PROXY decides), IPv4 without its IPv6 prefix.
 * A trusted X-Forwarded-For may hold anything, so it is cut to the length of an address.
 */
export function clientAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const address = ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice('::ffff:'.length) : ip;
  return address.slice(0, 64);
}

/** The key of an account's failures: a hash of the email as typed, whether an account has it or not. */
function emailKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

const tooMany = (message: string, seconds: number) =>
  new AppError('UNAUTHENTICATED', `${message}; try again in ${seconds} seconds.`, {
    retryAfterSeconds: seconds,
  });

/**
 * Sign-in limits kept in PostgreSQL, so every instance counts the same attempts: at most
 * SCR_LOGIN_RATE_LIMIT attempts per client address a minute, and an account locked after
 * LOCKOUT_AFTER_FAILURES failures in a row, for a delay that doubles with each further failure.
 * Each check is one atomic UPSERT. Unknown emails are counted and locked exactly like accounts,
 * so the answers never tell whether an account exists.
 */
@Injectable()
export class SignInLimits {
  private readonly logger = new Logger(SignInLimits.name);
  private lastCleanUp = 0;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Counts an attempt against its address and its account, and refuses it when either is over
   * its limit. The attempt is counted as a failure in advance; `succeeded` forgets the failures.
   */
  async admit(address: string, email: string): Promise<void> {
    this.cleanUpNowAndThen();
    const [byAddress] = await this.dataSource.query(
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
    if (byAddress.attempts > this.config.SCR_LOGIN_RATE_LIMIT) {
      throw tooMany(
        'Too many sign-in attempts from this address',
        Math.max(1, byAddress.retryAfter),
      );
    }

    const [byAccount] = await this.dataSource.query(
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
      [emailKey(email), LOCKOUT_AFTER_FAILURES, LOCKOUT_FIRST_SECONDS, LOCKOUT_LONGEST_SECONDS],
    );
    if (byAccount.refused) {
      throw tooMany('Too many failed sign-ins for this account', Math.max(1, byAccount.retryAfter));
    }
  }

  /** A successful sign-in: the account's failures and any lock are forgotten. */
  async succeeded(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_account_lockout WHERE email_hash = $1`, [
      emailKey(email),
    ]);
  }

  private cleanUpNowAndThen(): void {
    if (Date.now() - this.lastCleanUp < CLEAN_UP_EVERY_MS) return;
    this.lastCleanUp = Date.now();
    void (async () => {
      await this.dataSource.query(
        `DELETE FROM sign_in_address_limit WHERE window_started_at < now() - interval '1 minute'`,
      );
      await this.dataSource.query(
        `DELETE FROM sign_in_account_lockout
         WHERE updated_at < now() - interval '${FAILURES_FORGOTTEN_AFTER}'
           AND (locked_until IS NULL OR locked_until < now())`,
      );
    })().catch((error: Error) =>
      this.logger.warn(`Could not clear old sign-in limits: ${error.message}`),
    );
  }
}
