import { useState } from 'react';
import { downloadWithToken } from '../chronology';
import { CorpusFilters, matrixQuery } from './corpus-filters';

const FORMATS = [
  { extension: 'csv', label: 'CSV', hint: 'for R, Stata or any spreadsheet' },
  { extension: 'xlsx', label: 'XLSX', hint: 'for Excel' },
] as const;

/**
 * The case × theme matrix of the reviews the filters keep, made by the server: one row per
 * published review, a 0/1 column per theme and per typology category, for analysis elsewhere.
 */
export function CorpusMatrixDownload({ filters }: { filters: CorpusFilters }) {
  const [preparing, setPreparing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async (extension: string) => {
    setProblem(null);
    setPreparing(extension);
    try {
      const query = matrixQuery(filters);
      await downloadWithToken(
        `/api/corpus/matrix.${extension}${query ? `?${query}` : ''}`,
        `corpus-matrix.${extension}`,
      );
    } catch (caught) {
      setProblem((caught as Error).message);
    } finally {
      setPreparing(null);
    }
  };
  return (
    <div className="corpus__matrix" role="group" aria-labelledby="corpus-matrix-download">
      <span id="corpus-matrix-download" className="corpus__matrix-title">
        Download case × theme matrix
      </span>
      <span className="corpus__hint">
        One row per review these filters keep, a 0/1 column per theme and category.
      </span>
      <div className="corpus__downloads">
        {FORMATS.map((format) => (
          <button
            key={format.extension}
            type="button"
            className="button"
            title={format.hint}
            disabled={preparing !== null}
            onClick={() => void download(format.extension)}
          >
            Download the case × theme matrix ({format.label})
          </button>
        ))}
      </div>
      {preparing && (
        <p role="status" className="corpus__hint">
          Preparing the matrix ({preparing.toUpperCase()})…
        </p>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          The matrix could not be downloaded: {problem}
        </p>
      )}
    </div>
  );
}
