import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { unauthenticated } from '../common/app-error';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthSession } from './auth-session.entity';
import { SessionsRepository } from './sessions.repository';
import { TokenSubject } from './token.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const hashOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export interface OpenedSession {
  sessionId: string;
  /** `<session id>.<secret>`: what the refresh cookie holds. */
  refreshCredential: string;
  expiresAt: Date;
}

/**
 * Sign-in sessions, kept in PostgreSQL so that every instance agrees at once on which are open.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersService,
  ) {}

  async open(userId: string, lifetimeSeconds: number): Promise<OpenedSession> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + lifetimeSeconds * 1000);
    const sessionId = await this.sessions.insert(userId, hashOf(secret), expiresAt);
    return { sessionId, refreshCredential: `${sessionId}.${secret}`, expiresAt };
  }

  /**
   * The account behind a verified token, in one statement, or UNAUTHENTICATED when its session
   * has ended or the account has been deactivated.
   */
  async userFor(subject: TokenSubject): Promise<User> {
    const found = await this.sessions.accountWithSession(subject.userId, subject.sessionId);
    if (!found) throw unauthenticated('This account no longer exists.');
    const { user, open } = found;
    if (user.deactivatedAt) throw unauthenticated('This account has been deactivated.');
    if (!open) throw unauthenticated('Your session has ended; sign in again.');
    return user;
  }

  /**
   * The open session and its account named by a refresh cookie, or null when the cookie is
   * missing, forged, revoked, expired or its account deactivated.
   */
  async fromRefreshCredential(
    credential: string | undefined,
  ): Promise<{ session: AuthSession; user: User } | null> {
    const [sessionId, secret] = (credential ?? '').split('.');
    if (!sessionId || !secret || !UUID.test(sessionId)) return null;
    const session = await this.sessions.findById(sessionId);
    if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return null;
    const expected = Buffer.from(session.refreshHash, 'hex');
    const given = Buffer.from(hashOf(secret), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const user = await this.users.findById(session.userId);
    if (!user || user.deactivatedAt) return null;
    return { session, user };
  }

  async revoke(sessionId: string): Promise<void> {
    if (!UUID.test(sessionId)) return;
    await this.sessions.revoke(sessionId, new Date());
  }
}
