import { useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { messageOf } from '../../components/graphql-errors';
import { useSession } from '../auth';
import { BatchProgress } from './BatchProgress';
import { ReportSearch } from './ReportSearch';
import { sendReports } from './reports-api';
import { REPORTS } from './reports.graphql';
import './reports.css';

const IMPORTERS = ['ANALYST', 'ADMIN'];

/** The report library: published review reports, and for analysts the form that brings them in. */
export function ReportsPage() {
  const { session } = useSession();
  const { data, loading, error, refetch } = useQuery(REPORTS, {
    variables: { first: 100 },
    fetchPolicy: 'cache-and-network',
  });
  const reports = data?.reports.edges.map((e) => e.node) ?? [];
  const mayBringIn = IMPORTERS.includes(session?.user.role ?? '');

  return (
    <>
      <h1>Reports</h1>
      {error && (
        <div className="notice notice--error" role="alert">
          The library could not be read: {messageOf(error)}
        </div>
      )}
      {loading && !data && <p role="status">Reading the library…</p>}
      {mayBringIn && <BringReportsIn onFinished={() => void refetch()} />}
      {reports.length > 0 && <ReportSearch />}
      {data && reports.length === 0 && (
        <EmptyState title="No reports yet">
          <p>
            Published case review reports (PDF or Word) brought into the library will be listed
            here, with their partnership, year and number of pages.
            {mayBringIn && ' Bring them in above, with the catalogue if you have one.'}
          </p>
        </EmptyState>
      )}
      {reports.length > 0 && (
        <table className="reports__table">
          <caption>
            {data?.reports.totalCount === 1
              ? '1 report'
              : `${data?.reports.totalCount ?? reports.length} reports`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Partnership</th>
              <th scope="col">Year</th>
              <th scope="col">Pages</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <tr key={report.id}>
                <td>
                  <Link to={`/reports/${report.id}`}>{report.title}</Link>
                </td>
                <td>{report.partnership ?? '—'}</td>
                <td>{report.publishedOn?.slice(0, 4) ?? '—'}</td>
                <td>{report.pageCount}</td>
                <td>
                  {report.textLayer === 'NEEDS_OCR'
                    ? 'Needs OCR'
                    : report.status === 'CODED'
                      ? 'Coded'
                      : 'Not coded'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function BringReportsIn({ onFinished }: { onFinished: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [catalogue, setCatalogue] = useState<File | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) return;
    setSending(true);
    setError(null);
    setBatchId(null);
    try {
      setBatchId(await sendReports(files, catalogue));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="bring-in" className="reports__bring-in">
      <h2 id="bring-in">Bring reports in</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          Reports (PDF, Word .docx, or a ZIP of them; up to 100 MB each)
          <input
            type="file"
            multiple
            accept=".pdf,.docx,.zip,application/pdf,application/zip"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </label>
        <label>
          Catalogue (optional: CSV or Excel, one row per report, with a file name column)
          <input
            type="file"
            accept=".csv,.xlsx"
            onChange={(e) => setCatalogue(e.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" className="button" disabled={sending || files.length === 0}>
          {sending ? 'Sending…' : 'Bring in'}
        </button>
      </form>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {batchId && <BatchProgress batchId={batchId} onFinished={onFinished} />}
    </section>
  );
}
