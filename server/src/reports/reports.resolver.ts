import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { Role, User } from '../users/user.entity';
import { ReportReadingService } from './report-reading.service';
import { Report, ReportConnection, ReportFilter } from './reports.graphql';
import { ReportsService } from './reports.service';

/** Analysts and administrators bring reports in; trainers read them too. */
export const REPORT_READERS = [Role.ANALYST, Role.ADMIN, Role.TRAINER];
export const REPORT_IMPORTERS = [Role.ANALYST, Role.ADMIN];

@Resolver(() => Report)
export class ReportsResolver {
  constructor(
    private readonly library: ReportsService,
    private readonly reading: ReportReadingService,
  ) {}

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
  @Query(() => Report, {
    nullable: true,
    description: 'A report of the library; a withdrawn one only for administrators',
  })
  report(@CurrentUser() user: User, @Args('id', { type: () => ID }) id: string) {
    return this.reading.report(user, id);
  }
}
