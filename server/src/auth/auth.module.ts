import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { AuthSession } from './auth-session.entity';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PolicyEnforcer } from './policy-enforcer';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';
import { SignInLimits } from './sign-in-limits';
import { TokenService } from './token.service';

@Module({
  imports: [JwtModule.register({}), TypeOrmModule.forFeature([AuthSession, User]), UsersModule],
  controllers: [SessionController],
  providers: [
    AuthService,
    AuthResolver,
    TokenService,
    SessionService,
    SignInLimits,
    PolicyEnforcer,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
