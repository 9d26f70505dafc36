import { Injectable } from '@nestjs/common';
import { TEXT_LIMITS } from '@scr/shared';
import { isUUID } from 'class-validator';
import { AuditService } from '../audit/audit.service';
import { badInput, notFound } from '../common/app-error';
import { MAX_HITS, MAX_SEARCH_LENGTH, splitPrefixes } from '../corpus/corpus.service';
import { Role, User } from '../users/user.entity';
import { ReportsRepository } from './reports.repository';
import { ReportHitRow, ReportListFilter, ReportPageRow, ReportRow } from './reports.types';

/** Hits a report search returns when `first` is not given. */
export const DEFAULT_REPORT_HITS = 20;

/** A report's stored file, read back one chunk at a time. */
export interface ReportFileStream {
  fileName: string;
  mediaType: string;
  byteSize: number;
  chunks: AsyncGenerator<Buffer>;
}

/**
 * Reading the library: a report and its pages, page-level full-text search, the original file
 * served back (every time recorded), and withdrawal by an administrator.
 */
@Injectable()
export class ReportReadingService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The report; a withdrawn one only for administrators (to everyone else it does not exist). */
  async report(user: User, id: string): Promise<ReportRow | null> {
    if (!isUUID(id)) return null;
    return this.reports.report(id, user.role === Role.ADMIN);
  }

  pages(reportId: string): Promise<ReportPageRow[]> {
    return this.reports.pages(reportId);
  }

  /**
   * Full-text search of the pages of the listed reports, English stemming: quoted phrases, OR
   * and -word as on a web search engine, a word ending in * matched as a prefix, as the corpus's
   * finding search. A query of nothing searchable (stop words, punctuation) finds nothing.
   */
  async search(
    query: string,
    filter: ReportListFilter | null | undefined,
    first?: number | null,
  ): Promise<ReportHitRow[]> {
    if (query.length > MAX_SEARCH_LENGTH)
      throw badInput(`query: at most ${MAX_SEARCH_LENGTH} characters (got ${query.length}).`, {
        field: 'query',
        value: query.length,
      });
    const limit = first ?? DEFAULT_REPORT_HITS;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_HITS)
      throw badInput(`first must be a whole number from 0 to ${MAX_HITS} (got ${limit}).`, {
        field: 'first',
        value: limit,
      });
    const { words, prefixes } = splitPrefixes(query);
    if ((!words.trim() && prefixes.length === 0) || limit === 0) return [];
    return this.reports.search(words, prefixes, filter ?? {}, limit);
  }

  /**
   * Takes the report out of the library at once (administrators): lists, search and the reader
   * no longer show it to anyone else; who, when and why are kept, and the change is audited.
   */
  async withdraw(user: User, id: string, reasonInput: string): Promise<ReportRow> {
    const reason = reasonInput.trim();
    if (!reason) throw badInput('reason must not be blank.', { field: 'reason' });
    if (reason.length > TEXT_LIMITS.withdrawReason)
      throw badInput(`reason must be at most ${TEXT_LIMITS.withdrawReason} characters.`, {
        field: 'reason',
      });
    if (!isUUID(id)) throw notFound(`There is no report ${id}.`);
    return this.reports.transaction(async (transaction) => {
      const reports = this.reports.in(transaction);
      const before = await reports.report(id, true);
      if (!before) throw notFound(`There is no report ${id}.`);
      if (before.withdrawnAt) throw badInput('This report is withdrawn already.', { field: 'id' });
      await reports.withdraw(id, user.id, reason);
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'Report',
        entityId: id,
        action: 'withdraw',
        before: { title: before.title, withdrawn: false },
        after: { title: before.title, withdrawn: true, reason },
      });
      return (await reports.report(id, true))!;
    });
  }

  /**
   * The report's original file for download: the download is recorded, then the bytes are read
   * back chunk by chunk (never the whole file in memory). Withdrawn reports are not served.
   */
  async openFile(user: User, id: string): Promise<ReportFileStream> {
    const report = isUUID(id) ? await this.reports.report(id) : null;
    if (!report) throw notFound(`There is no report ${id}.`);
    const chunkCount = await this.reports.fileChunkCount(report.fileSha256);
    if (chunkCount === null) throw notFound(`The file of report ${id} is not stored.`);
    await this.reports.transaction((transaction) =>
      this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'Report',
        entityId: id,
        action: 'download',
        after: { download: report.fileName, sha256: report.fileSha256 },
      }),
    );
    const reports = this.reports;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let n = 0; n < chunkCount!; n++) yield await reports.fileChunk(report!.fileSha256, n);
    }
    return {
      fileName: report.fileName,
      mediaType: report.mediaType,
      byteSize: await this.reports.fileSize(report.fileSha256),
      chunks: chunks(),
    };
  }
}
