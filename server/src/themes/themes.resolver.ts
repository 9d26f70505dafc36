import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ThemeKindName } from '@scr/shared';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { GraphqlContext } from '../graphql/graphql-context';
import { ThemeKind } from '../graphql/enums';
import { Role, User } from '../users/user.entity';
import { ThemeInput } from './dto/theme.input';
import { Theme } from './theme.entity';
import { ThemesService } from './themes.service';
import { SignedIn } from '../auth/policy';

@Resolver(() => Theme)
export class ThemesResolver {
  constructor(private readonly vocabulary: ThemesService) {}

  @SignedIn('the vocabulary, the same for everyone')
  @Query(() => [Theme], { description: 'The controlled vocabulary, optionally of one kind' })
  async themes(
    @Context() ctx: GraphqlContext,
    @Args('kind', { type: () => ThemeKind, nullable: true }) kind?: ThemeKindName,
  ) {
    const all = [...(await ctx.loaders.themes()).values()];
    return kind ? all.filter((theme) => theme.kind === kind) : all;
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Theme, { description: 'Adds a term to the vocabulary (administrators only)' })
  createTheme(@CurrentUser() user: User, @Args('input') input: ThemeInput): Promise<Theme> {
    return this.vocabulary.create(user, input);
  }
}
