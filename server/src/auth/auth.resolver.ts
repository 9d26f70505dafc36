import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthService } from './auth.service';
import { AuthPayload } from './dto/auth-payload.output';
import { Public } from './public.decorator';
import { SignInThrottlerGuard } from './sign-in-throttler.guard';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(SignInThrottlerGuard)
  @Mutation(() => AuthPayload, { description: 'Signs in; the token is sent with every other call' })
  login(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayload> {
    return this.auth.login(email, password);
  }
}
