import { Module } from '@nestjs/common';
import { UserLoadersProvider } from './user.loaders';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  providers: [UsersService, UsersResolver, UsersRepository, UserLoadersProvider],
  exports: [UsersService],
})
export class UsersModule {}
