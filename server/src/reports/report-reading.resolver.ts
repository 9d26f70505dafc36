import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { QUERY_COSTS } from '../graphql/query-cost';
import { Role, User } from '../users/user.entity';
import { ReportReadingService } from './report-reading.service';
import { Report, ReportFilter, ReportHit, ReportPage } from './reports.graphql';
import { REPORT_READERS } from './reports.resolver';
import type { ReportRow } from './reports.types';

/** Reading the library: pages, search, withdrawal. */
@Resolver(() => Report)
export class ReportReadingResolver {
  constructor(private readonly reading: ReportReadingService) {}

  @ResolveField(() => [ReportPage], { description: 'The text page by page, in order' })
  pages(@Parent() report: ReportRow) {
    return this.reading.pages(report.id);
  }

  @Roles(...REPORT_READERS)
  @Query(() => [ReportHit], {
    description:
      'Full-text search of the library page by page (English stemming; "phrases", OR, -word, prefix*), best first',
    complexity: QUERY_COSTS.search,
  })
  searchReports(
    @Args('query') query: string,
    @Args('filter', { type: () => ReportFilter, nullable: true }) filter: ReportFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
  ) {
    return this.reading.search(query, filter, first);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Report, {
    description:
      'Takes a report out of the library at once (administrators): out of lists and search; who and why are kept',
  })
  withdrawReport(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ) {
    return this.reading.withdraw(user, id, reason);
  }
}
