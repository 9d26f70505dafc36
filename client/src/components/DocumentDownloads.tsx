import { useEffect, useId, useRef, useState } from 'react';
import './document-downloads.css';

/** The formats every exported document comes in, in the order the buttons show them. */
export const DOCUMENT_FORMATS = [
  { extension: 'docx', label: 'Word (.docx)', preparing: 'Preparing the Word document…' },
  { extension: 'pdf', label: 'PDF', preparing: 'Preparing the PDF…' },
  { extension: 'html', label: 'Web page (.html)', preparing: 'Preparing the web page…' },
  { extension: 'md', label: 'Markdown (.md)', preparing: 'Preparing the Markdown file…' },
] as const;

export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number]['extension'];

/**
 * A labelled group of buttons that download one document (a review report, a learning briefing)
 * as Word, PDF, web page or Markdown from `basePath` + `.docx` etc. The buttons wait for the file
 * (a PDF takes a few seconds) and show the server's reason when it refuses, such as a server with
 * no browser to print PDFs.
 */
export function DocumentDownloads({
  label,
  basePath,
  fileName,
  download,
  disabledReason,
}: {
  /** The group's name: "Download the review report". */
  label: string;
  /** The address without its extension: "/api/reviews/<id>/report". */
  basePath: string;
  /** The file's name without extension, when the server gives none. */
  fileName: string;
  /** Fetches the address with the signed-in user's token and saves the file. */
  download: (url: string, fallbackName: string) => Promise<void>;
  /** Why the downloads are not possible now (unsaved changes): the buttons are then disabled. */
  disabledReason?: string | null;
}) {
  const [busy, setBusy] = useState<DocumentFormat | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const buttons = useRef(new Map<DocumentFormat, HTMLButtonElement>());
  const refocus = useRef<DocumentFormat | null>(null);
  // A disabled button loses the keyboard's focus: give it back once the wait is over.
  useEffect(() => {
    if (busy !== null || refocus.current === null) return;
    const active = document.activeElement;
    if (!active || active === document.body) buttons.current.get(refocus.current)?.focus();
    refocus.current = null;
  }, [busy]);

  const fetchFormat = async (extension: DocumentFormat) => {
    setBusy(extension);
    refocus.current = extension;
    setProblem(null);
    try {
      await download(`${basePath}.${extension}`, `${fileName}.${extension}`);
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };
  const preparing = DOCUMENT_FORMATS.find((format) => format.extension === busy)?.preparing;

  return (
    <div className="document-downloads">
      <div
        role="group"
        aria-label={label}
        aria-describedby={disabledReason ? `${id}-reason` : undefined}
        className="document-downloads__buttons"
      >
        {DOCUMENT_FORMATS.map((format) => (
          <button
            key={format.extension}
            ref={(button) => {
              if (button) buttons.current.set(format.extension, button);
              else buttons.current.delete(format.extension);
            }}
            type="button"
            className="button button--secondary"
            disabled={busy !== null || !!disabledReason}
            aria-busy={busy === format.extension || undefined}
            onClick={() => void fetchFormat(format.extension)}
          >
            {format.label}
          </button>
        ))}
      </div>
      {disabledReason && (
        <p id={`${id}-reason`} className="hint">
          {disabledReason}
        </p>
      )}
      <p role="status" className="document-downloads__status">
        {preparing ?? ''}
      </p>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
