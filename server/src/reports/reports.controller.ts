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
  Res,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { User } from '../users/user.entity';
import { ReportReadingService } from './report-reading.service';
import { REPORT_IMPORTERS, REPORT_READERS } from './reports.resolver';
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
  constructor(
    private readonly reports: ReportsService,
    private readonly reading: ReportReadingService,
  ) {}

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

  /**
   * The report's original file, as brought in (analysts, administrators, trainers; never
   * reviewers): streamed chunk by chunk from the database, each download recorded.
   */
  @Roles(...REPORT_READERS)
  @Get(':id/file')
  async file(
    @CurrentUser() user: User,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.reading.openFile(user, id);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.byteSize));
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    await pipeline(Readable.from(file.chunks), res);
  }
}

/** `attachment` with the file name: plain ASCII in `filename`, the exact name in `filename*`. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
