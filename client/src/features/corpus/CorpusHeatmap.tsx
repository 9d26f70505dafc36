import { useQuery } from '@apollo/client/react';
import { FINDING_CATEGORIES, FindingCategoryName, numberedCategoryLabel } from '@scr/shared';
import { useRef, useState } from 'react';
import { Heatmap, HeatmapRow } from '../../charts/Heatmap';
import { downloadText, toCsv } from '../../components/csv-download';
import { messageOf } from '../../components/graphql-errors';
import type { TrendBasis } from '../../gql/graphql';
import { CORPUS_CATEGORY_TREND } from './corpus-analysis.graphql';
import { yearCategoryFilter } from './corpus-analysis';
import { ChartDownloads } from './ChartDownloads';
import { CorpusFilters, corpusFilterInput } from './corpus-filters';
import { CorpusReviewList } from './CorpusReviewList';

const BASES: { value: TrendBasis; label: string; words: string }[] = [
  { value: 'PUBLICATION_YEAR', label: 'Year published', words: 'published' },
  { value: 'INCIDENT_YEAR', label: 'Year of the incident', words: 'incident' },
];

/**
 * The six typology categories, in SCIE's order, by year: each cell the share of that year's
 * reviews with a finding of the category; years of publication or of the incident (the end of
 * the review's period). Every cell lists its reviews.
 */
export function CorpusHeatmap({ filters }: { filters: CorpusFilters }) {
  const [by, setBy] = useState<TrendBasis>('PUBLICATION_YEAR');
  const filterText = `${JSON.stringify(filters)} ${by}`;
  const [selection, setSelection] = useState<{ rowKey: string; column: number } | null>(null);
  const [selectionFor, setSelectionFor] = useState(filterText);
  if (selectionFor !== filterText) {
    setSelectionFor(filterText);
    setSelection(null);
  }
  const svg = useRef<SVGSVGElement>(null);
  const { data, previousData, loading, error } = useQuery(CORPUS_CATEGORY_TREND, {
    variables: { filter: corpusFilterInput(filters), by },
  });
  const points = (error ? undefined : (data ?? previousData))?.categoryTrend ?? [];
  const years = [...new Set(points.map((point) => point.year))].sort((a, b) => a - b);
  const rows: HeatmapRow[] = FINDING_CATEGORIES.map((category) => ({
    key: category,
    label: numberedCategoryLabel(category),
    values: Object.fromEntries(
      points.filter((point) => point.key === category).map((point) => [point.year, point]),
    ),
  }));
  const basis = BASES.find((one) => one.value === by) ?? BASES[0];
  const selectedRow = selection && rows.find((row) => row.key === selection.rowKey);

  const downloadCsv = () =>
    downloadText(
      `corpus-categories-by-year-${basis.words}.csv`,
      toCsv(
        ['Category', basis.label, 'Reviews', 'Of reviews', 'Percent'],
        rows.flatMap((row) =>
          years.map((year) => {
            const value = row.values[year];
            return [
              row.label,
              year,
              value?.count ?? 0,
              value?.denominator ?? 0,
              (value?.percent ?? 0).toFixed(1),
            ];
          }),
        ),
      ),
      'text/csv;charset=utf-8',
    );

  return (
    <section className="corpus__section" aria-labelledby="corpus-heatmap">
      <h2 id="corpus-heatmap">Typology categories by year</h2>
      <p className="corpus__hint">
        Of each year’s reviews, the share with a finding in each category (count of the year’s
        reviews in each cell). Choose a cell to list its reviews.
      </p>
      <fieldset className="corpus__basis">
        <legend>Count each review under</legend>
        {BASES.map((one) => (
          <label key={one.value}>
            <input
              type="radio"
              name="corpus-heatmap-basis"
              value={one.value}
              checked={by === one.value}
              onChange={() => setBy(one.value)}
            />{' '}
            {one.label}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="notice notice--error" role="alert">
          The years could not be counted: {messageOf(error)}
        </p>
      )}
      {!loading && !error && data && years.length === 0 && (
        <p role="status">
          No reviews to count by {basis.label.toLowerCase()}
          {by === 'INCIDENT_YEAR' ? ' (a review without an end to its period has none)' : ''}.
        </p>
      )}
      {years.length > 0 && (
        <>
          <Heatmap
            title={`Typology categories by ${basis.label.toLowerCase()}: share of the year’s reviews with a finding of each`}
            rows={rows}
            columns={years}
            onSelect={(rowKey, column) => setSelection({ rowKey, column })}
            selected={selection}
            svgRef={svg}
          />
          <ChartDownloads
            fileName={`corpus-categories-by-year-${basis.words}`}
            svgRef={svg}
            onCsv={downloadCsv}
          />
        </>
      )}
      {selection && selectedRow && (
        <CorpusReviewList
          filter={yearCategoryFilter(
            filters,
            selection.rowKey as FindingCategoryName,
            selection.column,
            by,
          )}
          words={`${selectedRow.label}, ${basis.label.toLowerCase()} ${selection.column}`}
        />
      )}
    </section>
  );
}
