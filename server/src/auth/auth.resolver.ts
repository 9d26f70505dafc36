import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../common/graphql-context';
import { AuthService } from './auth.service';
import { AuthPayload } from './dto/auth-payload.output';
import { Public } from './public.decorator';
import { clientAddress } from './sign-in-limits';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs in; the token is sent with every other call' })
  login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() { req }: GraphqlContext,
  ): Promise<AuthPayload> {
    return this.auth.login(email, password, clientAddress(req.ip));
  }
}
