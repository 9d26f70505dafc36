import { Readable } from 'node:stream';
import { textPdf, wordDocument } from '../../testing/report-files';
import { extractText } from './extract-text';

const read = (kind: 'pdf' | 'docx', bytes: Buffer) => extractText(kind, Readable.from([bytes]));

describe('extractText', () => {
  it('reads a PDF page by page, keeping page numbers', async () => {
    const seen: number[] = [];
    const result = await extractText(
      'pdf',
      Readable.from([textPdf([['Child Q was seen at school.'], ['The health visitor called.']])]),
      (page) => seen.push(page),
    );
    expect(result).toEqual({
      ok: true,
      pages: ['Child Q was seen at school.', 'The health visitor called.'],
    });
    expect(seen).toEqual([1, 2]);
  });

  it('reads a page without a text layer as empty', async () => {
    expect(await read('pdf', textPdf([[]]))).toEqual({ ok: true, pages: [''] });
  });

  it('says a PDF with a password is protected', async () => {
    const result = await read('pdf', textPdf([['secret']], { encrypt: true }));
    expect(result).toMatchObject({ ok: false, code: 'ENCRYPTED' });
  });

  it('says a damaged PDF cannot be read', async () => {
    const result = await read('pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Cat'));
    expect(result).toMatchObject({ ok: false, code: 'CORRUPT' });
  });

  it('reads a Word document with its headings, a page per heading section', async () => {
    const docx = await wordDocument([
      '# Introduction',
      'This review concerns Child R.',
      '## Key practice episode 1',
      'Referral & assessment <in> 2019.',
    ]);
    expect(await read('docx', docx)).toEqual({
      ok: true,
      pages: [
        '# Introduction\nThis review concerns Child R.',
        '## Key practice episode 1\nReferral & assessment <in> 2019.',
      ],
    });
  });

  it('breaks a long Word section into pages of about 3,000 characters at paragraph ends', async () => {
    const paragraph = 'x'.repeat(999);
    const result = await read('docx', await wordDocument(Array(7).fill(paragraph)));
    expect(result.ok && result.pages.map((p) => p.length)).toEqual([2999, 2999, 999]);
  });
});
