import { currentToken } from '../auth';

export type BatchFileState = 'QUEUED' | 'EXTRACTING' | 'DONE' | 'FAILED' | 'DUPLICATE';

export interface BatchFile {
  id: string;
  fileName: string;
  state: BatchFileState;
  reason: string | null;
  duplicateOf: { id: string; title: string } | null;
  reportId: string | null;
  pagesDone: number;
  pageCount: number | null;
}

export interface Batch {
  id: string;
  finished: boolean;
  counts: Record<'total' | 'queued' | 'extracting' | 'done' | 'failed' | 'duplicate', number>;
  files: BatchFile[];
}

const authorised = (): HeadersInit => {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

async function failure(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return new Error(body.message ?? `The server answered ${response.status}.`);
}

/** Sends reports (PDF, DOCX or ZIP) and an optional catalogue; the server answers with the batch. */
export async function sendReports(files: File[], catalogue: File | null): Promise<string> {
  const form = new FormData();
  for (const file of files) form.append('file', file);
  if (catalogue) form.append('catalogue', catalogue);
  const response = await fetch('/api/reports', {
    method: 'POST',
    headers: authorised(),
    body: form,
  });
  if (response.status !== 202) throw await failure(response);
  return ((await response.json()) as { batchId: string }).batchId;
}

export async function readBatch(batchId: string): Promise<Batch> {
  const response = await fetch(`/api/reports/batches/${batchId}`, { headers: authorised() });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as Batch;
}

/** A batch file's state in words, with its pages read so far while extracting. */
export function stateInWords(file: BatchFile): string {
  switch (file.state) {
    case 'QUEUED':
      return 'Queued';
    case 'EXTRACTING':
      return file.pageCount ? `Reading: page ${file.pagesDone} of ${file.pageCount}` : 'Reading';
    case 'DONE':
      return file.pageCount === 1 ? 'Done: 1 page' : `Done: ${file.pageCount ?? 0} pages`;
    case 'DUPLICATE':
      return `Already in the library: ${file.duplicateOf?.title ?? 'the same file'}`;
    case 'FAILED':
      return 'Failed';
  }
}
