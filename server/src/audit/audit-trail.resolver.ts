import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { GraphqlContext } from '../graphql/graphql-context';
import { QUERY_COSTS } from '../graphql/query-cost';
import { Connection } from '../common/pagination';
import { ReviewAccessService } from '../reviews/review-access.service';
import { Review } from '../reviews/review.entity';
import { Role, User } from '../users/user.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';

export const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');

@Resolver(() => Review)
export class AuditTrailResolver {
  constructor(
    private readonly audit: AuditService,
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
    return this.audit.reviewTrail(review.id, first, after);
  }
}

@Resolver(() => AuditEvent)
export class GeneralAuditTrailResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditEventConnection, {
    description:
      'Changes not tied to a review (accounts, themes, collections), newest first (administrators only)',
  })
  generalAuditTrail(
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('entityType', {
      nullable: true,
      description: 'Only changes to this kind of record: User, Theme, Collection',
    })
    entityType?: string,
  ) {
    return this.audit.generalTrail(first, after, entityType);
  }
}
