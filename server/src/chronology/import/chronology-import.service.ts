import { Injectable } from '@nestjs/common';
import { parsePartialDate } from '@scr/shared';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { AuditService } from '../../audit/audit.service';
import { AppError, badInput, notFound } from '../../common/app-error';
import { RequestLoadersFactory } from '../../common/request-loaders';
import { today } from '../../common/today';
import { Agency } from '../../reviews/agency.entity';
import { ReviewAccessService } from '../../reviews/review-access.service';
import { Review } from '../../reviews/review.entity';
import { User } from '../../users/user.entity';
import { DuplicatesService } from '../duplicates.service';
import { ChronologyImportRepository, ImportedEvent } from './chronology-import.repository';
import { ColumnMapping, detectMapping, mappingProblems } from './column-mapping';
import {
  CommitResult,
  DryRunResult,
  ImportJob,
  ImportOptions,
  ImportProgress,
  ImportWarning,
  ProgressReport,
  Tally,
} from './import-job';
import { ImportedRow, readRow } from './row-reader';
import { IMPORT_HEARTBEAT_MS, IMPORT_STALE_MINUTES } from './import-recovery.service';
import { ImportProgressRepository } from './import-progress.repository';
import { OpenSheet, openSheet } from './spreadsheet-reader';
import { THIS_INSTANCE } from './upload-folder';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REPLACEMENT_CHARACTER = '\uFFFD';
export const PREVIEW_ROWS = 500;
const PROGRESS_EVERY_ROWS = 2000;
const COUNT_DUPLICATES_UP_TO = 20_000;
export const MAX_PROBLEMS_LISTED = 1000;
const BATCH = 2000;

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads an agency's chronology (CSV or XLSX) into a review's timeline: a dry run returns what it
 * read and every problem; a commit stores every row in one transaction, or none of them unless
 * the reviewer chose to skip the bad rows.
 */
@Injectable()
export class ChronologyImportService {
  constructor(
    private readonly imports: ChronologyImportRepository,
    private readonly progressRows: ImportProgressRepository,
    private readonly loaderFactory: RequestLoadersFactory,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
    private readonly duplicates: DuplicatesService,
  ) {}

  async run(
    user: User,
    reviewId: string,
    path: string,
    options: ImportOptions,
  ): Promise<DryRunResult | CommitResult> {
    const loaders = this.loaderFactory.create();
    const review = await this.access.require(user, reviewId, 'edit', loaders);
    const agencies = await loaders.agenciesByReview.load(reviewId);
    const agency = options.agencyId ? agencies.find((a) => a.id === options.agencyId) : null;
    if (options.agencyId && !agency) {
      throw badInput(
        `agencyId: agency ${options.agencyId} is not part of this review; add it to the review's agencies first.`,
        { field: 'agencyId', value: options.agencyId },
      );
    }

    const sheet = await openSheet(path, options.fileName, options.sheet);
    const hash = await sha256(path);
    const progress = await this.startProgress(options, reviewId, hash);
    const report = progress.report;
    try {
      return await this.read(
        user,
        review,
        agency,
        agencies,
        sheet,
        hash,
        progress.id,
        report,
        options,
      );
    } catch (error) {
      await progress.fail();
      throw error;
    } finally {
      progress.stop();
    }
  }

  private async duplicateWarnings(reviewId: string, hash: string, progressId: string) {
    const warnings: ImportWarning[] = [];
    const earlier = await this.imports.latestOf(reviewId, hash);
    if (earlier) {
      warnings.push({
        message: `This file looks like one already imported (${earlier.file_name}, ${new Date(earlier.imported_at).toISOString().slice(0, 10)}, ${earlier.rows_imported} events): importing it again would duplicate those events.`,
      });
    }
    const running = await this.progressRows.countRunning(
      reviewId,
      hash,
      progressId,
      IMPORT_STALE_MINUTES,
    );
    if (running > 0) {
      warnings.push({
        message: `The same file is being imported into this review right now (${running === 1 ? 'another import' : `${running} other imports`}): importing it again would duplicate those events.`,
      });
    }
    return warnings;
  }

