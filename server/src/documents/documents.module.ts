import { Module } from '@nestjs/common';
import { DocumentsService } from './documents.service';
import { DocxRenderer } from './render/docx-renderer';
import { PdfRenderer } from './render/pdf-renderer';

/**
 * The documents people hand out: practice-issue briefings, learning briefings and the review
 * report, each rendered to DOCX, PDF, HTML or Markdown by DocumentsService.
 */
@Module({
  imports: [],
  controllers: [],
  providers: [DocumentsService, DocxRenderer, PdfRenderer],
  exports: [DocumentsService],
})
export class DocumentsModule {}
