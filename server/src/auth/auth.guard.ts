import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { unauthenticated } from '../common/app-error';
import { UsersService } from '../users/users.service';
import { PolicyEnforcer, policyOf } from './policy-enforcer';
import { httpOf } from './request-context';
import { TokenService } from './token.service';

/**
 * Every resolver and route declares exactly one permission rule next to its definition
 * (server/src/auth/policy.ts): @Public(), @SignedIn(...), @Roles(...), @OnReview(...) or
 * @OwnsCollection(...); this guard enforces it, and refuses an operation that declares none.
 * The account is reloaded on each request so that a removed account or a changed role takes
 * effect at once, not when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly policies: PolicyEnforcer,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = policyOf(context);
    if (policy.kind === 'public') return true;

    const { req } = httpOf(context);
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated();

    const user = await this.users.findById(await this.tokens.verify(token));
    if (!user) throw unauthenticated('This account no longer exists.');
    req.user = user;

    await this.policies.enforce(policy, user, context);
    return true;
  }
}
