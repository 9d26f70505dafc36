import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import Papa from 'papaparse';
import { CurrentUser } from '../../auth/current-user.decorator';
import { OnReview } from '../../auth/policy';
import { User } from '../../users/user.entity';
import { KPE_HEADINGS, KpeTableService } from './kpe-table.service';

/** The key practice episode table as a spreadsheet (pseudonyms only). */
@Controller('api/reviews')
export class KpeTableController {
  constructor(private readonly kpe: KpeTableService) {}

  @OnReview('read', { param: 'id' })
  @Get(':id/kpe-table.csv')
  async csv(
    @CurrentUser() user: User,
    @Param('id', new ParseUUIDPipe({ version: undefined })) reviewId: string,
    @Res() res: Response,
  ): Promise<void> {
    const name = await this.kpe.start(user, reviewId);
    const rows = await this.kpe.table(reviewId);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Cache-Control', 'no-store');
    // The byte-order mark lets Excel open the file as UTF-8.
    res.send('\ufeff' + Papa.unparse([KPE_HEADINGS, ...rows]) + '\r\n');
  }
}
