import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { User } from '../users/user.entity';
import { CodingComparison, ReportCode, ReportCodeInput } from './report-codes.graphql';
import { ReportCodesService } from './report-codes.service';
import { Report } from './reports.graphql';
import { REPORT_IMPORTERS, REPORT_READERS } from './reports.resolver';
import { ReportsService } from './reports.service';

/** Analysts and administrators code reports; trainers read the codes (and compare coders). */
@Resolver(() => Report)
export class ReportCodesResolver {
  constructor(
    private readonly coding: ReportCodesService,
    private readonly library: ReportsService,
  ) {}

  @ResolveField(() => [ReportCode], {
    description: "The report's coded passages in reading order, of one coder when given",
  })
  codes(
    @Parent() report: Report,
    @Args('coderId', { type: () => ID, nullable: true }) coderId: string | null,
  ) {
    return this.coding.list(report.id, coderId ?? null);
  }

  @Roles(...REPORT_IMPORTERS)
  @Mutation(() => ReportCode, {
    description: 'Codes a passage of a report as a finding or as case characteristics',
  })
  codeReportPassage(
    @CurrentUser() user: User,
    @Args('reportId', { type: () => ID }) reportId: string,
    @Args('input') input: ReportCodeInput,
  ) {
    return this.coding.codePassage(user, reportId, input);
  }

  @Roles(...REPORT_IMPORTERS)
  @Mutation(() => ReportCode, {
    description: 'Edits a code, or moves it to another passage (page, offsets and quote)',
  })
  updateReportCode(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: ReportCodeInput,
  ) {
    return this.coding.update(user, id, expectedVersion, input);
  }

  @Roles(...REPORT_IMPORTERS)
  @Mutation(() => ReportCode, {
    description: 'Removes a code; restoreReportCode with its id undoes it',
  })
  removeReportCode(@CurrentUser() user: User, @Args('id', { type: () => ID }) id: string) {
    return this.coding.setRemoved(user, id, true);
  }

  @Roles(...REPORT_IMPORTERS)
  @Mutation(() => ReportCode, { description: 'Undoes the removal of a code' })
  restoreReportCode(@CurrentUser() user: User, @Args('id', { type: () => ID }) id: string) {
    return this.coding.setRemoved(user, id, false);
  }

  @Roles(...REPORT_IMPORTERS)
  @Mutation(() => Report, {
    description: 'Says the report is coded: from then on its codes count in the corpus',
  })
  async markReportCoded(
    @CurrentUser() user: User,
    @Args('reportId', { type: () => ID }) reportId: string,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion: number | null,
  ) {
    await this.coding.markCoded(user, reportId, expectedVersion, true);
    return this.library.report(reportId);
  }

  @Roles(...REPORT_IMPORTERS)
  @Mutation(() => Report, { description: 'Takes the report out of the corpus until coded again' })
  async unmarkReportCoded(
    @CurrentUser() user: User,
    @Args('reportId', { type: () => ID }) reportId: string,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion: number | null,
  ) {
    await this.coding.markCoded(user, reportId, expectedVersion, false);
    return this.library.report(reportId);
  }

  @Roles(...REPORT_READERS)
  @Query(() => CodingComparison, {
    description: "Two coders' agreement on a report: Cohen's kappa per category and per theme",
  })
  codingComparison(
    @Args('reportId', { type: () => ID }) reportId: string,
    @Args('userA', { type: () => ID }) userA: string,
    @Args('userB', { type: () => ID }) userB: string,
  ) {
    return this.coding.compare(reportId, userA, userB);
  }
}
