import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, unlink } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { Readable } from 'node:stream';
import { badInput, notFound } from '../common/app-error';
import { decodeCursor, lazily, pageSize, toConnection } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { User } from '../users/user.entity';
import { extractText, ReportKind } from './extraction/extract-text';
import { readCatalogue } from './intake/catalogue';
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE, sniffFile, whatItIs } from './intake/sniff';
import { inflateZip, ZipRefused } from './intake/zip-entries';
import { ReportQueue } from './report-queue';
import { ReportsRepository } from './reports.repository';
import { BatchFileRow, NewBatchFile, ReportListFilter, ReportRow } from './reports.types';

/** Files are kept in PostgreSQL in pieces of this size (docs/decisions/0008-report-files.md). */
export const CHUNK_BYTES = 1024 * 1024;
/** Below this many letters or digits a page on average, a PDF is taken for a scan. */
export const TEXT_LAYER_CHARACTERS_PER_PAGE = 10;

export interface UploadedReportFile {
  path: string;
  originalName: string;
}

/** A file of the request ready to store, or the reason it is refused. */
type Candidate =
  { name: string; path: string; kind: 'pdf' | 'docx' } | { name: string; refused: string };

export interface BatchView {
  id: string;
  finished: boolean;
  counts: Record<'total' | 'queued' | 'extracting' | 'done' | 'failed' | 'duplicate', number>;
  files: {
    id: string;
    fileName: string;
    state: string;
    reason: string | null;
    duplicateOf: { id: string; title: string } | null;
    reportId: string | null;
    pagesDone: number;
    pageCount: number | null;
  }[];
}

const baseName = (name: string) => posix.basename(name.replace(/\\/g, '/'));
const titleFromName = (name: string) =>
  baseName(name)
    .replace(/\.(pdf|docx)$/i, '')
    .replace(/[_]+/g, ' ')
    .trim() || name;

