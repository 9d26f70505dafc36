import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HEADLINE_OPTIONS, htmlEscapedSql } from '../common/full-text';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import {
  BatchFileRow,
  BatchFileState,
  NewBatchFile,
  NewReport,
  ReportHitRow,
  ReportListFilter,
  ReportPageRow,
  ReportRow,
} from './reports.types';

const REPORT_COLUMNS = `r.id, r.title, r.partnership, to_char(r.published_on, 'YYYY-MM-DD') AS "publishedOn",
  r.review_type AS "reviewType", r.methodology, r.author, r.summary, r.learning, r.recommendations,
  r.keywords, r.file_sha256 AS "fileSha256", r.file_name AS "fileName", r.media_type AS "mediaType",
  r.byte_size::float8 AS "byteSize", r.page_count AS "pageCount", r.text_layer AS "textLayer",
  r.status, r.version, r.coded_at AS "codedAt", r.created_at AS "createdAt", r.withdrawn_at AS "withdrawnAt",
  r.withdrawn_reason AS "withdrawnReason"`;

/** The library's filter on `report r`, its four values from parameter `first` on. */
const filterWhere = (first: number) => `r.withdrawn_at IS NULL
         AND ($${first}::text IS NULL OR r.partnership = $${first})
         AND ($${first + 1}::int IS NULL OR extract(year FROM r.published_on) = $${first + 1})
         AND ($${first + 2}::text IS NULL OR r.review_type = $${first + 2})
         AND ($${first + 3}::text IS NULL OR r.methodology = $${first + 3})`;
const filterParams = (filter: ReportListFilter) => [
  filter.partnership ?? null,
  filter.year ?? null,
  filter.reviewType ?? null,
  filter.methodology ?? null,
];

/** The page text a snippet is cut from. */
const PAGE_TEXT = htmlEscapedSql('p.text');

const BATCH_FILE_COLUMNS = `f.id, f.batch_id AS "batchId", f.position, f.file_name AS "fileName",
  f.file_sha256 AS "fileSha256", f.state, f.reason, f.duplicate_of AS "duplicateOf",
  d.title AS "duplicateOfTitle", f.report_id AS "reportId", f.catalogue, f.pages_done AS "pagesDone",
  f.page_count AS "pageCount", rf.media_type AS "mediaType"`;

const BATCH_FILE_FROM = `report_batch_file f
  LEFT JOIN report d ON d.id = f.duplicate_of
  LEFT JOIN report_file rf ON rf.sha256 = f.file_sha256`;

const SHA = 'a'.repeat(64);

