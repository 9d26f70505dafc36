import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { unlink } from 'node:fs/promises';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { User } from '../users/user.entity';
import { REPORT_IMPORTERS } from './reports.resolver';
import { ReportsService } from './reports.service';

export const MAX_REPORT_BYTES = 100 * 1024 * 1024;
export const MAX_REPORT_FILES = 200;

@Catch(PayloadTooLargeException)
class TooLargeFilter implements ExceptionFilter {
  catch(_error: PayloadTooLargeException, host: ArgumentsHost) {
    host.switchToHttp().getResponse<Response>().status(413).json({
      code: 'BAD_USER_INPUT',
      message: `A file is larger than 100 MB, the most a report (or a ZIP of reports) may be: split the ZIP, or bring the report in on its own.`,
    });
  }
}

interface UploadFields {
  file?: Express.Multer.File[];
  catalogue?: Express.Multer.File[];
}

@Controller('api/reports')
@UseFilters(TooLargeFilter)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * Reports (multipart `file`, one or more PDF, DOCX or ZIP) and an optional `catalogue` (CSV or
   * XLSX): answered with the batch at once, while the text is read in the background.
   */
  @Roles(...REPORT_IMPORTERS)
  @Post()
  @HttpCode(202)
  @UseInterceptors(
    FileFieldsInterceptor(
      [
        { name: 'file', maxCount: MAX_REPORT_FILES },
        { name: 'catalogue', maxCount: 1 },
      ],
      { limits: { fileSize: MAX_REPORT_BYTES } },
    ),
  )
  async bringIn(@CurrentUser() user: User, @UploadedFiles() uploads: UploadFields | undefined) {
    const files = uploads?.file ?? [];
    const catalogue = uploads?.catalogue?.[0] ?? null;
    try {
      return await this.reports.bringIn(
        user,
        files.map((f) => ({ path: f.path, originalName: f.originalname })),
        catalogue ? { path: catalogue.path, originalName: catalogue.originalname } : null,
      );
    } finally {
      await Promise.all(
        [...files, ...(catalogue ? [catalogue] : [])].map((f) =>
          unlink(f.path).catch(() => undefined),
        ),
      );
    }
  }

  /** Each file of the batch: queued, extracting (pages read so far), done, failed (why), duplicate. */
  @Roles(...REPORT_IMPORTERS)
  @Get('batches/:batchId')
  batch(@Param('batchId', new ParseUUIDPipe({ version: undefined })) batchId: string) {
    return this.reports.batch(batchId);
  }
}