/** Bringing reports in: the upload (checked, hashed, stored) and the extraction jobs. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly queue: ReportQueue,
    private readonly config: AppConfig,
  ) {}

  scratchDir(): string {
    return join(this.config.DATA_DIR, 'report-uploads');
  }

  /**
   * A batch from the files of one upload (PDF, DOCX, or ZIPs of them) and an optional catalogue.
   * Every file gets a line in the batch: refused files with their reason, files already in the
   * library as duplicates, the rest stored and queued for extraction. The batch is recorded in
   * one transaction; the jobs are sent after it commits (and again at start for any that were
   * not, see ReportWorker).
   */
  async bringIn(
    user: User,
    files: UploadedReportFile[],
    catalogueFile: UploadedReportFile | null,
  ): Promise<{ batchId: string }> {
    if (files.length === 0)
      throw badInput(
        'Attach one or more reports (PDF, DOCX or ZIP) as the multipart field "file".',
        {
          field: 'file',
        },
      );
    const catalogue = catalogueFile
      ? await readCatalogue(catalogueFile.path, catalogueFile.originalName)
      : [];
    const byName = new Map(catalogue.map((entry) => [entry.fileName.toLowerCase(), entry]));
    const inflated: string[] = [];
    try {
      const candidates: Candidate[] = [];
      for (const file of files) candidates.push(...(await this.candidatesOf(file, inflated)));

      const { batchId, queued } = await this.reports.transaction(async (transaction) => {
        const reports = this.reports.in(transaction);
        const batchId = await reports.createBatch(user.id);
        const lines: NewBatchFile[] = [];
        const matched = new Set<string>();
        for (const candidate of candidates) {
          const key = baseName(candidate.name).toLowerCase();
          const entry = byName.get(key) ?? null;
          if (entry) matched.add(key);
          if ('refused' in candidate) {
            lines.push({ fileName: candidate.name, state: 'FAILED', reason: candidate.refused });
            continue;
          }
          const sha256 = await hashOf(candidate.path);
          const existing = await reports.reportOfFile(sha256);
          if (existing) {
            lines.push({
              fileName: candidate.name,
              state: 'DUPLICATE',
              duplicateOf: existing.id,
              reason: `The same file as "${existing.title}", already in the library: not stored again.`,
            });
            continue;
          }
          await this.store(reports, candidate.path, candidate.kind, sha256);
          lines.push({
            fileName: candidate.name,
            state: 'QUEUED',
            fileSha256: sha256,
            catalogue: entry,
          });
        }
        for (const entry of catalogue)
          if (!matched.has(entry.fileName.toLowerCase()))
            lines.push({
              fileName: entry.fileName,
              state: 'FAILED',
              reason: `The catalogue names ${entry.fileName}, but no file of that name was uploaded.`,
            });
        const ids = await reports.addBatchFiles(batchId, lines);
        return { batchId, queued: ids.filter((_, i) => lines[i].state === 'QUEUED') };
      });
      await this.queue.send(queued);
      return { batchId };
    } finally {
      await Promise.all(inflated.map((path) => unlink(path).catch(() => undefined)));
    }
  }

  private async candidatesOf(file: UploadedReportFile, inflated: string[]): Promise<Candidate[]> {
    const kind = await sniffFile(file.path);
    if (kind === 'pdf' || kind === 'docx')
      return [{ name: file.originalName, path: file.path, kind }];
    if (kind !== 'zip')
      return [{ name: file.originalName, refused: whatItIs(kind, file.originalName) }];
    await mkdir(this.scratchDir(), { recursive: true, mode: 0o700 });
    const prefix = join(this.scratchDir(), `zip-${randomBytes(8).toString('hex')}`);
    let entries;
    try {
      entries = await inflateZip(file.path, file.originalName, (i) => `${prefix}-${i}`);
    } catch (error) {
      if (error instanceof ZipRefused) return [{ name: file.originalName, refused: error.message }];
      throw error;
    }
    inflated.push(...entries.map((e) => e.path));
    const candidates: Candidate[] = [];
    for (const entry of entries) {
      const name = `${file.originalName}/${entry.name}`;
      const entryKind = await sniffFile(entry.path);
      candidates.push(
        entryKind === 'pdf' || entryKind === 'docx'
          ? { name, path: entry.path, kind: entryKind }
          : { name, refused: whatItIs(entryKind === 'zip' ? 'other' : entryKind, name) },
      );
    }
    return candidates;
  }

  /** The file's bytes into report_file in chunks; a file stored already is not stored again. */
  private async store(
    reports: ReportsRepository,
    path: string,
    kind: 'pdf' | 'docx',
    sha256: string,
  ): Promise<void> {
    const { size } = await stat(path);
    const chunkCount = Math.ceil(size / CHUNK_BYTES);
    const mediaType = kind === 'pdf' ? PDF_MEDIA_TYPE : DOCX_MEDIA_TYPE;
    if (!(await reports.addFile(sha256, mediaType, size, chunkCount))) return;
    let chunkNumber = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }))
      await reports.addChunk(sha256, chunkNumber++, chunk as Buffer);
  }

  async batch(batchId: string): Promise<BatchView> {
    if (!(await this.reports.batchExists(batchId)))
      throw notFound('No batch of reports has this id.');
    const files = await this.reports.batchFiles(batchId);
    const count = (state: string) => files.filter((f) => f.state === state).length;
    const counts = {
      total: files.length,
      queued: count('QUEUED'),
      extracting: count('EXTRACTING'),
      done: count('DONE'),
      failed: count('FAILED'),
      duplicate: count('DUPLICATE'),
    };
    return {
      id: batchId,
      finished: counts.queued + counts.extracting === 0,
      counts,
      files: files.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        state: f.state,
        reason: f.reason,
        duplicateOf: f.duplicateOf ? { id: f.duplicateOf, title: f.duplicateOfTitle ?? '' } : null,
        reportId: f.reportId,
        pagesDone: f.pagesDone,
        pageCount: f.pageCount,
      })),
    };
  }

  /** Sends a job again for every file not finished: after a crash between commit and send. */
  async requeueUnfinished(): Promise<number> {
    const ids = await this.reports.unfinishedBatchFiles();
    await this.queue.send(ids);
    return ids.length;
  }

  /**
   * One file's extraction job. It may run more than once (a retry, a job sent again at start):
   * the outcome is written in one transaction that first checks, under a lock, that the file is
   * still waiting, so a report is never made twice.
   */
  async extract(batchFileId: string): Promise<void> {
    const file = await this.reports.batchFile(batchFileId);
    if (!file || (file.state !== 'QUEUED' && file.state !== 'EXTRACTING')) return;
    if (!file.fileSha256 || !file.mediaType) {
      await this.finish(file, {
        state: 'FAILED',
        reason: 'The stored file has gone: upload it again.',
      });
      return;
    }
    await this.reports.setState(file.id, 'EXTRACTING', null);
    const kind: ReportKind = file.mediaType === PDF_MEDIA_TYPE ? 'pdf' : 'docx';
    let lastSaved = 0;
    const result = await extractText(kind, this.fileStream(file.fileSha256), (page, pageCount) => {
      if (page === pageCount || Date.now() - lastSaved > 1000) {
        lastSaved = Date.now();
        void this.reports.setProgress(file.id, page, pageCount).catch(() => undefined);
      }
    });
    if (!result.ok) {
      await this.finish(file, {
        state: 'FAILED',
        reason: `${baseName(file.fileName)}: ${result.message}`,
      });
      return;
    }
    const letters = result.pages.reduce(
      (sum, p) => sum + p.replace(/[^\p{L}\p{N}]/gu, '').length,
      0,
    );
    const textLayer =
      letters >= TEXT_LAYER_CHARACTERS_PER_PAGE * Math.max(result.pages.length, 1)
        ? 'HAS_TEXT'
        : 'NEEDS_OCR';
    await this.finish(file, { state: 'DONE', pages: result.pages, textLayer });
  }

  private async finish(
    file: BatchFileRow,
    outcome:
      | { state: 'FAILED'; reason: string }
      | { state: 'DONE'; pages: string[]; textLayer: 'HAS_TEXT' | 'NEEDS_OCR' },
  ): Promise<void> {
    await this.reports.transaction(async (transaction) => {
      const reports = this.reports.in(transaction);
      const current = await reports.batchFile(file.id, true);
      if (!current || (current.state !== 'QUEUED' && current.state !== 'EXTRACTING')) return;
      if (outcome.state === 'FAILED') {
        await reports.setState(file.id, 'FAILED', { reason: outcome.reason });
        if (file.fileSha256) await reports.dropUnusedFile(file.fileSha256);
        return;
      }
      const sha256 = file.fileSha256!;
      const reportId = await reports.insertReport(
        {
          title: file.catalogue?.title ?? titleFromName(file.fileName),
          catalogue: file.catalogue,
          fileSha256: sha256,
          fileName: baseName(file.fileName),
          mediaType: file.mediaType!,
          byteSize: await reports.fileSize(sha256),
          textLayer: outcome.textLayer,
          createdBy: await reports.batchUploader(file.batchId),
        },
        outcome.pages,
      );
      if (reportId) {
        // The count first: it is only written while the file is being read.
        await reports.setProgress(file.id, outcome.pages.length, outcome.pages.length);
        await reports.setState(file.id, 'DONE', { reportId });
      } else {
        const existing = await reports.reportOfFile(sha256);
        await reports.setState(file.id, 'DUPLICATE', {
          duplicateOf: existing?.id ?? null,
          reason: `The same file as "${existing?.title ?? 'another report'}", already in the library: not stored again.`,
        });
      }
    });
  }

  /** A stored file, read back a chunk at a time. */
  private fileStream(sha256: string): Readable {
    const reports = this.reports;
    return Readable.from(
      (async function* () {
        const count = (await reports.fileChunkCount(sha256)) ?? 0;
        for (let n = 0; n < count; n++) yield await reports.fileChunk(sha256, n);
      })(),
    );
  }

  async report(id: string): Promise<ReportRow | null> {
    return this.reports.report(id);
  }

  list(
    filter: ReportListFilter,
    first: number | null | undefined,
    after: string | null | undefined,
  ) {
    const limit = pageSize(first);
    const key = decodeCursor(after, 2) as [string, string] | null;
    return this.reports.reports(filter, key, limit).then((rows) =>
      toConnection(
        rows,
        limit,
        lazily(() => this.reports.countReports(filter)),
        (row) => [new Date(row.createdAt).toISOString(), row.id],
      ),
    );
  }
}

function hashOf(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
