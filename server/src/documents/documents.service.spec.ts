import { plainToInstance } from 'class-transformer';
import { AppError } from '../common/app-error';
import { AppConfig } from '../config/app-config';
import { DocumentsService } from './documents.service';
import { parseDocumentFormat, safeFileName } from './render/document-format';
import { DocxRenderer } from './render/docx-renderer';
import { PdfRenderer } from './render/pdf-renderer';
import { sampleBriefing } from './render/sample-document';

describe('DocumentsService', () => {
  const service = new DocumentsService(
    new DocxRenderer(),
    new PdfRenderer(plainToInstance(AppConfig, { CHROMIUM_PATH: '/nowhere/chromium' })),
  );

  it('renders each format with its content type and a safe file name', async () => {
    const doc = { ...sampleBriefing(), fileName: 'Practice issue 1: "early help"/CAF\r\n' };
    const md = await service.render(doc, 'md');
    expect(md).toMatchObject({
      contentType: 'text/markdown; charset=utf-8',
      fileName: 'Practice-issue-1-early-help-CAF.md',
    });
    expect(md.body.toString('utf8')).toContain('## What is the issue?');
    const html = await service.render(doc, 'html');
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(html.body.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
    const docx = await service.render(doc, 'docx');
    expect(docx.fileName).toBe('Practice-issue-1-early-help-CAF.docx');
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('answers 503 for PDF without Chromium while the other formats still work', async () => {
    await expect(service.render(sampleBriefing(), 'pdf')).rejects.toMatchObject({
      httpStatus: 503,
    });
    await expect(service.render(sampleBriefing(), 'docx')).resolves.toBeDefined();
  });
});

describe('parseDocumentFormat', () => {
  it('accepts the four extensions and refuses any other with a 400', () => {
    expect(['docx', 'pdf', 'html', 'md', 'PDF'].map(parseDocumentFormat)).toEqual([
      'docx',
      'pdf',
      'html',
      'md',
      'pdf',
    ]);
    for (const bad of ['exe', 'htm', '', undefined, 'docx.exe']) {
      expect(() => parseDocumentFormat(bad)).toThrow(AppError);
    }
    expect(() => parseDocumentFormat('txt')).toThrow(/\.docx, \.pdf, \.html, \.md/);
  });

  it('names files safely', () => {
    expect(safeFileName('../../etc/passwd', 'md')).toBe('etc-passwd.md');
    expect(safeFileName('Révision «Child M»', 'pdf')).toBe('Revision-Child-M.pdf');
    expect(safeFileName('', 'html')).toBe('document.html');
  });
});