  private async read(
    user: User,
    review: Review,
    agency: Agency | null | undefined,
    agencies: Agency[],
    sheet: OpenSheet,
    hash: string,
    progressId: string,
    report: ProgressReport,
    options: ImportOptions,
  ): Promise<DryRunResult | CommitResult> {
    const reviewId = review.id;
    const mapping =
      options.mapping ??
      (await this.rememberedMapping(agency, sheet.headings)) ??
      detectMapping(sheet.headings);
    const problems = mappingProblems(mapping, sheet.headings);
    if (problems.length > 0)
      throw badInput(`The columns cannot be read as a chronology: ${problems.join('; ')}.`, {
        field: 'mapping',
        problems,
        headings: sheet.headings,
        mapping,
      });

    const tally: Tally = {
      warnings: await this.duplicateWarnings(reviewId, hash, progressId),
      errors: [],
      errorCount: 0,
      preview: [],
      totalRows: 0,
      pending: [],
      imported: 0,
    };
    const job: ImportJob = {
      user,
      reviewId,
      agency,
      mapping,
      hash,
      sheet,
      context: {
        mapping,
        fileName: options.fileName,
        agency: agency ? { id: agency.id, name: agency.name } : null,
        agenciesByName: new Map(
          agencies.map((a: Agency) => [a.name.toLowerCase(), { id: a.id, name: a.name }]),
        ),
      },
      latest: [review.periodEnd, today()].filter(Boolean).sort()[0] as string,
      tally,
      report,
      options,
    };
    try {
      if (!options.dryRun) return await this.commit(job);
      await this.readRecords(job, null);
      await report(tally.totalRows, options.fileSize, 'done');
      return {
        headings: sheet.headings,
        mapping,
        encoding: sheet.encoding,
        totalRows: tally.totalRows,
        rows: tally.preview,
        errors: tally.errors,
        errorCount: tally.errorCount,
        warnings: tally.warnings,
      };
    } catch (error) {
      await report(tally.totalRows, sheet.bytesRead(), 'failed');
      throw error;
    }
  }

