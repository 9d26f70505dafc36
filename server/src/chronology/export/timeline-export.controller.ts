import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import Papa from 'papaparse';
import { CurrentUser } from '../../auth/current-user.decorator';
import { OnReview } from '../../auth/policy';
import { User } from '../../users/user.entity';
import { EXPORT_BATCH, TimelineExportService } from './timeline-export.service';

const HEADINGS = [
  'Date',
  'Precision',
  'Time',
  'Sorts as',
  'Agency',
  'Entry',
  'Details',
  'Record reference',
];
const WIDTHS = [12, 12, 8, 12, 28, 40, 60, 30];

/** The merged chronology as a spreadsheet, read from the database in batches and written as it goes. */
@Controller('api/reviews')
export class TimelineExportController {
  constructor(private readonly timeline: TimelineExportService) {}

  private async start(
    user: User,
    reviewId: string,
    res: Response,
    extension: string,
    type: string,
  ): Promise<void> {
    const name = await this.timeline.start(user, reviewId, extension);
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
    for await (const row of this.timeline.rows(reviewId)) {
      lines.push(row);
      if (lines.length === EXPORT_BATCH) {
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
    for await (const row of this.timeline.rows(reviewId)) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  }
}