/** Report files (bytes in chunks), reports and their pages, and the batches that bring them in. */
@Injectable()
export class ReportsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async createBatch(createdBy: string): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO report_batch (created_by) VALUES ($1) RETURNING id`,
      [createdBy],
    );
    return id;
  }

  @GenerateSql({ params: [DummyValue.UUID, [{ fileName: 'a.pdf', state: 'FAILED', reason: 'x' }]] })
  async addBatchFiles(batchId: string, files: NewBatchFile[]): Promise<string[]> {
    if (files.length === 0) return [];
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO report_batch_file (batch_id, position, file_name, state, file_sha256, reason, duplicate_of, catalogue)
       SELECT $1, t.position, t.file_name, t.state, t.file_sha256, t.reason, t.duplicate_of, t.catalogue
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::jsonb[])
         AS t(position, file_name, state, file_sha256, reason, duplicate_of, catalogue)
       ORDER BY t.position
       RETURNING id`,
      [
        batchId,
        files.map((_, i) => i + 1),
        files.map((f) => f.fileName),
        files.map((f) => f.state),
        files.map((f) => f.fileSha256 ?? null),
        files.map((f) => f.reason ?? null),
        files.map((f) => f.duplicateOf ?? null),
        files.map((f) => (f.catalogue ? JSON.stringify(f.catalogue) : null)),
      ],
    );
    return rows.map((r) => r.id);
  }

  /** The report already made from the file with this hash, if any. */
  @GenerateSql({ params: [SHA] })
  async reportOfFile(sha256: string): Promise<{ id: string; title: string } | null> {
    const [row] = await this.manager.query(`SELECT id, title FROM report WHERE file_sha256 = $1`, [
      sha256,
    ]);
    return row ?? null;
  }

  /** Records a file's description; false when a file of this hash is stored already. */
  @GenerateSql({ params: [SHA, 'application/pdf', 1, 1] })
  async addFile(
    sha256: string,
    mediaType: string,
    byteSize: number,
    chunkCount: number,
  ): Promise<boolean> {
    const rows = await this.manager.query(
      `INSERT INTO report_file (sha256, media_type, byte_size, chunk_count) VALUES ($1, $2, $3, $4)
       ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
      [sha256, mediaType, byteSize, chunkCount],
    );
    return rows.length > 0;
  }

  @GenerateSql({ params: [SHA, 0, Buffer.from('x')] })
  async addChunk(sha256: string, chunkNumber: number, data: Buffer): Promise<void> {
    await this.manager.query(
      `INSERT INTO report_file_chunk (file_sha256, chunk_number, data) VALUES ($1, $2, $3)`,
      [sha256, chunkNumber, data],
    );
  }

  @GenerateSql({ params: [SHA] })
  async fileChunkCount(sha256: string): Promise<number | null> {
    const [row] = await this.manager.query(
      `SELECT chunk_count AS "chunkCount" FROM report_file WHERE sha256 = $1`,
      [sha256],
    );
    return row?.chunkCount ?? null;
  }

  @GenerateSql({ params: [SHA, 0] })
  async fileChunk(sha256: string, chunkNumber: number): Promise<Buffer> {
    const [row] = await this.manager.query(
      `SELECT data FROM report_file_chunk WHERE file_sha256 = $1 AND chunk_number = $2`,
      [sha256, chunkNumber],
    );
    return row.data;
  }

  /**
   * Removes a stored file that no report and no waiting batch file needs: what a failed file
   * leaves, so that nothing half-stored remains.
   */
  @GenerateSql({ params: [SHA] })
  async dropUnusedFile(sha256: string): Promise<void> {
    await this.manager.query(
      `DELETE FROM report_file rf WHERE rf.sha256 = $1
         AND NOT EXISTS (SELECT 1 FROM report r WHERE r.file_sha256 = rf.sha256)
         AND NOT EXISTS (SELECT 1 FROM report_batch_file f
                         WHERE f.file_sha256 = rf.sha256 AND f.state IN ('QUEUED', 'EXTRACTING'))`,
      [sha256],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async batchExists(batchId: string): Promise<boolean> {
    const rows = await this.manager.query(`SELECT 1 FROM report_batch WHERE id = $1`, [batchId]);
    return rows.length > 0;
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async batchUploader(batchId: string): Promise<string | null> {
    const [row] = await this.manager.query(
      `SELECT created_by AS "createdBy" FROM report_batch WHERE id = $1`,
      [batchId],
    );
    return row?.createdBy ?? null;
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  batchFiles(batchId: string): Promise<BatchFileRow[]> {
    return this.manager.query(
      `SELECT ${BATCH_FILE_COLUMNS} FROM ${BATCH_FILE_FROM} WHERE f.batch_id = $1 ORDER BY f.position`,
      [batchId],
    );
  }

  /** One batch file, locked until the transaction ends when `lock` is set. */
  @GenerateSql({ params: [DummyValue.UUID, true] })
  async batchFile(id: string, lock = false): Promise<BatchFileRow | null> {
    const [row] = await this.manager.query(
      `SELECT ${BATCH_FILE_COLUMNS} FROM ${BATCH_FILE_FROM} WHERE f.id = $1${lock ? ' FOR UPDATE OF f' : ''}`,
      [id],
    );
    return row ?? null;
  }

  @GenerateSql({ params: [] })
  async unfinishedBatchFiles(): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM report_batch_file WHERE state IN ('QUEUED', 'EXTRACTING') ORDER BY batch_id, position`,
    );
    return rows.map((r) => r.id);
  }

  @GenerateSql({ params: [DummyValue.UUID, 'EXTRACTING', null] })
  async setState(
    id: string,
    state: BatchFileState,
    changes: {
      reason?: string | null;
      duplicateOf?: string | null;
      reportId?: string | null;
    } | null,
  ): Promise<void> {
    await this.manager.query(
      `UPDATE report_batch_file SET state = $2, reason = $3, duplicate_of = $4, report_id = $5,
         updated_at = now() WHERE id = $1`,
      [id, state, changes?.reason ?? null, changes?.duplicateOf ?? null, changes?.reportId ?? null],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID, 1, 2] })
  async setProgress(id: string, pagesDone: number, pageCount: number): Promise<void> {
    await this.manager.query(
      `UPDATE report_batch_file SET pages_done = $2, page_count = $3, updated_at = now()
       WHERE id = $1 AND state = 'EXTRACTING'`,
      [id, pagesDone, pageCount],
    );
  }

  /** The report, unless one was made from the same file meanwhile (then null). */
  @GenerateSql({
    params: [
      {
        title: DummyValue.TEXT,
        catalogue: null,
        fileSha256: SHA,
        fileName: 'a.pdf',
        mediaType: 'application/pdf',
        byteSize: 1,
        textLayer: 'HAS_TEXT',
        createdBy: null,
      },
      [DummyValue.TEXT],
    ],
  })
  async insertReport(report: NewReport, pages: string[]): Promise<string | null> {
    const c = report.catalogue;
    const [row] = await this.manager.query(
      `INSERT INTO report (title, partnership, published_on, review_type, methodology, author, summary,
         learning, recommendations, keywords, file_sha256, file_name, media_type, byte_size, page_count,
         text_layer, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (file_sha256) DO NOTHING RETURNING id`,
      [
        report.title,
        c?.partnership ?? null,
        c?.publishedOn ?? null,
        c?.reviewType ?? null,
        c?.methodology ?? null,
        c?.author ?? null,
        c?.summary ?? null,
        c?.learning ?? null,
        c?.recommendations ?? null,
        c?.keywords ?? [],
        report.fileSha256,
        report.fileName,
        report.mediaType,
        report.byteSize,
        pages.length,
        report.textLayer,
        report.createdBy,
      ],
    );
    if (!row) return null;
    if (pages.length > 0)
      await this.manager.query(
        `INSERT INTO report_page (report_id, page_number, text)
         SELECT $1, t.n, t.text FROM unnest($2::text[]) WITH ORDINALITY AS t(text, n)`,
        [row.id, pages],
      );
    return row.id;
  }

  @GenerateSql({ params: [SHA] })
  async fileSize(sha256: string): Promise<number> {
    const [row] = await this.manager.query(
      `SELECT byte_size::float8 AS size FROM report_file WHERE sha256 = $1`,
      [sha256],
    );
    return row?.size ?? 0;
  }

  /** The report; a withdrawn one only when `withdrawnToo` (for administrators). */
  @GenerateSql({ params: [DummyValue.UUID, false] })
  async report(id: string, withdrawnToo = false): Promise<ReportRow | null> {
    const [row] = await this.manager.query(
      `SELECT ${REPORT_COLUMNS} FROM report r WHERE r.id = $1 AND ($2 OR r.withdrawn_at IS NULL)`,
      [id, withdrawnToo],
    );
    return row ?? null;
  }

  /** The report's pages in order, their text as extracted. */
  @GenerateSql({ params: [DummyValue.UUID] })
  pages(reportId: string): Promise<ReportPageRow[]> {
    return this.manager.query(
      `SELECT page_number AS number, text FROM report_page WHERE report_id = $1 ORDER BY page_number`,
      [reportId],
    );
  }

  /** Marks the report withdrawn; false when there is no such report or it is withdrawn already. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.UUID, DummyValue.TEXT] })
  async withdraw(id: string, userId: string, reason: string): Promise<boolean> {
    // Read through a CTE so that the driver answers rows, as for a SELECT.
    const rows = await this.manager.query<unknown[]>(
      `WITH changed AS (
         UPDATE report SET withdrawn_at = now(), withdrawn_by = $2, withdrawn_reason = $3
         WHERE id = $1 AND withdrawn_at IS NULL RETURNING id)
       SELECT id FROM changed`,
      [id, userId, reason],
    );
    return rows.length > 0;
  }

  /**
   * Pages of the listed (not withdrawn) reports matching the query, best first, each with a
   * snippet. `words` go to websearch_to_tsquery (quoted phrases, OR, -word); `prefixes` are
   * bare words matched as prefixes. Nothing is returned when the query holds no searchable word.
   * The matching pages are ranked from their stored vectors alone (the rank divided by the log of
   * the page's length, so that a word on a short page weighs more than once among many); only the
   * hits asked for are then read whole and cut into snippets.
   */
  @GenerateSql({
    params: [
      'escalation "strategy discussion"',
      ['superv'],
      { partnership: 'Northmoor SCP', year: 2020, reviewType: null, methodology: null },
      20,
    ],
  })
  async search(
    words: string,
    prefixes: string[],
    filter: ReportListFilter,
    limit: number,
  ): Promise<ReportHitRow[]> {
    const prefixQuery = prefixes.length ? ` && to_tsquery('english', $7)` : '';
    const query = `(websearch_to_tsquery('english', $1)${prefixQuery})`;
    const rows: Record<string, unknown>[] = await this.manager.query(
      `WITH top AS (
         SELECT p.report_id, p.page_number, r.title, ts_rank(p.search, ${query}, 1) AS rank
           FROM report_page p
           JOIN report r ON r.id = p.report_id
          WHERE numnode(${query}) > 0 AND p.search @@ ${query} AND ${filterWhere(2)}
          ORDER BY rank DESC, r.title, p.page_number, p.report_id
          LIMIT $6)
       SELECT ${REPORT_COLUMNS}, top.page_number AS "hitPage", top.rank::float8 AS "hitRank",
              ts_headline('english', ${PAGE_TEXT}, ${query}, ${HEADLINE_OPTIONS}) AS "hitSnippet"
         FROM top
         JOIN report r ON r.id = top.report_id
         JOIN report_page p ON p.report_id = top.report_id AND p.page_number = top.page_number
        ORDER BY top.rank DESC, top.title, top.page_number, top.report_id`,
      [
        words,
        ...filterParams(filter),
        limit,
        ...(prefixes.length ? [prefixes.map((p) => `${p}:*`).join(' & ')] : []),
      ],
    );
    return rows.map(({ hitPage, hitRank, hitSnippet, ...report }) => ({
      report: report as unknown as ReportRow,
      page: hitPage as number,
      rank: hitRank as number,
      snippet: hitSnippet as string,
    }));
  }

  /** A page of the library, newest first, keyed by (created_at, id); one more row than asked for. */
  @GenerateSql({
    params: [{ partnership: 'Northmoor SCP', year: 2020 }, null, DummyValue.PAGE_SIZE],
  })
  reports(
    filter: ReportListFilter,
    after: [string, string] | null,
    limit: number,
  ): Promise<ReportRow[]> {
    return this.manager.query(
      `SELECT ${REPORT_COLUMNS} FROM report r
       WHERE ${filterWhere(1)}
         AND ($5::timestamptz IS NULL OR (r.created_at, r.id) < ($5::timestamptz, $6::uuid))
       ORDER BY r.created_at DESC, r.id DESC
       LIMIT $7`,
      [...filterParams(filter), after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
  }

  @GenerateSql({ params: [{ partnership: null, year: null, reviewType: null, methodology: null }] })
  async countReports(filter: ReportListFilter): Promise<number> {
    const [{ count }] = await this.manager.query(
      `SELECT count(*)::int AS count FROM report r
       WHERE ${filterWhere(1)}`,
      filterParams(filter),
    );
    return count;
  }
}
