import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { GraphqlContext } from '../common/graphql-context';
import { QUERY_COSTS } from '../graphql/query-cost';
import { Connection, decodeCursor, lazily, pageSize, toConnection } from '../common/pagination';
import { ReviewAccessService } from '../reviews/review-access.service';
import { Review } from '../reviews/review.entity';
import { Role, User } from '../users/user.entity';
import { AuditEvent } from './audit-event.entity';

export const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');

@Resolver(() => Review)
export class AuditTrailResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
  ) {}

  @ResolveField(() => AuditEventConnection, {
    description: 'Every change to the review, newest first (administrators and the lead reviewer)',
    complexity: QUERY_COSTS.page,
  })
  async auditTrail(
    @Parent() review: Review,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    await this.access.require(user, review.id, 'manage', ctx.loaders);
    const limit = pageSize(first, 100);
    const cursor = decodeCursor(after, 1) as [string] | null;
    const query = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('audit')
      .where('audit.review_id = :reviewId', { reviewId: review.id });
    if (cursor) query.andWhere('audit.id < :before', { before: cursor[0] });
    const rows = await query
      .orderBy('audit.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const total = lazily(() =>
      this.dataSource.getRepository(AuditEvent).countBy({ reviewId: review.id }),
    );
    return toConnection(rows, limit, total, (row) => [row.id]);
  }
}

@Resolver(() => AuditEvent)
export class GeneralAuditTrailResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditEventConnection, {
    description:
      'Changes not tied to a review (accounts, themes, collections), newest first (administrators only)',
  })
  async generalAuditTrail(
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('entityType', {
      nullable: true,
      description: 'Only changes to this kind of record: User, Theme, Collection',
    })
    entityType?: string,
  ) {
    const limit = pageSize(first, 100);
    const cursor = decodeCursor(after, 1) as [string] | null;
    const scoped = () => {
      const query = this.dataSource
        .getRepository(AuditEvent)
        .createQueryBuilder('audit')
        .where('audit.review_id IS NULL');
      if (entityType) query.andWhere('audit.entity_type = :entityType', { entityType });
      return query;
    };
    const page = scoped();
    if (cursor) page.andWhere('audit.id < :before', { before: cursor[0] });
    const rows = await page
      .orderBy('audit.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toConnection(
      rows,
      limit,
      lazily(() => scoped().getCount()),
      (row) => [row.id],
    );
  }
}
