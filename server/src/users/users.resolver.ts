import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateUserInput } from './dto/create-user.input';
import { Role, User } from './user.entity';
import { UsersService } from './users.service';
import { SignedIn } from '../auth/policy';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @SignedIn('the own account only')
  @Query(() => User, { description: 'The signed-in account' })
  me(@CurrentUser() user: User): User {
    return user;
  }

  @Roles(Role.ADMIN)
  @Query(() => [User], { description: 'Every account (administrators only)' })
  users(): Promise<User[]> {
    return this.usersService.findAll();
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, { description: 'Creates an account (administrators only)' })
  createUser(@Args('input') input: CreateUserInput): Promise<User> {
    return this.usersService.create(input);
  }
}
