import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import Papa from 'papaparse';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { CurrentUser } from '../../auth/current-user.decorator';
import { RequestLoadersFactory } from '../../common/request-loaders';
import { ReviewAccessService } from '../../reviews/review-access.service';
import { User } from '../../users/user.entity';
import { neutraliseFormula } from './spreadsheet-safety';
import { OnReview } from '../../auth/policy';

const HEADINGS = ['Date', 'Precision', 'Time', 'Sorts as', 'Agency', 'Entry', 'Details', 'Source'];
const WIDTHS = [12, 12, 8, 12, 28, 40, 60, 30];
const BATCH = 2000;

interface ExportRow {
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

/** The merged chronology as a spreadsheet, read from the database in batches and written as it goes. */
@Controller('api/reviews')
export class TimelineExportController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loaders: RequestLoadersFactory,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
  ) {}

  private async *rows(reviewId: string): AsyncGenerator<string[]> {
    let after: [string, string] | null = null;
    for (;;) {
      const batch: ExportRow[] = await this.dataSource.query(
        `SELECT e.occurred_on, e.precision, e.time_of_day, e.sort_date, a.name AS agency, e.title, e.description, e.source, e.sequence::text
         FROM timeline_event e LEFT JOIN agency a ON a.id = e.agency_id
         WHERE e.review_id = $1 AND ($2::date IS NULL OR (e.sort_date, e.sequence) > ($2::date, $3::bigint))
         ORDER BY e.sort_date, e.sequence LIMIT ${BATCH}`,
        [reviewId, after?.[0] ?? null, after?.[1] ?? null],
      );
      for (const row of batch) {
        yield [
          row.occurred_on,
          row.precision,
          row.time_of_day,
          row.sort_date,
          row.agency,
          row.title,
          row.description,
          row.source,
        ].map(neutraliseFormula);
      }
      if (batch.length < BATCH) return;
      const last = batch[batch.length - 1];
      after = [last.sort_date, last.sequence];
    }
  }

  private async start(
    user: User,
    reviewId: string,
    res: Response,
    extension: string,
    type: string,
  ): Promise<void> {
    const review = await this.access.require(user, reviewId, 'read', this.loaders.create());
    // The export leaves out the people register, but its texts are the agencies' own words and
    // may name people: every download is recorded (realNames: no register names in it).
    await this.audit.record(this.dataSource.manager, user, {
      reviewId,
      entityType: 'Review',
      entityId: reviewId,
      action: 'download',
      after: { download: `timeline.${extension}`, realNames: false },
    });
    const name = `${review.reference.replace(/[^A-Za-z0-9._-]+/g, '_')}-chronology.${extension}`;
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Cache-Control', 'no-store');
  }

  @OnReview('read', { param: 'id' })
  @Get(':id/timeline.csv')
  async csv(
    @CurrentUser() user: User,
    @Param('id', new ParseUUIDPipe({ version: undefined })) reviewId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.start(user, reviewId, res, 'csv', 'text/csv; charset=utf-8');
    // The byte-order mark lets Excel open the file as UTF-8.
    res.write('\ufeff' + Papa.unparse([HEADINGS]) + '\r\n');
    let lines: string[][] = [];
    for await (const row of this.rows(reviewId)) {
      lines.push(row);
      if (lines.length === BATCH) {
        res.write(Papa.unparse(lines) + '\r\n');
        lines = [];
      }
    }
    if (lines.length) res.write(Papa.unparse(lines) + '\r\n');
    res.end();
  }

  @OnReview('read', { param: 'id' })
  @Get(':id/timeline.xlsx')
  async xlsx(
    @CurrentUser() user: User,
    @Param('id', new ParseUUIDPipe({ version: undefined })) reviewId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.start(
      user,
      reviewId,
      res,
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Chronology', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = HEADINGS.map((header, i) => ({ header, width: WIDTHS[i] }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const row of this.rows(reviewId)) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  }
}
