import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { UsersModule } from '../users/users.module';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PolicyEnforcer } from './policy-enforcer';
import { TokenService } from './token.service';

@Module({
  imports: [JwtModule.register({}), UsersModule],
  providers: [
    AuthService,
    AuthResolver,
    TokenService,
    PolicyEnforcer,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
