import { open } from 'node:fs/promises';
import unzipper from 'unzipper';

export type SniffedKind = 'pdf' | 'docx' | 'zip' | 'empty' | 'other';

export const PDF_MEDIA_TYPE = 'application/pdf';
export const DOCX_MEDIA_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function head(path: string, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * What a file is by its content, never its name: a PDF starts with `%PDF-` (readers accept it
 * within the first 1,024 bytes); a ZIP starts with `PK`; a ZIP holding word/document.xml is a
 * Word document.
 */
export async function sniffFile(path: string): Promise<SniffedKind> {
  const start = await head(path, 1024);
  if (start.length === 0) return 'empty';
  if (start.includes('%PDF-')) return 'pdf';
  if (start[0] !== 0x50 || start[1] !== 0x4b) return 'other';
  try {
    const directory = await unzipper.Open.file(path);
    const names = new Set(directory.files.map((f) => f.path));
    return names.has('word/document.xml') && names.has('[Content_Types].xml') ? 'docx' : 'zip';
  } catch {
    return 'other';
  }
}

export function whatItIs(kind: SniffedKind, fileName: string): string {
  if (kind === 'empty') return `${fileName} is empty (0 bytes).`;
  return `${fileName} is not a PDF or Word (.docx) document by its content: only PDF and DOCX reports, or a ZIP of them, can be brought in.`;
}
