import { Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { unauthenticated } from '../common/app-error';
import { SettingsService } from '../settings/settings.service';

const TOKEN_SECRET_SETTING = 'token_secret';
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function ttlSeconds(ttl: string): number {
  const match = /^(\d+)([smhd])$/.exec(ttl);
  if (!match) throw new Error(`invalid token lifetime ${ttl}`);
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

interface TokenClaims {
  sub: string;
  /** The session the token belongs to: the token works only while that session does. */
  sid: string;
}

export interface TokenSubject {
  userId: string;
  sessionId: string;
}

/**
 * Signs and checks session tokens. The key comes from SCR_TOKEN_SECRET or, failing that, from the
 * database, so that every instance behind a load balancer accepts every other's tokens.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  /**
   * The signing key as a KeyObject, made once: given a string, the JWT library first tries (and
   * fails) to read it as a public key on every verification, which costs about a millisecond.
   */
  private key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  async onModuleInit(): Promise<void> {
    const secret =
      this.config.SCR_TOKEN_SECRET ??
      (await this.settings.getOrInit(TOKEN_SECRET_SETTING, () =>
        randomBytes(48).toString('base64url'),
      ));
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** How long a sign-in lasts, in seconds. */
  get lifetimeSeconds(): number {
    return ttlSeconds(this.config.SCR_TOKEN_TTL);
  }

  /** An access token for a session, expiring with it. */
  async issue(subject: TokenSubject, expiresAt: Date): Promise<{ token: string; expiresAt: Date }> {
    const lifetime = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
    const token = await this.jwt.signAsync(
      { sub: subject.userId, sid: subject.sessionId } satisfies TokenClaims,
      { secret: this.key as unknown as string, expiresIn: lifetime, algorithm: 'HS256' },
    );
    return { token, expiresAt };
  }

  /**
   * The account and session named by a valid token; UNAUTHENTICATED for an expired, forged or
   * malformed one. Whether the session is still open is the caller's question (see SessionService).
   */
  async verify(token: string): Promise<TokenSubject> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, {
        secret: this.key as unknown as string,
        algorithms: ['HS256'],
      });
      if (typeof claims.sid !== 'string') throw new Error('a token without a session');
      return { userId: claims.sub, sessionId: claims.sid };
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw unauthenticated(
        expired ? 'Your session has expired; sign in again.' : 'Sign in to continue.',
      );
    }
  }
}
