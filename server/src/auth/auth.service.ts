import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { unauthenticated } from '../common/app-error';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { SessionService } from './session.service';
import { SignInLimits } from './sign-in-limits';
import { TokenService } from './token.service';

const WRONG_CREDENTIALS = 'The email or password is not correct.';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: User;
  /** For the httpOnly refresh cookie only; never sent in a response body. */
  refreshCredential: string;
}

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly decoyHash = argon2.hash('decoy password for unknown accounts', {
    type: argon2.argon2id,
  });

  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly limits: SignInLimits,
  ) {}

  /** Signs in from a client address (see clientAddress), within the sign-in limits. */
  async login(email: string, password: string, address: string): Promise<SignedIn> {
    await this.limits.admit(address, email);
    const user = await this.users.findForSignIn(email);
    const hash = user?.passwordHash ?? (await this.decoyHash);
    const matches = await argon2.verify(hash, password).catch(() => false);
    if (!user || !matches) throw unauthenticated(WRONG_CREDENTIALS);
    await this.limits.succeeded(email);
    if (user.deactivatedAt) {
      throw unauthenticated('This account has been deactivated; ask an administrator.');
    }
    user.lastSignInAt = await this.users.recordSignIn(user.id);
    const session = await this.sessions.open(user.id, this.tokens.lifetimeSeconds);
    const access = await this.tokens.issue(
      { userId: user.id, sessionId: session.sessionId },
      session.expiresAt,
    );
    return { ...access, user, refreshCredential: session.refreshCredential };
  }

  /** A new access token for the session a refresh cookie names; null when it no longer may. */
  async refresh(
    credential: string | undefined,
  ): Promise<{ token: string; expiresAt: Date; user: User } | null> {
    const found = await this.sessions.fromRefreshCredential(credential);
    if (!found) return null;
    const access = await this.tokens.issue(
      { userId: found.user.id, sessionId: found.session.id },
      found.session.expiresAt,
    );
    return { ...access, user: found.user };
  }

  /** Ends the session of an access token and of a refresh credential, whichever are given and valid. */
  async signOut(token: string | undefined, refreshCredential: string | undefined): Promise<void> {
    if (token) {
      const subject = await this.tokens.verify(token).catch(() => null);
      if (subject) await this.sessions.revoke(subject.sessionId);
    }
    const fromCookie = await this.sessions.fromRefreshCredential(refreshCredential);
    if (fromCookie) await this.sessions.revoke(fromCookie.session.id);
  }
}
