import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { BaseRepository } from '../../database/unit-of-work';

export interface ExportRow {
  occurred_on: string;
  precision: string;
  time_of_day: string | null;
  sort_date: string;
  agency: string | null;
  title: string;
  description: string | null;
  source: string | null;
  sequence: string;
}

/** The merged chronology as the spreadsheet export reads it, a batch at a time. */
@Injectable()
export class TimelineExportRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The next `limit` events in date order, with their agency's name, after `after` when given. */
  @GenerateSql(
    { name: 'first batch', params: [DummyValue.UUID, null, 2000] },
    { name: 'next batch', params: [DummyValue.UUID, [DummyValue.DAY, '42'], 2000] },
  )
  batch(reviewId: string, after: [string, string] | null, limit: number): Promise<ExportRow[]> {
    return this.manager.query(
      `SELECT e.occurred_on, e.precision, e.time_of_day, e.sort_date, a.name AS agency, e.title, e.description, e.source, e.sequence::text
       FROM timeline_event e LEFT JOIN agency a ON a.id = e.agency_id
       WHERE e.review_id = $1 AND ($2::date IS NULL OR (e.sort_date, e.sequence) > ($2::date, $3::bigint))
       ORDER BY e.sort_date, e.sequence LIMIT $4`,
      [reviewId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }
}
