import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import type { TestApp } from './test-app';

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

export interface ZipEntryInput {
  name: string;
  data: Buffer;
  /** the uncompressed size the ZIP claims, when it should lie (a ZIP bomb) */
  declaredSize?: number;
}

/**
 * A ZIP written by hand (entries deflated), so that tests can build the hostile ones no archiver
 * writes: names that climb out of the folder, sizes that lie.
 */
export function zipOf(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface BatchView {
  id: string;
  finished: boolean;
  counts: Record<string, number>;
  files: {
    id: string;
    fileName: string;
    state: string;
    reason: string | null;
    duplicateOf: { id: string; title: string } | null;
    reportId: string | null;
    pagesDone: number;
    pageCount: number | null;
  }[];
}

export interface Upload {
  name: string;
  data: Buffer;
}

/** Sends reports (and a catalogue) to POST /api/reports; answers the response. */
export function uploadReports(
  t: TestApp,
  token: string,
  files: Upload[],
  catalogue?: Upload,
): Promise<{ status: number; body: { batchId?: string; message?: string } }> {
  const call = t.http().post('/api/reports').set('authorization', `Bearer ${token}`);
  for (const file of files) call.attach('file', file.data, file.name);
  if (catalogue) call.attach('catalogue', catalogue.data, catalogue.name);
  return call.then((r) => ({ status: r.status, body: r.body }));
}

export async function batchOf(t: TestApp, token: string, batchId: string): Promise<BatchView> {
  const response = await t
    .http()
    .get(`/api/reports/batches/${batchId}`)
    .set('authorization', `Bearer ${token}`);
  if (response.status !== 200) throw new Error(`batch: HTTP ${response.status} ${response.text}`);
  return response.body;
}

/** Polls the batch until no file is waiting. */
export async function finishedBatch(
  t: TestApp,
  token: string,
  batchId: string,
  timeoutMs = 60_000,
): Promise<BatchView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const batch = await batchOf(t, token, batchId);
    if (batch.finished) return batch;
    if (Date.now() > until) throw new Error(`batch not finished: ${JSON.stringify(batch)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
