import { Injectable } from '@nestjs/common';
import { FINDING_CATEGORIES, FINDING_CATEGORY_DESCRIPTIONS } from '@scr/shared';
import { badInput, conflict, forbidden, notFound } from '../common/app-error';
import { ThemeKeysService } from '../themes/theme-keys.service';
import { Role } from '../users/user.entity';
import { compareCoding } from './coding-comparison';
import { CodingComparison, ReportCodeInput } from './report-codes.graphql';
import { CodeFields, ReportCodeRow, ReportCodesRepository } from './report-codes.repository';

/** Who codes: the signed-in account's id and role. */
export interface Coder {
  id: string;
  role: Role;
}

/** Coding passages of reports, marking reports coded, and comparing two coders. */
@Injectable()
export class ReportCodesService {
  constructor(
    private readonly codes: ReportCodesRepository,
    private readonly themeKeys: ThemeKeysService,
  ) {}

  /** The input checked against the report's page and the vocabulary, as the row stores it. */
  private async checked(
    codes: ReportCodesRepository,
    reportId: string,
    input: ReportCodeInput,
  ): Promise<CodeFields> {
    if (input.endOffset <= input.startOffset)
      throw badInput('endOffset: the passage must end after it starts.', { field: 'endOffset' });
    const passage = await codes.passage(
      reportId,
      input.pageNumber,
      input.startOffset,
      input.endOffset,
    );
    if (!passage)
      throw badInput(`pageNumber: the report has no page ${input.pageNumber}.`, {
        field: 'pageNumber',
      });
    if (input.endOffset > passage.length)
      throw badInput(
        `endOffset: page ${input.pageNumber} has ${passage.length} characters; the passage ends past it.`,
        { field: 'endOffset' },
      );
    if (passage.text !== input.quote)
      throw badInput("quote: the quoted text is not the page's text at those offsets.", {
        field: 'quote',
      });
    const finding = input.kind === 'FINDING';
    if (finding) {
      for (const field of ['category', 'effect', 'statement'] as const)
        if (!input[field] || (field === 'statement' && !input.statement?.trim()))
          throw badInput(`${field}: a finding needs its ${field}.`, { field });
    } else {
      for (const field of ['category', 'effect', 'statement'] as const)
        if (input[field] != null)
          throw badInput(`${field}: case characteristics carry theme keys only.`, { field });
    }
    const themeKeys = await this.themeKeys.validate(
      input.themeKeys ?? [],
      'themeKeys',
      finding ? 'PRACTICE_THEME' : 'CASE_CHARACTERISTIC',
    );
    if (!finding && themeKeys.length === 0)
      throw badInput('themeKeys: case characteristics need at least one theme key.', {
        field: 'themeKeys',
      });
    return {
      kind: input.kind,
      pageNumber: input.pageNumber,
      startOffset: input.startOffset,
      endOffset: input.endOffset,
      quote: input.quote,
      category: finding ? input.category! : null,
      effect: finding ? input.effect! : null,
      statement: finding ? input.statement!.trim() : null,
      themeKeys,
    };
  }

  private async codableReport(codes: ReportCodesRepository, reportId: string) {
    const report = await codes.reportState(reportId, true);
    if (!report || report.withdrawn) throw notFound(`There is no report with id ${reportId}.`);
    return report;
  }

  /** An analyst changes only their own codes; an administrator any. */
  private async ownCode(codes: ReportCodesRepository, id: string, user: Coder) {
    const code = await codes.code(id, true);
    if (!code) throw notFound(`There is no report code with id ${id}.`);
    if (code.coderId !== user.id && user.role !== Role.ADMIN)
      throw forbidden("Only its coder (or an administrator) may change another analyst's code.");
    return code;
  }

  codePassage(user: Coder, reportId: string, input: ReportCodeInput): Promise<ReportCodeRow> {
    return this.codes.transaction(async (transaction) => {
      const codes = this.codes.in(transaction);
      await this.codableReport(codes, reportId);
      const id = await codes.insert(reportId, user.id, await this.checked(codes, reportId, input));
      return (await codes.code(id))!;
    });
  }

