import { currentToken } from '../auth';

export interface RowProblem {
  row: number;
  column: string;
  value: string | null;
  message: string;
}

export interface PreviewRow {
  row: number;
  originalDate: string;
  occurredOn: string;
  precision: string;
  time: string | null;
  title: string;
  description: string | null;
  source: string;
  agencyName: string | null;
}

export interface DryRun {
  headings: string[];
  mapping: Record<string, string>;
  encoding?: string;
  totalRows: number;
  rows: PreviewRow[];
  errors: RowProblem[];
  errorCount: number;
  warnings: { row?: number; message: string }[];
}

export interface Committed {
  imported: number;
  duplicateCandidates: number | null;
  skipped: RowProblem[];
  warnings: { row?: number; message: string }[];
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  state: 'reading' | 'storing' | 'done' | 'failed';
}

export interface UploadOptions {
  reviewId: string;
  /** An id under which the server reports how far it has got; see readProgress. */
  progressId?: string;
  file: File;
  agencyId?: string;
  sheet?: string;
  mapping?: Record<string, string>;
  dryRun: boolean;
  skipBadRows?: boolean;
  /** Called with the share of the file sent so far, from 0 to 1. */
  onProgress?: (sent: number) => void;
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * Sends a chronology to POST /api/reviews/:id/chronology. XMLHttpRequest rather than fetch, for
 * the upload progress a large file needs.
 */
export function uploadChronology(options: UploadOptions): Promise<DryRun | Committed> {
  const form = new FormData();
  form.append('file', options.file);
  if (options.progressId) form.append('progressId', options.progressId);
  if (options.agencyId) form.append('agencyId', options.agencyId);
  if (options.sheet) form.append('sheet', options.sheet);
  if (options.mapping) form.append('mapping', JSON.stringify(options.mapping));
  form.append('dryRun', String(options.dryRun));
  if (options.skipBadRows) form.append('skipBadRows', 'true');
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/reviews/${options.reviewId}/chronology`);
    const token = currentToken();
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body = (request.response ?? {}) as Record<string, unknown>;
      if (request.status === 200) resolve(body as unknown as DryRun | Committed);
      else
        reject(
          new UploadError(
            String(body.message ?? `The server answered ${request.status}.`),
            request.status,
            body,
          ),
        );
    };
    request.onerror = () =>
      reject(
        new UploadError(
          'The server could not be reached; check that it is running and try again.',
          0,
          {},
        ),
      );
    request.send(form);
  });
}

/** How far the server has got with an import; null while it has not started reporting. */
export async function readProgress(
  reviewId: string,
  progressId: string,
): Promise<ImportProgress | null> {
  const token = currentToken();
  const response = await fetch(`/api/reviews/${reviewId}/chronology/progress/${progressId}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return response.ok ? ((await response.json()) as ImportProgress) : null;
}
