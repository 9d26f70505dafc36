import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppError } from '../common/app-error';
import { AppConfig } from '../config/app-config';
import { SignInLimitsRepository } from './sign-in-limits.repository';

/** After this many failed sign-ins in a row an account is locked... */
export const LOCKOUT_AFTER_FAILURES = 5;
/** ...for this long, doubled with each further failure... */
export const LOCKOUT_FIRST_SECONDS = 60;
/** ...up to this long. */
export const LOCKOUT_LONGEST_SECONDS = 3600;
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
    private readonly counters: SignInLimitsRepository,
  ) {}

  /**
   * Counts an attempt against its address and its account, and refuses it when either is over
   * its limit. The attempt is counted as a failure in advance; `succeeded` forgets the failures.
   */
  async admit(address: string, email: string): Promise<void> {
    this.cleanUpNowAndThen();
    const byAddress = await this.counters.countAddressAttempt(address);
    if (byAddress.attempts > this.config.SCR_LOGIN_RATE_LIMIT) {
      throw tooMany(
        'Too many sign-in attempts from this address',
        Math.max(1, byAddress.retryAfter),
      );
    }

    const byAccount = await this.counters.countAccountAttempt(emailKey(email), {
      after: LOCKOUT_AFTER_FAILURES,
      firstSeconds: LOCKOUT_FIRST_SECONDS,
      longestSeconds: LOCKOUT_LONGEST_SECONDS,
    });
    if (byAccount.refused) {
      throw tooMany('Too many failed sign-ins for this account', Math.max(1, byAccount.retryAfter));
    }
  }

  /** A successful sign-in: the account's failures and any lock are forgotten. */
  async succeeded(email: string): Promise<void> {
    await this.counters.forgetAccountFailures(emailKey(email));
  }

  private cleanUpNowAndThen(): void {
    if (Date.now() - this.lastCleanUp < CLEAN_UP_EVERY_MS) return;
    this.lastCleanUp = Date.now();
    void this.counters
      .removeStale()
      .catch((error: Error) =>
        this.logger.warn(`Could not clear old sign-in limits: ${error.message}`),
      );
  }
}
