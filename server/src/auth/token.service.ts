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

  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const lifetime = ttlSeconds(this.config.SCR_TOKEN_TTL);
    const token = await this.jwt.signAsync({ sub: userId } satisfies TokenClaims, {
      secret: this.key as unknown as string,
      expiresIn: lifetime,
      algorithm: 'HS256',
    });
    return { token, expiresAt: new Date(Date.now() + lifetime * 1000) };
  }

  /** The account id in a valid token; UNAUTHENTICATED for an expired, forged or malformed one. */
  async verify(token: string): Promise<string> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, {
        secret: this.key as unknown as string,
        algorithms: ['HS256'],
      });
      return claims.sub;
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw unauthenticated(
        expired ? 'Your session has expired; sign in again.' : 'Sign in to continue.',
      );
    }
  }
}
