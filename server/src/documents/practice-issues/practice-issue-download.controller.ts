import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { notFound } from '../../common/app-error';
import { Role } from '../../users/user.entity';
import { DocumentsService } from '../documents.service';
import { parseDocumentFormat } from '../render/document-format';
import { sendDocument } from '../render/rendered-document';
import { PracticeIssuesService } from './practice-issues.service';

const uuid = new ParseUUIDPipe({ version: undefined });

/** A practice-issue briefing, or a whole set of them with contents, in Word, PDF, HTML or Markdown. */
@Controller('api')
export class PracticeIssueDownloadController {
  constructor(
    private readonly issues: PracticeIssuesService,
    private readonly documents: DocumentsService,
  ) {}

  @Roles(Role.TRAINER, Role.ADMIN, Role.ANALYST)
  @Get('practice-issues/:id/briefing.:format')
  async issue(
    @Param('id', uuid) id: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    const chosen = parseDocumentFormat(format);
    const document = await this.issues.issueDocument(id);
    if (!document) throw notFound('There is no such practice issue.');
    sendDocument(res, await this.documents.render(document, chosen));
  }

  @Roles(Role.TRAINER, Role.ADMIN, Role.ANALYST)
  @Get('practice-issue-sets/:id/briefing.:format')
  async set(
    @Param('id', uuid) id: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    const chosen = parseDocumentFormat(format);
    const document = await this.issues.setDocument(id);
    if (!document) throw notFound('There is no such set of practice issues.');
    sendDocument(res, await this.documents.render(document, chosen));
  }
}
