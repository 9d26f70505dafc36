import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../users/user.entity';
import { Report, ReportConnection, ReportFilter } from './reports.graphql';
import { ReportsService } from './reports.service';

/** Analysts and administrators bring reports in; trainers read them too. */
export const REPORT_READERS = [Role.ANALYST, Role.ADMIN, Role.TRAINER];
export const REPORT_IMPORTERS = [Role.ANALYST, Role.ADMIN];

@Resolver(() => Report)
export class ReportsResolver {
  constructor(private readonly library: ReportsService) {}

  @Roles(...REPORT_READERS)
  @Query(() => ReportConnection, { description: 'The report library, newest first' })
  reports(
    @Args('filter', { type: () => ReportFilter, nullable: true }) filter: ReportFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.library.list(filter ?? {}, first, after);
  }

  @Roles(...REPORT_READERS)
  @Query(() => Report, { nullable: true })
  report(@Args('id', { type: () => ID }) id: string) {
    return this.library.report(id);
  }
}