  update(
    user: Coder,
    id: string,
    expectedVersion: number,
    input: ReportCodeInput,
  ): Promise<ReportCodeRow> {
    return this.codes.transaction(async (transaction) => {
      const codes = this.codes.in(transaction);
      const code = await this.ownCode(codes, id, user);
      if (code.removedAt) throw notFound(`The report code ${id} was removed.`);
      if (code.version !== expectedVersion)
        throw conflict(
          `Someone else saved this code first: you edited version ${expectedVersion}, it is now at version ${code.version}.`,
          { currentVersion: code.version, expectedVersion },
        );
      await this.codableReport(codes, code.reportId);
      await codes.update(id, await this.checked(codes, code.reportId, input));
      return (await codes.code(id))!;
    });
  }

  /** Removes (removed = true) or restores a code; returns it as it is then. */
  setRemoved(user: Coder, id: string, removed: boolean): Promise<ReportCodeRow> {
    return this.codes.transaction(async (transaction) => {
      const codes = this.codes.in(transaction);
      const code = await this.ownCode(codes, id, user);
      if (!!code.removedAt === removed)
        throw badInput(removed ? 'The code is removed already.' : 'The code is not removed.', {
          field: 'id',
        });
      await codes.setRemoved(id, removed);
      return (await codes.code(id))!;
    });
  }

  list(reportId: string, coderId: string | null): Promise<ReportCodeRow[]> {
    return this.codes.codes(reportId, coderId);
  }

  /** Marks the report coded (or not): only then do its codes count in the corpus. */
  markCoded(
    user: Coder,
    reportId: string,
    expectedVersion: number | null | undefined,
    coded: boolean,
  ): Promise<void> {
    return this.codes.transaction(async (transaction) => {
      const codes = this.codes.in(transaction);
      const report = await this.codableReport(codes, reportId);
      if (expectedVersion != null && report.version !== expectedVersion)
        throw conflict(
          `Someone else changed this report first: you saw version ${expectedVersion}, it is now at version ${report.version}.`,
          { currentVersion: report.version, expectedVersion },
        );
      await codes.setCoded(reportId, user.id, coded);
    });
  }

  /** Cohen's kappa per finding category and per theme, over the report's characters. */
  async compare(reportId: string, userA: string, userB: string): Promise<CodingComparison> {
    const report = await this.codes.reportState(reportId);
    if (!report || report.withdrawn) throw notFound(`There is no report with id ${reportId}.`);
    for (const [field, id] of [
      ['userA', userA],
      ['userB', userB],
    ])
      if (!(await this.codes.userExists(id)))
        throw notFound(`${field}: there is no user with id ${id}.`);
    const pageLengths = new Map(
      (await this.codes.pageLengths(reportId)).map((p) => [p.pageNumber, p.length]),
    );
    const spans = (rows: ReportCodeRow[]) =>
      rows.map((row) => ({
        pageNumber: row.pageNumber,
        start: row.startOffset,
        end: row.endOffset,
        keys: [...(row.category ? [row.category] : []), ...row.themeKeys],
      }));
    const [a, b] = [
      spans(await this.codes.codes(reportId, userA)),
      spans(await this.codes.codes(reportId, userB)),
    ];
    const categories = new Set<string>(FINDING_CATEGORIES);
    const themeKeys = [
      ...new Set([...a, ...b].flatMap((s) => s.keys.filter((k) => !categories.has(k)))),
    ].sort();
    const labels = new Map(
      (await this.themeKeys.vocabulary()).map((theme) => [theme.key, theme.label]),
    );
    const characters = [...pageLengths.values()].reduce((sum, n) => sum + n, 0);
    return {
      reportId,
      userA,
      userB,
      characters,
      categories: compareCoding(pageLengths, a, b, [...FINDING_CATEGORIES]).map((row) => ({
        ...row,
        label:
          FINDING_CATEGORY_DESCRIPTIONS[row.key as keyof typeof FINDING_CATEGORY_DESCRIPTIONS]
            .label,
      })),
      themes: compareCoding(pageLengths, a, b, themeKeys).map((row) => ({
        ...row,
        label: labels.get(row.key) ?? row.key,
      })),
    };
  }
}
