import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { unauthenticated } from '../common/app-error';
import { UsersService } from '../users/users.service';
import { AuthPayload } from './dto/auth-payload.output';
import { SignInLimits } from './sign-in-limits';
import { TokenService } from './token.service';

const WRONG_CREDENTIALS = 'The email or password is not correct.';

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly decoyHash = argon2.hash('decoy password for unknown accounts', {
    type: argon2.argon2id,
  });

  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly limits: SignInLimits,
  ) {}

  /** Signs in from a client address (see clientAddress), within the sign-in limits. */
  async login(email: string, password: string, address: string): Promise<AuthPayload> {
    await this.limits.admit(address, email);
    const user = await this.users.findForSignIn(email);
    const hash = user?.passwordHash ?? (await this.decoyHash);
    const matches = await argon2.verify(hash, password).catch(() => false);
    if (!user || !matches) throw unauthenticated(WRONG_CREDENTIALS);
    await this.limits.succeeded(email);
    user.lastSignInAt = await this.users.recordSignIn(user.id);
    return { ...(await this.tokens.issue(user.id)), user };
  }
}
