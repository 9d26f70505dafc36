import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { unlink } from 'node:fs/promises';
import { CurrentUser } from '../../auth/current-user.decorator';
import { badInput } from '../../common/app-error';
import { User } from '../../users/user.entity';
import { ChronologyImportService } from './chronology-import.service';
import { ColumnMapping } from './column-mapping';
import { OnReview } from '../../auth/policy';

export const MAX_CHRONOLOGY_BYTES = 50 * 1024 * 1024;

@Catch(PayloadTooLargeException)
class TooLargeFilter implements ExceptionFilter {
  catch(_error: PayloadTooLargeException, host: ArgumentsHost) {
    host.switchToHttp().getResponse<Response>().status(413).json({
      code: 'BAD_USER_INPUT',
      message:
        'The file is larger than 50 MB, the most a chronology may be: split it, or export fewer columns.',
    });
  }
}

interface ImportFields {
  progressId?: string;
  agencyId?: string;
  mapping?: string;
  sheet?: string;
  dryRun?: string;
  skipBadRows?: string;
}

const yes = (value: string | undefined) => value === 'true' || value === '1' || value === 'on';

function parseMapping(text: string | undefined): ColumnMapping | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    const mapping = JSON.parse(text);
    if (mapping && typeof mapping === 'object' && !Array.isArray(mapping))
      return mapping as ColumnMapping;
  } catch {
    // answered below
  }
  throw badInput('mapping must be JSON such as {"date": "Date", "title": "Entry"}.', {
    field: 'mapping',
    value: text,
  });
}

@Controller('api/reviews')
@UseFilters(TooLargeFilter)
export class ChronologyImportController {
  constructor(private readonly imports: ChronologyImportService) {}

  /** How far the import sent with this progressId has got: poll it while the upload request runs. */
  @OnReview('edit', { param: 'id' })
  @Get(':id/chronology/progress/:progressId')
  progress(
    @CurrentUser() user: User,
    @Param('id', new ParseUUIDPipe({ version: undefined })) reviewId: string,
    @Param('progressId', new ParseUUIDPipe({ version: undefined })) progressId: string,
  ) {
    return this.imports.progress(user, reviewId, progressId);
  }

  /**
   * An agency chronology (CSV or XLSX, multipart field `file`) into the review's timeline. The
   * upload goes to a private file under DATA_DIR/uploads (the storage is set in ChronologyModule)
   * and is read from there row by row, then removed. Who may edit the review is checked before
   * the body is read.
   */
  @OnReview('edit', { param: 'id' })
  @Post(':id/chronology')
  @HttpCode(200)
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: MAX_CHRONOLOGY_BYTES, files: 1 },
    }),
  )
  async import(
    @CurrentUser() user: User,
    @Param('id', new ParseUUIDPipe({ version: undefined })) reviewId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() fields: ImportFields,
  ) {
    if (!file)
      throw badInput('Attach the chronology as the multipart field "file".', { field: 'file' });
    try {
      return await this.imports.run(user, reviewId, file.path, {
        fileName: file.originalname,
        fileSize: file.size,
        progressId: fields.progressId || undefined,
        agencyId: fields.agencyId || undefined,
        mapping: parseMapping(fields.mapping),
        sheet: fields.sheet || undefined,
        dryRun: yes(fields.dryRun),
        skipBadRows: yes(fields.skipBadRows),
      });
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
  }
}
