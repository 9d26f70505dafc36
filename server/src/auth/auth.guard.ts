import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthenticated } from '../common/app-error';
import { Role } from '../users/user.entity';
import { IS_PUBLIC } from './public.decorator';
import { bearerTokenOf } from './bearer-token';
import { httpOf } from './request-context';
import { REQUIRED_ROLES } from './roles.decorator';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

/**
 * Every resolver and route requires a signed-in account unless marked @Public(); @Roles(...)
 * narrows it further. The account and its session are reloaded on each request (one statement),
 * so that signing out, a deactivation or a changed role takes effect at once on every instance,
 * not when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const { req } = httpOf(context);
    const token = bearerTokenOf(req);
    if (!token) throw unauthenticated();

    const user = await this.sessions.userFor(await this.tokens.verify(token));
    req.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw forbidden(
        `This needs the role ${roles.join(' or ')}; you are signed in as ${user.role}.`,
      );
    }
    return true;
  }
}
