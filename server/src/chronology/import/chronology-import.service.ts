import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parsePartialDate } from '@scr/shared';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { DataSource, QueryRunner } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AppError, badInput, notFound } from '../../common/app-error';
import { RequestLoadersFactory } from '../../common/request-loaders';
import { today } from '../../common/today';
import { LONG_WORK_STATEMENT_TIMEOUT } from '../../database/data-source-options';
import { Agency } from '../../reviews/agency.entity';
import { ReviewAccessService } from '../../reviews/review-access.service';
import { Review } from '../../reviews/review.entity';
import { User } from '../../users/user.entity';
import { DuplicatesService } from '../duplicates.service';
import { ColumnMapping, detectMapping, mappingProblems } from './column-mapping';
import { ImportedRow, readRow, RowProblem } from './row-reader';
import { IMPORT_HEARTBEAT_MS, IMPORT_STALE_MINUTES } from './import-recovery.service';
import { OpenSheet, openSheet } from './spreadsheet-reader';
import { THIS_INSTANCE } from './upload-folder';

export interface ImportOptions {
  fileName: string;
  fileSize: number;
  /** A client-made id under which the import reports how far it has got (see progress()). */
  progressId?: string;
  agencyId?: string;
  mapping?: ColumnMapping;
  sheet?: string;
  dryRun: boolean;
  skipBadRows: boolean;
}

export interface ImportWarning {
  row?: number;
  message: string;
}

export interface DryRunResult {
  headings: string[];
  mapping: ColumnMapping;
  encoding?: string;
  totalRows: number;
  /** The first rows as read, for the preview. */
  rows: ImportedRow[];
  errors: RowProblem[];
  errorCount: number;
  warnings: ImportWarning[];
}

export interface CommitResult {
  imported: number;
  /** Likely records of one occasion by different agencies now in the timeline, to review for linking (null when not counted). */
  duplicateCandidates: number | null;
  skipped: RowProblem[];
  warnings: ImportWarning[];
  importId: string;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  state: 'reading' | 'storing' | 'done' | 'failed';
}

