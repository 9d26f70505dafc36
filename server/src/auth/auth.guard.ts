import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { unauthenticated } from '../common/app-error';
import { bearerTokenOf } from './bearer-token';
import { PolicyEnforcer, policyOf } from './policy-enforcer';
import { httpOf } from './request-context';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

/**
 * Every resolver and route declares exactly one permission rule next to its definition
 * (server/src/auth/policy.ts): @Public(), @SignedIn(...), @Roles(...), @OnReview(...) or
 * @OwnsCollection(...); this guard enforces it, and refuses an operation that declares none.
 * The account and its session are reloaded on each request (one statement), so that signing out,
 * a deactivation or a changed role takes effect at once on every instance, not when the token
 * expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly policies: PolicyEnforcer,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = policyOf(context);
    if (policy.kind === 'public') return true;

    const { req } = httpOf(context);
    const token = bearerTokenOf(req);
    if (!token) throw unauthenticated();

    const user = await this.sessions.userFor(await this.tokens.verify(token));
    req.user = user;

    await this.policies.enforce(policy, user, context);
    return true;
  }
}