  /** Reads and stores every row in one transaction, or none of them. */
  private async commit(job: ImportJob): Promise<CommitResult> {
    const { user, reviewId, agency, tally, report, options } = job;
    const importId = await this.imports.transaction(async (transaction) => {
      const imports = this.imports.in(transaction);
      await imports.allowLongWork();
      const flush = async () => {
        if (tally.pending.length > 0 && (tally.errorCount === 0 || options.skipBadRows)) {
          await imports.insertEvents(reviewId, toStored(tally.pending));
          tally.imported += tally.pending.length;
        }
        tally.pending = [];
      };
      await this.readRecords(job, flush);
      await report(tally.totalRows, options.fileSize, 'storing');
      if (tally.errorCount > 0 && !options.skipBadRows) {
        throw new AppError(
          'BAD_USER_INPUT',
          `${tally.errorCount} row${tally.errorCount === 1 ? '' : 's'} could not be read; nothing was imported. Correct them, or import with the bad rows skipped.`,
          { errors: tally.errors, errorCount: tally.errorCount },
          422,
        );
      }
      await flush();
      const id = await imports.record({
        reviewId,
        agencyId: agency?.id ?? null,
        fileName: options.fileName,
        fileHash: job.hash,
        rowsImported: tally.imported,
        rowsSkipped: tally.errorCount,
        importedBy: user.id,
      });
      if (agency) await imports.rememberMapping(agency.id, job.mapping);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'TimelineEvent',
        entityId: null,
        action: 'import',
        after: {
          file: options.fileName,
          agency: agency?.name ?? null,
          imported: tally.imported,
          skippedRows: tally.errors,
        },
      });
      return id;
    });
    await report(tally.totalRows, options.fileSize, 'done');
    // Counting them is quick for the files agencies send; a very large import leaves it to the review page.
    const duplicateCandidates =
      tally.imported <= COUNT_DUPLICATES_UP_TO
        ? (await this.duplicates.candidates(reviewId, 200)).length
        : null;
    return {
      imported: tally.imported,
      duplicateCandidates,
      skipped: tally.errors,
      warnings: tally.warnings,
      importId,
    };
  }

  /**
   * Reads every record of the sheet into the job's tally: the preview, the problems and warnings,
   * and, when `flush` is given (a commit), the rows to store, handed to `flush` a batch at a time.
   */
  private async readRecords(job: ImportJob, flush: (() => Promise<void>) | null): Promise<void> {
    const { sheet, context, latest, tally, report } = job;
    const { warnings, errors, preview } = tally;
    for await (const record of sheet.records) {
      tally.totalRows += 1;
      if (tally.totalRows % PROGRESS_EVERY_ROWS === 0)
        await report(tally.totalRows, sheet.bytesRead(), 'reading');
      if (sheet.encoding === 'utf-8' && warnings.length < MAX_PROBLEMS_LISTED) {
        const damaged = Object.entries(record.values).filter(
          ([, value]) => typeof value === 'string' && value.includes(REPLACEMENT_CHARACTER),
        );
        if (damaged.length > 0) {
          warnings.push({
            row: record.row,
            message: `${damaged.map(([column]) => column).join(', ')}: bytes that are not valid UTF-8 were read as "${REPLACEMENT_CHARACTER}"; save the file as UTF-8 again, or correct the text after importing`,
          });
        }
      }
      const read = readRow(record, context);
      if (Array.isArray(read)) {
        tally.errorCount += read.length;
        if (errors.length < MAX_PROBLEMS_LISTED)
          errors.push(...read.slice(0, MAX_PROBLEMS_LISTED - errors.length));
        continue;
      }
      if (read.occurredOn.slice(0, 10) > latest && warnings.length < MAX_PROBLEMS_LISTED) {
        warnings.push({
          row: read.row,
          message: `${read.originalDate} is after the end of the period under review or today (${latest})`,
        });
      }
      if (preview.length < PREVIEW_ROWS) preview.push(read);
      if (flush) {
        tally.pending.push(read);
        if (tally.pending.length >= BATCH) await flush();
      }
    }
    if (tally.totalRows === 0)
      throw badInput('The file has a heading row but no entries.', { field: 'file' });
  }

  /**
   * Records progress outside the import's transaction, so that a poll from any server instance sees
   * it while the import runs. Every import has a row, under the client's progress id or a new one:
   * it names the instance running it and the content's hash, and is refreshed while the import runs
   * (see ImportRecoveryService for why).
   */
  private async startProgress(options: ImportOptions, reviewId: string, hash: string) {
    const given = options.progressId;
    const id = given && UUID.test(given) ? given : randomUUID();
    await this.progressRows.forgetOld();
    await this.progressRows.start({
      id,
      reviewId,
      totalBytes: options.fileSize,
      owner: THIS_INSTANCE.tag,
      fileHash: hash,
      dryRun: options.dryRun,
    });
    const heartbeat = setInterval(() => {
      this.progressRows.touch(id).catch(() => undefined);
    }, IMPORT_HEARTBEAT_MS);
    heartbeat.unref();
    const report: ProgressReport = (rows, bytes, state) =>
      this.progressRows.report(id, rows, bytes, state);
    return {
      id,
      report,
      fail: () => this.progressRows.fail(id),
      stop: () => clearInterval(heartbeat),
    };
  }

  async progress(user: User, reviewId: string, progressId: string): Promise<ImportProgress> {
    await this.access.require(user, reviewId, 'edit', this.loaderFactory.create());
    const row = await this.progressRows.find(progressId, reviewId);
    if (!row) throw notFound('No import with that progress id is running or has run recently.');
    return row;
  }

  private async rememberedMapping(
    agency: Agency | null | undefined,
    headings: string[],
  ): Promise<ColumnMapping | null> {
    if (!agency) return null;
    const mapping = await this.imports.mappingOf(agency.id);
    if (!mapping) return null;
    return Object.values(mapping).every((heading) => !heading || headings.includes(heading))
      ? mapping
      : null;
  }
}

/** The rows as the timeline stores them, their dates read. */
function toStored(rows: ImportedRow[]): ImportedEvent[] {
  return rows.map((row) => {
    const parsed = parsePartialDate(row.occurredOn, row.precision as never);
    if (typeof parsed === 'string') throw new Error(parsed);
    return {
      occurredOn: row.occurredOn,
      precision: row.precision,
      sortDate: parsed.sortDate,
      endDate: parsed.endDate,
      time: row.time,
      agencyId: row.agencyId,
      title: row.title,
      description: row.description,
      source: row.source,
    };
  });
}
