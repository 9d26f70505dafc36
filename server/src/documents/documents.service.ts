import { Injectable } from '@nestjs/common';
import { CONTENT_TYPES, DocumentFormat, PrintedDocument } from './render/document-model';
import { safeFileName } from './render/document-format';
import { DocxRenderer } from './render/docx-renderer';
import { renderHtml } from './render/html-renderer';
import { renderMarkdown } from './render/markdown-renderer';
import { PdfRenderer } from './render/pdf-renderer';
import { RenderedDocument } from './render/rendered-document';

/**
 * Turns a PrintedDocument into a file in any of the four formats. Builders (practice issues,
 * learning briefings, the review report) make the document; controllers send the result with
 * sendDocument().
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly docx: DocxRenderer,
    private readonly pdf: PdfRenderer,
  ) {}

  async render(doc: PrintedDocument, format: DocumentFormat): Promise<RenderedDocument> {
    return {
      body: await this.body(doc, format),
      contentType: CONTENT_TYPES[format],
      fileName: safeFileName(doc.fileName, format),
    };
  }

  private async body(doc: PrintedDocument, format: DocumentFormat): Promise<Buffer> {
    switch (format) {
      case 'md':
        return Buffer.from(renderMarkdown(doc), 'utf8');
      case 'html':
        return Buffer.from(renderHtml(doc), 'utf8');
      case 'docx':
        return this.docx.render(doc);
      case 'pdf':
        return this.pdf.render(doc);
    }
  }
}
