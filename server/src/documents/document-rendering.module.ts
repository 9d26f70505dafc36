import { Module } from '@nestjs/common';
import { DocumentsService } from './documents.service';
import { DocxRenderer } from './render/docx-renderer';
import { PdfRenderer } from './render/pdf-renderer';

/**
 * The renderers alone, knowing no other context, so that any document's builder (the report,
 * learning briefings, practice issues) can print without importing what the others import.
 */
@Module({
  providers: [DocumentsService, DocxRenderer, PdfRenderer],
  exports: [DocumentsService],
})
export class DocumentRenderingModule {}
