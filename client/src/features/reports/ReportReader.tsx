import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { messageOf } from '../../components/graphql-errors';
import { useSession } from '../auth';
import { downloadWithToken } from '../chronology';
import { highlightParts } from './highlight';
import { REPORT_READER, WITHDRAW_REPORT } from './reports.graphql';
import { PassageSelection, pageSelection } from './selection-offsets';
import './report-reader.css';

const ukDate = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Keys that turn the page, unless the reader is typing in a field. */
const NEXT_KEYS = ['ArrowRight', 'PageDown'];
const PREVIOUS_KEYS = ['ArrowLeft', 'PageUp'];

/**
 * The report reader: the text page by page (the page in the address, so a search hit opens at
 * its page with its words marked), the catalogue data beside it, and the passage selected on the
 * page given as page and code point offsets, as coding will keep it.
 */
export function ReportReader() {
  const { reportId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { data, loading, error } = useQuery(REPORT_READER, { variables: { id: reportId } });
  const report = data?.report;
  const pages = report?.pages ?? [];
  const pageCount = pages.length;
  const asked = Number(params.get('page') ?? '1');
  const pageNumber = Math.min(
    Math.max(Number.isInteger(asked) ? asked : 1, 1),
    Math.max(pageCount, 1),
  );
  const page = pages[pageNumber - 1];
  const marked = params.getAll('hl');
  const [selected, setSelected] = useState<PassageSelection | null>(null);
  const [jump, setJump] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const { session } = useSession();
  const isAdmin = session?.user.role === 'ADMIN';

  const goTo = useCallback(
    (n: number) => {
      if (n < 1 || n > pageCount) return;
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('page', String(n));
          return next;
        },
        { replace: true },
      );
      setSelected(null);
    },
    [pageCount, setParams],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (NEXT_KEYS.includes(event.key)) {
        event.preventDefault();
        goTo(pageNumber + 1);
      } else if (PREVIOUS_KEYS.includes(event.key)) {
        event.preventDefault();
        goTo(pageNumber - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo, pageNumber]);

  const readSelection = useCallback(() => {
    if (!page || !textRef.current) return;
    setSelected(pageSelection(window.getSelection(), textRef.current, page.number, page.text));
  }, [page]);

  useEffect(() => {
    document.addEventListener('selectionchange', readSelection);
    return () => document.removeEventListener('selectionchange', readSelection);
  }, [readSelection]);

  const parts = useMemo(() => (page ? highlightParts(page.text, marked) : []), [page, marked]);

  if (loading && !data) return <p role="status">Opening the report…</p>;
  if (error)
    return (
      <div className="notice notice--error" role="alert">
        The report could not be read: {messageOf(error)}
      </div>
    );
  if (!report)
    return (
      <>
        <h1>Report not found</h1>
        <p>
          There is no such report in the library. <Link to="/reports">Back to the reports</Link>
        </p>
      </>
    );

  const onJump = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(jump);
    if (Number.isInteger(n) && n >= 1 && n <= pageCount) {
      goTo(n);
      setJump('');
    }
  };

  const download = async () => {
    setProblem(null);
    try {
      await downloadWithToken(`/api/reports/${report.id}/file`, report.fileName);
    } catch (caught) {
      setProblem((caught as Error).message);
    }
  };

  return (
    <div className="report-reader">
      <p className="report-reader__back">
        <Link to="/reports">Reports</Link>
      </p>
      <h1>{report.title}</h1>
      {report.withdrawnAt && (
        <div className="notice notice--warning" role="alert">
          Withdrawn on {ukDate(report.withdrawnAt)}: {report.withdrawnReason}. Only administrators
          see it; it is in no list or search.
        </div>
      )}
      {report.textLayer === 'NEEDS_OCR' && (
        <div className="notice notice--warning" role="note">
          This PDF has no text layer (it is a scan): its pages have no text to read or search until
          it is read by OCR.
        </div>
      )}
      <div className="report-reader__layout">
        <section className="report-reader__page" aria-label="Report text">
          <nav className="report-reader__paging" aria-label="Pages">
            <button
              type="button"
              className="button"
              onClick={() => goTo(pageNumber - 1)}
              disabled={pageNumber <= 1}
            >
              Previous page
            </button>
            <span aria-live="polite">
              Page {pageCount ? pageNumber : 0} of {pageCount}
            </span>
            <button
              type="button"
              className="button"
              onClick={() => goTo(pageNumber + 1)}
              disabled={pageNumber >= pageCount}
            >
              Next page
            </button>
            <form onSubmit={onJump} className="report-reader__jump">
              <label>
                Go to page{' '}
                <input
                  type="number"
                  min={1}
                  max={pageCount}
                  value={jump}
                  onChange={(event) => setJump(event.target.value)}
                />
              </label>
              <button type="submit" className="button">
                Go
              </button>
            </form>
          </nav>
          <p className="report-reader__hint">
            Turn pages with the arrow keys (← →) or Page Up and Page Down.
          </p>
          {page ? (
            <article
              className="report-reader__sheet"
              aria-label={`Page ${page.number}`}
              data-page={page.number}
            >
              <div
                ref={textRef}
                className="report-reader__text"
                onMouseUp={readSelection}
                onKeyUp={readSelection}
              >
                {parts.map((part, index) =>
                  part.marked ? <mark key={index}>{part.text}</mark> : part.text,
                )}
              </div>
              <p className="report-reader__page-number">p. {page.number}</p>
            </article>
          ) : (
            <p>This report has no pages of text.</p>
          )}
          {selected && (
            <p className="report-reader__selected" role="status">
              Selected: p. {selected.page}, characters {selected.start + 1}–{selected.end}
            </p>
          )}
        </section>
        <aside className="report-reader__catalogue" aria-label="Catalogue">
          <h2>Catalogue</h2>
          <dl>
            <Entry term="Title" value={report.title} />
            <Entry term="Partnership" value={report.partnership} />
            <Entry term="Published" value={report.publishedOn && ukDate(report.publishedOn)} />
            <Entry term="Type of review" value={report.reviewType} />
            <Entry term="Methodology" value={report.methodology} />
            <Entry term="Author" value={report.author} />
            <Entry term="Summary" value={report.summary} />
            <Entry term="Learning" value={report.learning} />
            <Entry term="Recommendations" value={report.recommendations} />
            <Entry term="Keywords" value={report.keywords.join(', ')} />
            <Entry term="Pages" value={String(report.pageCount)} />
          </dl>
          <button type="button" className="button" onClick={() => void download()}>
            Download the original ({report.mediaType === 'application/pdf' ? 'PDF' : 'Word'})
          </button>
          {problem && (
            <div className="notice notice--error" role="alert">
              {problem}
            </div>
          )}
          {isAdmin && !report.withdrawnAt && <WithdrawReport reportId={report.id} />}
        </aside>
      </div>
    </div>
  );
}

function Entry({ term, value }: { term: string; value: string | null | undefined }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value ? value : <span className="report-reader__none">not catalogued</span>}</dd>
    </>
  );
}

/**
 * Withdrawal by an administrator: the report leaves every list and search at once; the reason is
 * kept with it and in the audit trail.
 */
function WithdrawReport({ reportId }: { reportId: string }) {
  const [reason, setReason] = useState('');
  const [withdraw, { loading, error }] = useMutation(WITHDRAW_REPORT);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    void withdraw({ variables: { id: reportId, reason: reason.trim() } }).catch(() => undefined);
  };
  return (
    <form className="report-reader__withdraw" onSubmit={submit}>
      <h2>Withdraw</h2>
      <label>
        Why it must leave the library (for example, it names a child)
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} />
      </label>
      <button type="submit" className="button" disabled={loading || !reason.trim()}>
        Withdraw this report
      </button>
      {error && (
        <div className="notice notice--error" role="alert">
          The report could not be withdrawn: {messageOf(error)}
        </div>
      )}
    </form>
  );
}
