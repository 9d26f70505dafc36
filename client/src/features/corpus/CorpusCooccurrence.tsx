import { useQuery } from '@apollo/client/react';
import { useMemo, useRef, useState } from 'react';
import { cellWords, CooccurrenceMatrix, MatrixKey } from '../../charts/CooccurrenceMatrix';
import { downloadText, toCsv } from '../../components/csv-download';
import { messageOf } from '../../components/graphql-errors';
import { CORPUS_COOCCURRENCE } from './corpus-analysis.graphql';
import { mostCommon, pairFilter } from './corpus-analysis';
import { ChartDownloads } from './ChartDownloads';
import { CorpusFilters, corpusFilterInput } from './corpus-filters';
import { CorpusReviewList } from './CorpusReviewList';

/**
 * Which case characteristics occur together: the most common of the filter, a cell per pair with
 * the reviews having both; the diagonal holds each characteristic's own count. Every cell lists
 * its reviews.
 */
export function CorpusCooccurrence({
  filters,
  characteristics,
}: {
  filters: CorpusFilters;
  /** The filter's case characteristics with their counts (the screen's prevalence rows). */
  characteristics: MatrixKey[];
}) {
  const keys = useMemo(() => mostCommon(characteristics), [characteristics]);
  const filterText = JSON.stringify(filters);
  const [selection, setSelection] = useState<{ a: string; b: string } | null>(null);
  const [selectionFor, setSelectionFor] = useState(filterText);
  if (selectionFor !== filterText) {
    setSelectionFor(filterText);
    setSelection(null);
  }
  const svg = useRef<SVGSVGElement>(null);
  const { data, error } = useQuery(CORPUS_COOCCURRENCE, {
    variables: { filter: corpusFilterInput(filters), themeKeys: keys.map((key) => key.key) },
    skip: keys.length < 2,
  });
  if (keys.length < 2)
    return (
      <section className="corpus__section" aria-labelledby="corpus-cooccurrence">
        <h2 id="corpus-cooccurrence">Case characteristics together</h2>
        <p role="status">
          {keys.length === 0
            ? 'No case characteristic occurs in these reviews, so there are no pairs to count.'
            : 'Only one case characteristic occurs in these reviews, so there are no pairs to count.'}
        </p>
      </section>
    );

  const cells = data?.themeCooccurrence.cells ?? [];
  const pairCount = (a: string, b: string) =>
    cells.find((cell) => (cell.a === a && cell.b === b) || (cell.a === b && cell.b === a))?.count ??
    0;
  const countOf = (a: MatrixKey, b: MatrixKey) =>
    a.key === b.key ? a.count : pairCount(a.key, b.key);
  const byKey = (key: string) => keys.find((one) => one.key === key);
  const selectedA = selection && byKey(selection.a);
  const selectedB = selection && byKey(selection.b);

  const downloadCsv = () =>
    downloadText(
      'corpus-case-characteristics-together.csv',
      toCsv(
        ['Case characteristic', ...keys.map((key) => key.label)],
        keys.map((row) => [row.label, ...keys.map((column) => countOf(row, column))]),
      ),
      'text/csv;charset=utf-8',
    );

  return (
    <section className="corpus__section" aria-labelledby="corpus-cooccurrence">
      <h2 id="corpus-cooccurrence">Case characteristics together</h2>
      <p className="corpus__hint">
        The {keys.length} most common case characteristics: each cell counts the reviews having
        both; the diagonal (bold, dashed) counts the reviews having the one. Choose a cell to list
        its reviews.
      </p>
      {error && (
        <p className="notice notice--error" role="alert">
          The pairs could not be counted: {messageOf(error)}
        </p>
      )}
      {data && (
        <>
          <CooccurrenceMatrix
            title="Case characteristics: reviews having both of each pair"
            keys={keys}
            pairCount={pairCount}
            onSelect={(a, b) => setSelection({ a, b })}
            selected={selection}
            svgRef={svg}
          />
          <ChartDownloads
            fileName="corpus-case-characteristics-together"
            svgRef={svg}
            onCsv={downloadCsv}
            noun="matrix"
          />
        </>
      )}
      {selectedA && selectedB && (
        <CorpusReviewList
          filter={pairFilter(filters, selectedA.key, selectedB.key)}
          words={cellWords(selectedA, selectedB, countOf(selectedA, selectedB)).replace(/:.*$/, '')}
        />
      )}
    </section>
  );
}
