import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthenticated } from '../common/app-error';
import { Role } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { IS_PUBLIC } from './public.decorator';
import { httpOf } from './request-context';
import { REQUIRED_ROLES } from './roles.decorator';
import { TokenService } from './token.service';

/**
 * Every resolver and route requires a signed-in account unless marked @Public(); @Roles(...)
 * narrows it further. The account is reloaded on each request so that a removed account or a
 * changed role takes effect at once, not when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const { req } = httpOf(context);
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated();

    const user = await this.users.findById(await this.tokens.verify(token));
    if (!user) throw unauthenticated('This account no longer exists.');
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
