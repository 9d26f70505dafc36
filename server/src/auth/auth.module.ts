import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { UsersModule } from '../users/users.module';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PolicyEnforcer } from './policy-enforcer';
import { PolicyRepository } from './policy.repository';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';
import { SessionsRepository } from './sessions.repository';
import { SignInLimits } from './sign-in-limits';
import { SignInLimitsRepository } from './sign-in-limits.repository';
import { TokenService } from './token.service';

@Module({
  imports: [JwtModule.register({}), UsersModule],
  controllers: [SessionController],
  providers: [
    AuthService,
    AuthResolver,
    TokenService,
    SessionService,
    SignInLimits,
    PolicyEnforcer,
    PolicyRepository,
    SessionsRepository,
    SignInLimitsRepository,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
