import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LONG_WORK_STATEMENT_TIMEOUT } from '../../database/data-source-options';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { BaseRepository } from '../../database/unit-of-work';
import { ColumnMapping } from './column-mapping';

/** One imported row as stored: its date read, its agency resolved. */
export interface ImportedEvent {
  occurredOn: string;
  precision: string;
  sortDate: string;
  endDate: string;
  time: string | null;
  agencyId: string | null;
  title: string;
  description: string | null;
  source: string | null;
}

export interface NewChronologyImport {
  reviewId: string;
  agencyId: string | null;
  fileName: string;
  fileHash: string;
  rowsImported: number;
  rowsSkipped: number;
  importedBy: string;
}

const EXAMPLE_EVENT: ImportedEvent = {
  occurredOn: DummyValue.DAY,
  precision: 'DAY',
  sortDate: DummyValue.DAY,
  endDate: DummyValue.DAY,
  time: null,
  agencyId: null,
  title: DummyValue.TEXT,
  description: null,
  source: null,
};

/** The imports of agencies' chronologies, the column mapping each agency last used, and the rows they store. */
@Injectable()
export class ChronologyImportRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The latest import of the same content into the review, if any. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.TEXT] })
  async latestOf(
    reviewId: string,
    fileHash: string,
  ): Promise<{ file_name: string; imported_at: Date; rows_imported: number } | undefined> {
    const [earlier] = await this.manager.query(
      `SELECT file_name, imported_at, rows_imported FROM chronology_import WHERE review_id = $1 AND file_hash = $2 ORDER BY imported_at DESC LIMIT 1`,
      [reviewId, fileHash],
    );
    return earlier;
  }

  /** The column mapping the agency's last import used, if any. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async mappingOf(agencyId: string): Promise<ColumnMapping | undefined> {
    const [row] = await this.manager.query(
      `SELECT mapping FROM agency_column_mapping WHERE agency_id = $1`,
      [agencyId],
    );
    return row?.mapping as ColumnMapping | undefined;
  }

  @GenerateSql({ params: [DummyValue.UUID, { title: 'Entry', date: 'Date' }] })
  async rememberMapping(agencyId: string, mapping: ColumnMapping): Promise<void> {
    await this.manager.query(
      `INSERT INTO agency_column_mapping (agency_id, mapping) VALUES ($1, $2)
       ON CONFLICT (agency_id) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()`,
      [agencyId, JSON.stringify(mapping)],
    );
  }

  /** Lets the rest of the transaction run as long as a large import needs. */
  @GenerateSql({ params: [] })
  async allowLongWork(): Promise<void> {
    await this.manager.query(`SET LOCAL statement_timeout = '${LONG_WORK_STATEMENT_TIMEOUT}'`);
  }

  /** Stores a batch of rows as events of the review, in one statement. */
  @GenerateSql({ params: [DummyValue.UUID, [EXAMPLE_EVENT]] })
  async insertEvents(reviewId: string, rows: ImportedEvent[]): Promise<void> {
    await this.manager.query(
      `INSERT INTO timeline_event (review_id, occurred_on, precision, sort_date, end_date, time_of_day, agency_id, title, description, source)
       SELECT $1, * FROM unnest($2::text[], $3::date_precision[], $4::date[], $5::date[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[])`,
      [
        reviewId,
        rows.map((r) => r.occurredOn),
        rows.map((r) => r.precision),
        rows.map((r) => r.sortDate),
        rows.map((r) => r.endDate),
        rows.map((r) => r.time),
        rows.map((r) => r.agencyId),
        rows.map((r) => r.title),
        rows.map((r) => r.description),
        rows.map((r) => r.source),
      ],
    );
  }

  /** Records the import; returns its id. */
  @GenerateSql({
    params: [
      {
        reviewId: DummyValue.UUID,
        agencyId: null,
        fileName: DummyValue.TEXT,
        fileHash: DummyValue.TEXT,
        rowsImported: DummyValue.NUMBER,
        rowsSkipped: 0,
        importedBy: DummyValue.OTHER_UUID,
      },
    ],
  })
  async record(values: NewChronologyImport): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO chronology_import (review_id, agency_id, file_name, file_hash, rows_imported, rows_skipped, imported_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        values.reviewId,
        values.agencyId,
        values.fileName,
        values.fileHash,
        values.rowsImported,
        values.rowsSkipped,
        values.importedBy,
      ],
    );
    return id;
  }
}
