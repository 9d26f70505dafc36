import { useEffect, useState } from 'react';
import { Batch, readBatch, stateInWords } from './reports-api';

export const POLL_MS = 1000;

/** A batch's files and how far each has got, asked of the server again until none is waiting. */
export function BatchProgress({
  batchId,
  onFinished,
}: {
  batchId: string;
  onFinished: (batch: Batch) => void;
}) {
  const [batch, setBatch] = useState<Batch | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await readBatch(batchId);
        if (stopped) return;
        setBatch(next);
        setError(null);
        if (next.finished) onFinished(next);
        else timer = setTimeout(() => void poll(), POLL_MS);
      } catch (e) {
        if (stopped) return;
        setError((e as Error).message);
        timer = setTimeout(() => void poll(), POLL_MS * 3);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onFinished is called once per batch: a new callback does not restart the polling
  }, [batchId]);

  if (!batch)
    return error ? (
      <p className="notice notice--error" role="alert">
        {error}
      </p>
    ) : (
      <p role="status">Sending…</p>
    );
  const { counts } = batch;
  return (
    <section aria-label="Upload progress" className="reports__batch">
      <p role="status">
        {batch.finished ? 'Finished' : 'Reading the reports'}: {counts.done} of {counts.total} done
        {counts.duplicate > 0 && `, ${counts.duplicate} already in the library`}
        {counts.failed > 0 && `, ${counts.failed} failed`}.
      </p>
      <ul className="reports__batch-files">
        {batch.files.map((file) => (
          <li
            key={file.id}
            className={`reports__batch-file reports__batch-file--${file.state.toLowerCase()}`}
          >
            <span className="reports__file-name">{file.fileName}</span>{' '}
            <span className="reports__file-state">{stateInWords(file)}</span>
            {file.state === 'FAILED' && file.reason && (
              <span className="reports__file-reason">: {file.reason}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
