import { execFile } from 'node:child_process';
import { join } from 'node:path';
import unzipper from 'unzipper';

/** Reading exported documents back in tests: DOCX parts and text, PDF text by page. */

/** The named parts of a .docx, as text. */
export async function docxParts(body: Buffer): Promise<Record<string, string>> {
  const archive = await unzipper.Open.buffer(body);
  const parts: Record<string, string> = {};
  for (const file of archive.files) parts[file.path] = (await file.buffer()).toString('utf8');
  return parts;
}

/** The visible text of word/document.xml, paragraph by paragraph. */
export function docxText(documentXml: string): string {
  return documentXml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1])
        .join('')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .filter(Boolean)
    .join('\n');
}

/** The text of each page of a PDF, read with pdf.js (in a Node process of its own). */
export async function pdfPages(body: Buffer): Promise<string[]> {
  const { stdout } = await run(process.execPath, [join(__dirname, 'pdf-text.mjs')], body);
  return JSON.parse(stdout) as string[];
}

function run(command: string, args: string[], input: Buffer): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { maxBuffer: 64 * 1024 * 1024, cwd: __dirname },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout }),
    );
    child.stdin?.end(input);
  });
}
