import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { AccountVersionArgs, ChangeRoleArgs, ResetPasswordArgs } from './dto/account-admin.args';
import { PasswordReset } from './dto/account.outputs';
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
  createUser(@CurrentUser() actor: User, @Args('input') input: CreateUserInput): Promise<User> {
    return this.usersService.create(input, actor);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, {
    description:
      'Gives an account another role and ends its sessions (administrators only; one active administrator must remain)',
  })
  changeUserRole(@CurrentUser() actor: User, @Args() args: ChangeRoleArgs): Promise<User> {
    return this.usersService.changeRole(actor, args.id, args.expectedVersion, args.role);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, {
    description:
      'Stops an account signing in and ends its sessions at once (administrators only; one active administrator must remain)',
  })
  deactivateUser(@CurrentUser() actor: User, @Args() args: AccountVersionArgs): Promise<User> {
    return this.usersService.deactivate(actor, args.id, args.expectedVersion);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, {
    description: 'Lets a deactivated account sign in again (administrators only)',
  })
  reactivateUser(@CurrentUser() actor: User, @Args() args: AccountVersionArgs): Promise<User> {
    return this.usersService.reactivate(actor, args.id, args.expectedVersion);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => PasswordReset, {
    description:
      "Sets an account's password, given or generated, and ends its sessions (administrators only)",
  })
  resetUserPassword(
    @CurrentUser() actor: User,
    @Args() args: ResetPasswordArgs,
  ): Promise<PasswordReset> {
    return this.usersService.resetPassword(actor, args.id, args.expectedVersion, args.newPassword);
  }
}
