import { plural } from '../../components/plural';
import { FormEvent, useId, useState } from 'react';
import { formatPartialDate, PRECISION_LABELS } from '@scr/shared';
import {
  Committed,
  DryRun,
  ImportProgress,
  readProgress,
  RowProblem,
  UploadError,
  uploadChronology,
} from './upload-chronology';

const FIELDS: { key: string; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'time', label: 'Time' },
  { key: 'title', label: 'Entry' },
  { key: 'description', label: 'Details' },
  { key: 'agency', label: 'Agency' },
  { key: 'author', label: 'Practitioner' },
  { key: 'source', label: 'Record reference' },
];

interface Props {
  reviewId: string;
  agencies: { id: string; name: string }[];
  onImported(result: Committed): void;
  onClose(): void;
}

type Step = 'choose' | 'preview' | 'done';

function ProblemTable({ caption, problems }: { caption: string; problems: RowProblem[] }) {
  return (
    <table className="data-table data-table--problems">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Column</th>
          <th scope="col">Value</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={`${p.row}-${p.column}-${i}`}>
            <td>{p.row}</td>
            <td>{p.column}</td>
            <td>{p.value ?? '(empty)'}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function progressShare(sent: number | null, server: ImportProgress | null): number | undefined {
  if (sent !== null && sent < 1) return sent;
  if (server && server.totalBytes > 0 && server.bytesRead > 0)
    return server.bytesRead / server.totalBytes;
  return undefined;
}

function progressText(busy: string, sent: number | null, server: ImportProgress | null): string {
  if (sent !== null && sent < 1) return `Sending the file… ${Math.round(sent * 100)}%`;
  if (server?.state === 'storing') return `Storing ${plural(server.rowsRead, 'row')}…`;
  if (server && server.rowsRead > 0) return `${busy} ${plural(server.rowsRead, 'row')} read`;
  return busy;
}

/** Choose a file and agency, check the columns, see what will be imported, then import it. */
export function ImportWizard({ reviewId, agencies, onImported, onClose }: Props) {
  const id = useId();
  const [step, setStep] = useState<Step>('choose');
  const [file, setFile] = useState<File | null>(null);
  const [agencyId, setAgencyId] = useState('');
  const [sheet, setSheet] = useState('');
  const [mapping, setMapping] = useState<Record<string, string> | undefined>();
  const [preview, setPreview] = useState<DryRun | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [serverProgress, setServerProgress] = useState<ImportProgress | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Committed | null>(null);
  const isWorkbook = file?.name.toLowerCase().endsWith('.xlsx') ?? false;

  const send = async (dryRun: boolean, chosenMapping = mapping) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    setServerProgress(null);
    setBusy(dryRun ? 'Reading the file…' : 'Importing…');
    const progressId = crypto.randomUUID();
    // While the server reads the rows, ask it how far it has got.
    const poll = window.setInterval(() => {
      void readProgress(reviewId, progressId).then(
        (reported) => reported && setServerProgress(reported),
      );
    }, 500);
    try {
      const answer = await uploadChronology({
        reviewId,
        progressId,
        file,
        agencyId: agencyId || undefined,
        sheet: isWorkbook && sheet ? sheet : undefined,
        mapping: chosenMapping,
        dryRun,
        skipBadRows,
        onProgress: setProgress,
      });
      if (dryRun) {
        const read = answer as DryRun;
        setPreview(read);
        setMapping(read.mapping);
        setSkipBadRows(false);
        setStep('preview');
      } else {
        setResult(answer as Committed);
        setStep('done');
        onImported(answer as Committed);
      }
    } catch (caught) {
      const failure = caught as UploadError;
      setError(failure.message);
      if (failure.status === 422 && Array.isArray(failure.body.errors)) {
        setPreview((current) =>
          current ? { ...current, errors: failure.body.errors as RowProblem[] } : current,
        );
      }
    } finally {
      window.clearInterval(poll);
      setBusy(null);
      setProgress(null);
      setServerProgress(null);
    }
  };

  const read = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };

  const bad = preview?.errorCount ?? 0;
  const good = (preview?.totalRows ?? 0) - new Set(preview?.errors.map((e) => e.row)).size;

  return (
    <section className="wizard" aria-labelledby={`${id}-title`}>
      <div className="wizard__header">
        <h2 id={`${id}-title`}>Import an agency chronology</h2>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <ol className="wizard__steps" aria-label="Steps">
        <li aria-current={step === 'choose' ? 'step' : undefined}>Choose the file</li>
        <li aria-current={step === 'preview' ? 'step' : undefined}>Check the columns and rows</li>
        <li aria-current={step === 'done' ? 'step' : undefined}>Imported</li>
      </ol>

      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {busy && (
        <div className="wizard__progress" role="status">
          <span>{progressText(busy, progress, serverProgress)}</span>
          <progress max={1} value={progressShare(progress, serverProgress)} aria-label={busy} />
        </div>
      )}

      {step === 'choose' && (
        <form className="form" onSubmit={read}>
          <label htmlFor={`${id}-file`}>Chronology file (CSV or Excel .xlsx, up to 50 MB)</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.txt,.xlsx,text/csv"
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <label htmlFor={`${id}-agency`}>Agency the chronology comes from</label>
          <select
            id={`${id}-agency`}
            value={agencyId}
            onChange={(e) => setAgencyId(e.target.value)}
          >
            <option value="">Several agencies: read the agency column</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
          {isWorkbook && (
            <>
              <label htmlFor={`${id}-sheet`}>Sheet (leave empty for the first)</label>
              <input id={`${id}-sheet`} value={sheet} onChange={(e) => setSheet(e.target.value)} />
            </>
          )}
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={!file || busy !== null}
            >
              Read the file
            </button>
          </div>
        </form>
      )}

      {step === 'preview' && preview && (
        <>
          <fieldset className="mapping">
            <legend>Which column holds what</legend>
            <p className="hint">
              {plural(preview.totalRows, 'row')} under the headings{' '}
              {preview.headings.map((h) => `“${h}”`).join(', ')}
              {preview.encoding ? `, read as ${preview.encoding}` : ''}.
            </p>
            <div className="mapping__grid">
              {FIELDS.map((field) => (
                <label key={field.key} className="mapping__field">
                  <span>{field.label}</span>
                  <select
                    value={mapping?.[field.key] ?? ''}
                    onChange={(e) => {
                      const next = { ...(mapping ?? {}) };
                      if (e.target.value) next[field.key] = e.target.value;
                      else delete next[field.key];
                      setMapping(next);
                    }}
                  >
                    <option value="">— not in this file —</option>
                    {preview.headings.map((heading) => (
                      <option key={heading} value={heading}>
                        {heading}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy !== null}
              onClick={() => void send(true)}
            >
              Read again with these columns
            </button>
          </fieldset>

          {preview.warnings.length > 0 && (
            <ul className="notice notice--warning" aria-label="Warnings">
              {preview.warnings.map((w, i) => (
                <li key={i}>{w.row ? `Row ${w.row}: ${w.message}` : w.message}</li>
              ))}
            </ul>
          )}
          {preview.errors.length > 0 && (
            <ProblemTable
              caption={`${plural(bad, 'problem')}: ${bad === 1 ? 'this row cannot be imported as it is' : 'these rows cannot be imported as they are'}`}
              problems={preview.errors}
            />
          )}

          <table className="data-table">
            <caption>
              The first {preview.rows.length} of {plural(preview.totalRows, 'row')} as they will be
              imported
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Date in the file</th>
                <th scope="col">Read as</th>
                <th scope="col">Time</th>
                <th scope="col">Agency</th>
                <th scope="col">Entry</th>
                <th scope="col">Record reference</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.row}>
                  <td>{row.row}</td>
                  <td>{row.originalDate}</td>
                  <td>
                    {formatPartialDate(row.occurredOn, row.precision)}{' '}
                    <span className="hint">({PRECISION_LABELS[row.precision]})</span>
                  </td>
                  <td>{row.time ?? ''}</td>
                  <td>{row.agencyName ?? agencies.find((a) => a.id === agencyId)?.name ?? ''}</td>
                  <td>{row.title}</td>
                  <td>{row.source}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <div className="form__actions">
            {bad > 0 && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={skipBadRows}
                  onChange={(e) => setSkipBadRows(e.target.checked)}
                />
                Skip the rows with problems and import the other {good}
              </label>
            )}
            <button
              type="button"
              className="button button--primary"
              disabled={busy !== null || (bad > 0 && !skipBadRows)}
              onClick={() => void send(false)}
            >
              Import {plural(bad > 0 ? good : preview.totalRows, 'row')}
            </button>
          </div>
        </>
      )}

      {step === 'done' && result && (
        <div className="wizard__done" role="status">
          <p>
            <strong>{plural(result.imported, 'event')} imported</strong> into the chronology.
            {result.skipped.length > 0 &&
              ` ${plural(result.skipped.length, 'problem')} skipped (listed below and in the audit trail).`}
            {(result.duplicateCandidates ?? 0) > 0 &&
              ` ${plural(result.duplicateCandidates ?? 0, 'pair')} of records ${result.duplicateCandidates === 1 ? 'looks' : 'look'} like the same occasion seen by two agencies.`}
          </p>
          {result.skipped.length > 0 && (
            <ProblemTable caption="Skipped rows" problems={result.skipped} />
          )}
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        </div>
      )}
    </section>
  );
}
