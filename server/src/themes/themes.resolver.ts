import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThemeKindName } from '@scr/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { badInput } from '../common/app-error';
import { GraphqlContext } from '../common/graphql-context';
import { ThemeKind } from '../graphql/enums';
import { Role, User } from '../users/user.entity';
import { ThemeInput } from './dto/theme.input';
import { Theme } from './theme.entity';
import { SignedIn } from '../auth/policy';

@Resolver(() => Theme)
export class ThemesResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

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
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.getRepository(Theme).findOneBy({ key: input.key });
      if (existing)
        throw badInput(`key: the theme "${input.key}" already exists (${existing.label}).`, {
          field: 'key',
          value: input.key,
        });
      const theme = await manager
        .getRepository(Theme)
        .save(manager.getRepository(Theme).create(input));
      await this.audit.record(manager, user, {
        reviewId: null,
        entityType: 'Theme',
        entityId: theme.key,
        action: 'create',
        after: theme,
      });
      return theme;
    });
  }
}
