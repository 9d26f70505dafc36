import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { EXTRACTOR_SCRIPT } from './extractor-script';

export type ReportKind = 'pdf' | 'docx';

export type Extraction =
  { ok: true; pages: string[] } | { ok: false; code: 'ENCRYPTED' | 'CORRUPT'; message: string };

/** The extractor's heap bound: a 100 MB PDF and pdf.js's structures fit well inside it. */
const EXTRACTOR_HEAP_MB = 1024;
/** A file that takes longer than this is given up as unreadable. */
export const EXTRACTION_TIMEOUT_MS = 10 * 60 * 1000;

const moduleUrl = (specifier: string) => pathToFileURL(require.resolve(specifier)).href;

/**
 * The text of a report, page by page, read in a Node process of its own (extractor-script.ts).
 * `onPage` hears of each page as it is read, for the progress shown while a batch runs.
 */
export function extractText(
  kind: ReportKind,
  bytes: Readable,
  onPage: (pageNumber: number, pageCount: number) => void = () => undefined,
): Promise<Extraction> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${EXTRACTOR_HEAP_MB}`,
        '--input-type=module',
        '-e',
        EXTRACTOR_SCRIPT,
        kind,
        moduleUrl('pdfjs-dist/legacy/build/pdf.mjs'),
        moduleUrl('mammoth'),
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const pages: string[] = [];
    let pageCount = 0;
    let outcome: Extraction | null = null;
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), EXTRACTION_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    child.stdin.on('error', () => undefined);
    bytes.on('error', (error) => {
      child.kill('SIGKILL');
      clearTimeout(timer);
      reject(error);
    });
    bytes.pipe(child.stdin);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as {
        pageCount?: number;
        page?: number;
        text?: string;
        done?: boolean;
        error?: 'ENCRYPTED' | 'CORRUPT';
        message?: string;
      };
      if (message.error) outcome = { ok: false, code: message.error, message: message.message! };
      else if (message.pageCount !== undefined) pageCount = message.pageCount;
      else if (message.page !== undefined) {
        pages.push(message.text ?? '');
        onPage(message.page, pageCount);
      } else if (message.done) outcome = { ok: true, pages };
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (outcome) resolve(outcome);
      else
        resolve({
          ok: false,
          code: 'CORRUPT',
          message:
            signal === 'SIGKILL'
              ? 'Reading the file took too long or needed too much memory: it may be damaged.'
              : `The file cannot be read (the reader stopped with code ${code}): it may be damaged.`,
        });
    });
  });
}
