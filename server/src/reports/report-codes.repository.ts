import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { ReportCodeKindName } from './report-codes.graphql';

export interface ReportCodeRow {
  id: string;
  reportId: string;
  coderId: string;
  coderName: string;
  kind: ReportCodeKindName;
  pageNumber: number;
  startOffset: number;
  endOffset: number;
  quote: string;
  category: string | null;
  effect: string | null;
  statement: string | null;
  themeKeys: string[];
  version: number;
  removedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CodeFields {
  kind: ReportCodeKindName;
  pageNumber: number;
  startOffset: number;
  endOffset: number;
  quote: string;
  category: string | null;
  effect: string | null;
  statement: string | null;
  themeKeys: string[];
}

export interface ReportCodingState {
  id: string;
  status: 'UNCODED' | 'CODED';
  version: number;
  withdrawn: boolean;
}

const CODE_COLUMNS = `c.id, c.report_id AS "reportId", c.coder_id AS "coderId", u.display_name AS "coderName",
  c.kind, c.page_number AS "pageNumber", c.start_offset AS "startOffset", c.end_offset AS "endOffset",
  c.quoted_text AS quote, c.category, c.effect, c.statement, c.theme_keys AS "themeKeys", c.version,
  c.removed_at AS "removedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

const EXAMPLE_FIELDS: CodeFields = {
  kind: 'FINDING',
  pageNumber: 1,
  startOffset: 0,
  endOffset: 5,
  quote: 'Staff',
  category: 'TOOLS',
  effect: 'MAKES_PROBLEMS_MORE_LIKELY',
  statement: 'The referral form hid the history.',
  themeKeys: ['neglect'],
};

/** Coded passages of reports, and the reports' coded state. */
@Injectable()
export class ReportCodesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The report's coding state, locked for the transaction when asked. */
  @GenerateSql({ params: [DummyValue.UUID, true] })
  async reportState(reportId: string, lock = false): Promise<ReportCodingState | null> {
    const [row] = await this.manager.query(
      `SELECT id, status, version, withdrawn_at IS NOT NULL AS withdrawn FROM report WHERE id = $1
       ${lock ? 'FOR UPDATE' : ''}`,
      [reportId],
    );
    return row ?? null;
  }

  /** The page's length in code points and its text between the offsets; null without the page. */
  @GenerateSql({ params: [DummyValue.UUID, 1, 0, 5] })
  async passage(
    reportId: string,
    pageNumber: number,
    start: number,
    end: number,
  ): Promise<{ length: number; text: string } | null> {
    const [row] = await this.manager.query(
      `SELECT char_length(text) AS length, substr(text, $3::int + 1, $4::int - $3::int) AS text
         FROM report_page WHERE report_id = $1 AND page_number = $2`,
      [reportId, pageNumber, start, end],
    );
    return row ?? null;
  }

  /** Each page's length in code points. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async pageLengths(reportId: string): Promise<{ pageNumber: number; length: number }[]> {
    return this.manager.query(
      `SELECT page_number AS "pageNumber", char_length(text) AS length
         FROM report_page WHERE report_id = $1 ORDER BY page_number`,
      [reportId],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.UUID, EXAMPLE_FIELDS] })
  async insert(reportId: string, coderId: string, fields: CodeFields): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO report_code (report_id, coder_id, kind, page_number, start_offset, end_offset,
         quoted_text, category, effect, statement, theme_keys)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        reportId,
        coderId,
        fields.kind,
        fields.pageNumber,
        fields.startOffset,
        fields.endOffset,
        fields.quote,
        fields.category,
        fields.effect,
        fields.statement,
        fields.themeKeys,
      ],
    );
    return id;
  }

  /** The code (removed or not), locked for the transaction when asked. */
  @GenerateSql({ params: [DummyValue.UUID, false] })
  async code(id: string, lock = false): Promise<ReportCodeRow | null> {
    const [row] = await this.manager.query(
      `SELECT ${CODE_COLUMNS} FROM report_code c JOIN user_account u ON u.id = c.coder_id
        WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [id],
    );
    return row ?? null;
  }

  @GenerateSql({ params: [DummyValue.UUID, EXAMPLE_FIELDS] })
  async update(id: string, fields: CodeFields): Promise<void> {
    await this.manager.query(
      `UPDATE report_code SET kind = $2, page_number = $3, start_offset = $4, end_offset = $5,
         quoted_text = $6, category = $7, effect = $8, statement = $9, theme_keys = $10,
         version = version + 1, updated_at = now()
       WHERE id = $1`,
      [
        id,
        fields.kind,
        fields.pageNumber,
        fields.startOffset,
        fields.endOffset,
        fields.quote,
        fields.category,
        fields.effect,
        fields.statement,
        fields.themeKeys,
      ],
    );
  }

  /** Removes the code (removed = true) or brings it back (false); the version moves on. */
  @GenerateSql({ params: [DummyValue.UUID, true] })
  async setRemoved(id: string, removed: boolean): Promise<void> {
    await this.manager.query(
      `UPDATE report_code SET removed_at = CASE WHEN $2 THEN now() END, version = version + 1,
         updated_at = now() WHERE id = $1`,
      [id, removed],
    );
  }

  /** The report's codes (not removed), of one coder when given, in reading order. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.UUID] })
  codes(reportId: string, coderId: string | null): Promise<ReportCodeRow[]> {
    return this.manager.query(
      `SELECT ${CODE_COLUMNS} FROM report_code c JOIN user_account u ON u.id = c.coder_id
        WHERE c.report_id = $1 AND c.removed_at IS NULL AND ($2::uuid IS NULL OR c.coder_id = $2)
        ORDER BY c.page_number, c.start_offset, c.end_offset, c.created_at, c.id`,
      [reportId, coderId],
    );
  }

  /** Marks the report coded (by the user) or not, moving its version on. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.UUID, true] })
  async setCoded(reportId: string, userId: string, coded: boolean): Promise<void> {
    await this.manager.query(
      `UPDATE report SET status = CASE WHEN $3 THEN 'CODED' ELSE 'UNCODED' END,
         coded_at = CASE WHEN $3 THEN now() END, coded_by = CASE WHEN $3 THEN $2::uuid END,
         version = version + 1
       WHERE id = $1`,
      [reportId, userId, coded],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async userExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM user_account WHERE id = $1`, [
      id,
    ]);
    return rows.length > 0;
  }
}
