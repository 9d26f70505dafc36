import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { OnReview } from '../../auth/policy';
import { User } from '../../users/user.entity';
import { parseDocumentFormat } from '../render/document-format';
import { sendDocument } from '../render/rendered-document';
import { ReviewReportService } from './review-report.service';

/** The review report in Word, PDF, HTML or Markdown (pseudonyms only, whoever downloads it). */
@Controller('api/reviews')
export class ReviewReportController {
  constructor(private readonly reports: ReviewReportService) {}

  @OnReview('read', { param: 'id' })
  @Get(':id/report.:format')
  async report(
    @CurrentUser() user: User,
    @Param('id', new ParseUUIDPipe({ version: undefined })) reviewId: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    sendDocument(res, await this.reports.download(user, reviewId, parseDocumentFormat(format)));
  }
}