type ProgressReport = (
  rows: number,
  bytes: number,
  state: ImportProgress['state'],
) => Promise<void>;

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const [earlier] = await this.dataSource.query(
      `SELECT file_name, imported_at, rows_imported FROM chronology_import WHERE review_id = $1 AND file_hash = $2 ORDER BY imported_at DESC LIMIT 1`,
      [reviewId, hash],
    );
    if (earlier) {
      warnings.push({
        message: `This file looks like one already imported (${earlier.file_name}, ${new Date(earlier.imported_at).toISOString().slice(0, 10)}, ${earlier.rows_imported} events): importing it again would duplicate those events.`,
      });
    }
    const [running] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM import_progress
       WHERE review_id = $1 AND file_hash = $2 AND id <> $3 AND NOT dry_run
         AND state IN ('reading', 'storing') AND updated_at > now() - make_interval(mins => $4)`,
      [reviewId, hash, progressId, IMPORT_STALE_MINUTES],
    );
    if (running.n > 0) {
      warnings.push({
        message: `The same file is being imported into this review right now (${running.n === 1 ? 'another import' : `${running.n} other imports`}): importing it again would duplicate those events.`,
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

    const warnings = await this.duplicateWarnings(reviewId, hash, progressId);
    const latest = [review.periodEnd, today()].filter(Boolean).sort()[0] as string;
    const context = {
      mapping,
      fileName: options.fileName,
      agency: agency ? { id: agency.id, name: agency.name } : null,
      agenciesByName: new Map(
        agencies.map((a: Agency) => [a.name.toLowerCase(), { id: a.id, name: a.name }]),
      ),
    };

    const errors: RowProblem[] = [];
    let errorCount = 0;
    const preview: ImportedRow[] = [];
    let totalRows = 0;
    let pending: ImportedRow[] = [];
    let imported = 0;
    let runner: QueryRunner | null = null;
    if (!options.dryRun) {
      runner = this.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`SET LOCAL statement_timeout = '${LONG_WORK_STATEMENT_TIMEOUT}'`);
    }
    const flush = async () => {
      if (runner && pending.length > 0 && (errorCount === 0 || options.skipBadRows)) {
        await this.insert(runner, reviewId, pending);
        imported += pending.length;
      }
      pending = [];
    };

    try {
      for await (const record of sheet.records) {
        totalRows += 1;
        if (totalRows % PROGRESS_EVERY_ROWS === 0)
          await report(totalRows, sheet.bytesRead(), 'reading');
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
          errorCount += read.length;
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
        if (runner) {
          pending.push(read);
          if (pending.length >= BATCH) await flush();
        }
      }
      if (totalRows === 0)
        throw badInput('The file has a heading row but no entries.', { field: 'file' });
      await report(totalRows, options.fileSize, options.dryRun ? 'done' : 'storing');
      if (options.dryRun) {
        return {
          headings: sheet.headings,
          mapping,
          encoding: sheet.encoding,
          totalRows,
          rows: preview,
          errors,
          errorCount,
          warnings,
        };
      }
      if (errorCount > 0 && !options.skipBadRows) {
        throw new AppError(
          'BAD_USER_INPUT',
          `${errorCount} row${errorCount === 1 ? '' : 's'} could not be read; nothing was imported. Correct them, or import with the bad rows skipped.`,
          { errors, errorCount },
          422,
        );
      }
      await flush();
      const [{ id: importId }] = await runner!.query(
        `INSERT INTO chronology_import (review_id, agency_id, file_name, file_hash, rows_imported, rows_skipped, imported_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [reviewId, agency?.id ?? null, options.fileName, hash, imported, errorCount, user.id],
      );
      if (agency) {
        await runner!.query(
          `INSERT INTO agency_column_mapping (agency_id, mapping) VALUES ($1, $2)
           ON CONFLICT (agency_id) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()`,
          [agency.id, JSON.stringify(mapping)],
        );
      }
      await this.audit.record(runner!.manager, user, {
        reviewId,
        entityType: 'TimelineEvent',
        entityId: null,
        action: 'import',
        after: {
          file: options.fileName,
          agency: agency?.name ?? null,
          imported,
          skippedRows: errors,
        },
      });
      await runner!.commitTransaction();
      await report(totalRows, options.fileSize, 'done');
      // Counting them is quick for the files agencies send; a very large import leaves it to the review page.
      const duplicateCandidates =
        imported <= COUNT_DUPLICATES_UP_TO
          ? (await this.duplicates.candidates(reviewId, 200)).length
          : null;
      return { imported, duplicateCandidates, skipped: errors, warnings, importId };
    } catch (error) {
      if (runner?.isTransactionActive) await runner.rollbackTransaction();
      await report(totalRows, sheet.bytesRead(), 'failed');
      throw error;
    } finally {
      await runner?.release();
    }
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
    await this.dataSource.query(
      `DELETE FROM import_progress WHERE updated_at < now() - interval '1 day'`,
    );
    await this.dataSource.query(
      `INSERT INTO import_progress (id, review_id, total_bytes, owner, file_hash, dry_run) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET rows_read = 0, bytes_read = 0, total_bytes = EXCLUDED.total_bytes, state = 'reading',
         owner = EXCLUDED.owner, file_hash = EXCLUDED.file_hash, dry_run = EXCLUDED.dry_run, updated_at = now()`,
      [id, reviewId, options.fileSize, THIS_INSTANCE.tag, hash, options.dryRun],
    );
    const heartbeat = setInterval(() => {
      this.dataSource
        .query(
          `UPDATE import_progress SET updated_at = now() WHERE id = $1 AND state IN ('reading', 'storing')`,
          [id],
        )
        .catch(() => undefined);
    }, IMPORT_HEARTBEAT_MS);
    heartbeat.unref();
    const report: ProgressReport = async (rows, bytes, state) => {
      await this.dataSource.query(
        `UPDATE import_progress SET rows_read = $2, bytes_read = $3, state = $4, updated_at = now() WHERE id = $1`,
        [id, rows, bytes, state],
      );
    };
    return {
      id,
      report,
      fail: () =>
        this.dataSource
          .query(`UPDATE import_progress SET state = 'failed', updated_at = now() WHERE id = $1`, [
            id,
          ])
          .then(() => undefined),
      stop: () => clearInterval(heartbeat),
    };
  }

  async progress(user: User, reviewId: string, progressId: string): Promise<ImportProgress> {
    await this.access.require(user, reviewId, 'edit', this.loaderFactory.create());
    const [row] = await this.dataSource.query(
      `SELECT rows_read AS "rowsRead", bytes_read::float AS "bytesRead", total_bytes::float AS "totalBytes", state
       FROM import_progress WHERE id = $1 AND review_id = $2`,
      [progressId, reviewId],
    );
    if (!row) throw notFound('No import with that progress id is running or has run recently.');
    return row;
  }

  private async rememberedMapping(
    agency: Agency | null | undefined,
    headings: string[],
  ): Promise<ColumnMapping | null> {
    if (!agency) return null;
    const [row] = await this.dataSource.query(
      `SELECT mapping FROM agency_column_mapping WHERE agency_id = $1`,
      [agency.id],
    );
    const mapping = row?.mapping as ColumnMapping | undefined;
    if (!mapping) return null;
    return Object.values(mapping).every((heading) => !heading || headings.includes(heading))
      ? mapping
      : null;
  }

  private async insert(runner: QueryRunner, reviewId: string, rows: ImportedRow[]): Promise<void> {
    const dates = rows.map((row) => {
      const parsed = parsePartialDate(row.occurredOn, row.precision as never);
      if (typeof parsed === 'string') throw new Error(parsed);
      return parsed;
    });
    await runner.query(
      `INSERT INTO timeline_event (review_id, occurred_on, precision, sort_date, end_date, time_of_day, agency_id, title, description, source)
       SELECT $1, * FROM unnest($2::text[], $3::date_precision[], $4::date[], $5::date[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[])`,
      [
        reviewId,
        rows.map((r) => r.occurredOn),
        rows.map((r) => r.precision),
        dates.map((d) => d.sortDate),
        dates.map((d) => d.endDate),
        rows.map((r) => r.time),
        rows.map((r) => r.agencyId),
        rows.map((r) => r.title),
        rows.map((r) => r.description),
        rows.map((r) => r.source),
      ],
    );
  }
}
