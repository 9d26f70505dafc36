import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { BaseRepository } from '../../database/unit-of-work';

export type ImportState = 'reading' | 'storing' | 'done' | 'failed';

export interface NewImportProgress {
  id: string;
  reviewId: string;
  totalBytes: number;
  /** The instance running the import (see upload-folder's instance tags). */
  owner: string;
  fileHash: string;
  dryRun: boolean;
}

/**
 * How far each import has got, written outside the import's own transaction so that a poll from
 * any server instance sees it while the import runs.
 */
@Injectable()
export class ImportProgressRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Forgets the progress of imports untouched for a day. */
  @GenerateSql({ params: [] })
  async forgetOld(): Promise<void> {
    await this.manager.query(
      `DELETE FROM import_progress WHERE updated_at < now() - interval '1 day'`,
    );
  }

  /** Starts the progress row of an import, or starts it again under the same id. */
  @GenerateSql({
    params: [
      {
        id: DummyValue.UUID,
        reviewId: DummyValue.OTHER_UUID,
        totalBytes: DummyValue.NUMBER,
        owner: DummyValue.TEXT,
        fileHash: DummyValue.TEXT,
        dryRun: false,
      },
    ],
  })
  async start(progress: NewImportProgress): Promise<void> {
    await this.manager.query(
      `INSERT INTO import_progress (id, review_id, total_bytes, owner, file_hash, dry_run) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET rows_read = 0, bytes_read = 0, total_bytes = EXCLUDED.total_bytes, state = 'reading',
         owner = EXCLUDED.owner, file_hash = EXCLUDED.file_hash, dry_run = EXCLUDED.dry_run, updated_at = now()`,
      [
        progress.id,
        progress.reviewId,
        progress.totalBytes,
        progress.owner,
        progress.fileHash,
        progress.dryRun,
      ],
    );
  }

  /** The heartbeat of a running import. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async touch(id: string): Promise<void> {
    await this.manager.query(
      `UPDATE import_progress SET updated_at = now() WHERE id = $1 AND state IN ('reading', 'storing')`,
      [id],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, DummyValue.NUMBER, 'reading'] })
  async report(id: string, rows: number, bytes: number, state: ImportState): Promise<void> {
    await this.manager.query(
      `UPDATE import_progress SET rows_read = $2, bytes_read = $3, state = $4, updated_at = now() WHERE id = $1`,
      [id, rows, bytes, state],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async fail(id: string): Promise<void> {
    await this.manager.query(
      `UPDATE import_progress SET state = 'failed', updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** The progress of the import `id` into the review, if it is known. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async find(
    id: string,
    reviewId: string,
  ): Promise<
    { rowsRead: number; bytesRead: number; totalBytes: number; state: ImportState } | undefined
  > {
    const [row] = await this.manager.query(
      `SELECT rows_read AS "rowsRead", bytes_read::float AS "bytesRead", total_bytes::float AS "totalBytes", state
       FROM import_progress WHERE id = $1 AND review_id = $2`,
      [id, reviewId],
    );
    return row;
  }

  /**
   * How many other imports of the same content into the review are storing or reading now,
   * refreshed within `staleMinutes`.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.TEXT, DummyValue.OTHER_UUID, 5] })
  async countRunning(
    reviewId: string,
    fileHash: string,
    exceptId: string,
    staleMinutes: number,
  ): Promise<number> {
    const [running] = await this.manager.query(
      `SELECT count(*)::int AS n FROM import_progress
       WHERE review_id = $1 AND file_hash = $2 AND id <> $3 AND NOT dry_run
         AND state IN ('reading', 'storing') AND updated_at > now() - make_interval(mins => $4)`,
      [reviewId, fileHash, exceptId, staleMinutes],
    );
    return running.n;
  }

  /** Every import reading or storing, with whether it has missed its heartbeats for `staleMinutes`. */
  @GenerateSql({ params: [5] })
  unfinished(
    staleMinutes: number,
  ): Promise<{ id: string; owner: string | null; stale: boolean }[]> {
    return this.manager.query(
      `SELECT id, owner, updated_at < now() - make_interval(mins => $1) AS stale
       FROM import_progress WHERE state IN ('reading', 'storing')`,
      [staleMinutes],
    );
  }

  /** Marks the imports failed, those of them still reading or storing. */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  async failUnfinished(ids: string[]): Promise<void> {
    await this.manager.query(
      `UPDATE import_progress SET state = 'failed', updated_at = now()
       WHERE id = ANY($1::uuid[]) AND state IN ('reading', 'storing')`,
      [ids],
    );
  }
}
