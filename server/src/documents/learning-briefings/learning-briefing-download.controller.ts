import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { OnReview, SignedIn } from '../../auth/policy';
import { RequestLoadersFactory } from '../../common/request-loaders';
import { User } from '../../users/user.entity';
import { DocumentsService } from '../documents.service';
import { parseDocumentFormat } from '../render/document-format';
import { sendDocument } from '../render/rendered-document';
import { LearningBriefingsService } from './learning-briefings.service';

const uuid = new ParseUUIDPipe({ version: undefined });

/** A learning-lessons briefing in Word, PDF, HTML or Markdown, for a review or a collection. */
@Controller('api')
export class LearningBriefingDownloadController {
  constructor(
    private readonly briefings: LearningBriefingsService,
    private readonly documents: DocumentsService,
    private readonly loaders: RequestLoadersFactory,
  ) {}

  @OnReview('read', { param: 'id' })
  @Get('reviews/:id/briefing.:format')
  async review(
    @CurrentUser() user: User,
    @Param('id', uuid) reviewId: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(res, user, 'review', reviewId, format);
  }

  @SignedIn("counts only the collection's reviews the account may read")
  @Get('collections/:id/briefing.:format')
  async collection(
    @CurrentUser() user: User,
    @Param('id', uuid) collectionId: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(res, user, 'collection', collectionId, format);
  }

  private async send(
    res: Response,
    user: User,
    kind: 'review' | 'collection',
    id: string,
    format: string,
  ): Promise<void> {
    const chosen = parseDocumentFormat(format);
    const document = await this.briefings.documentFor(user, kind, id, this.loaders.create());
    sendDocument(res, await this.documents.render(document, chosen));
  }
}
