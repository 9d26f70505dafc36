import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { OnReview } from '../auth/policy';
import { GraphqlContext } from '../graphql/graphql-context';
import { FindAccountsArgs } from '../users/dto/account-admin.args';
import { AccountMatch } from '../users/dto/account.outputs';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ReviewAccessService } from './review-access.service';

@Resolver()
export class MemberSearchResolver {
  constructor(
    private readonly access: ReviewAccessService,
    private readonly users: UsersService,
  ) {}

  @OnReview('manage', { arg: 'reviewId' })
  @Query(() => [AccountMatch], {
    description:
      "Up to 10 active accounts, not yet members, whose name or email contains the search: for those who manage the review (its lead reviewer, administrators). Never the account's role",
  })
  async findAccounts(
    @CurrentUser() user: User,
    @Args() { search, reviewId }: FindAccountsArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<AccountMatch[]> {
    await this.access.require(user, reviewId, 'manage', ctx.loaders);
    const members = await ctx.loaders.membersByReview.load(reviewId);
    return this.users.search(
      search,
      members.map((member) => member.userId),
    );
  }
}
