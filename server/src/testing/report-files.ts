import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { randomBytes } from 'node:crypto';

/** Report files built in tests: small real PDFs (written by hand), DOCX (with docx) and ZIPs. */

const escapePdf = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * A PDF whose pages carry the lines given (a page of no lines has no text layer, like a scan).
 * `encrypt` adds a standard security handler whose user password is not empty.
 */
export function textPdf(pages: string[][], options: { encrypt?: boolean } = {}): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach((lines, i) => {
    const stream = lines.length
      ? `BT /F1 12 Tf 14 TL 72 720 Td ${lines.map((l) => `(${escapePdf(l)}) Tj T*`).join(' ')} ET`
      : '0.5 g 72 72 400 600 re f';
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let encryptRef = '';
  if (options.encrypt) {
    const id = objects.length;
    const hex = () => randomBytes(32).toString('hex');
    objects[id] = `<< /Filter /Standard /V 1 /R 2 /O <${hex()}> /U <${hex()}> /P -44 >>`;
    encryptRef = ` /Encrypt ${id} 0 R /ID [<${randomBytes(16).toString('hex')}> <${randomBytes(16).toString('hex')}>]`;
  }
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++)
    body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R${encryptRef} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A Word document of headings (level 1 or 2, as `# ` / `## ` lines) and paragraphs. */
export async function wordDocument(lines: string[]): Promise<Buffer> {
  const children = lines.map((line) => {
    const heading = /^(#{1,2}) (.*)$/.exec(line);
    if (!heading) return new Paragraph({ text: line });
    return new Paragraph({
      text: heading[2],
      heading: heading[1] === '#' ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
