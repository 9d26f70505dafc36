import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../graphql/graphql-context';
import { AuthService } from './auth.service';
import { bearerTokenOf } from './bearer-token';
import { AuthPayload } from './dto/auth-payload.output';
import { Public } from './public.decorator';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie';
import { clientAddress } from './sign-in-limits';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Signs in; the token is sent with every other call. A browser also gets an httpOnly cookie that POST /api/auth/refresh exchanges for a new token after a reload',
  })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() ctx: GraphqlContext,
  ): Promise<AuthPayload> {
    const { refreshCredential, ...payload } = await this.auth.login(
      email,
      password,
      clientAddress(ctx.req.ip),
    );
    setRefreshCookie(ctx.req, ctx.res, refreshCredential, payload.expiresAt);
    return payload;
  }

  // Public so that signing out always clears the cookie, even with a token that has already ended.
  @Public()
  @Mutation(() => Boolean, {
    description:
      'Ends the session of the token it is sent with, on every instance, and clears the refresh cookie',
  })
  async signOut(@Context() ctx: GraphqlContext): Promise<boolean> {
    await this.auth.signOut(bearerTokenOf(ctx.req), refreshCookieOf(ctx.req));
    clearRefreshCookie(ctx.req, ctx.res);
    return true;
  }
}
