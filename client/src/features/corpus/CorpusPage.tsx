import { useQuery } from '@apollo/client/react';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { BarRow, BarSeries, PrevalenceBars } from '../../charts/PrevalenceBars';
import { downloadText, toCsv } from '../../components/csv-download';
import { EmptyState } from '../../components/EmptyState';
import { messageOf } from '../../components/graphql-errors';
import { plural } from '../../components/plural';
import { CORPUS_COLLECTIONS, CORPUS_FIGURES, CORPUS_THEMES } from './corpus.graphql';
import {
  BarSelection,
  corpusFiltersFromParams,
  CorpusFilters,
  FindingEffect,
  figuresVariables,
  hasCorpusFilters,
  paramsFromCorpusFilters,
} from './corpus-filters';
import { ChartDownloads } from './ChartDownloads';
import { CorpusCooccurrence } from './CorpusCooccurrence';
import { CorpusDrillDown } from './CorpusDrillDown';
import { CorpusFiltersForm } from './CorpusFiltersForm';
import { CorpusHeatmap } from './CorpusHeatmap';
import { CorpusMatrixDownload } from './CorpusMatrixDownload';
import { CorpusSearch } from './CorpusSearch';
import { withSearch } from './corpus-search-params';
import { CorpusTrend } from './CorpusTrend';
import './corpus.css';

interface Table {
  denominator: number;
  rows: { key: string; label: string; count: number; percent: number }[];
}

const REVIEWS_SERIES: BarSeries[] = [{ key: 'reviews', name: 'Reviews', colour: '#3b6ea5' }];
const EFFECT_SERIES: (BarSeries & { key: FindingEffect })[] = [
  { key: 'SUPPORTS_GOOD_PRACTICE', name: 'Supports good practice', colour: '#2f855a' },
  { key: 'MAKES_PROBLEMS_MORE_LIKELY', name: 'Makes problems more likely', colour: '#c05621' },
];
const CSV = 'text/csv;charset=utf-8';

/**
 * The analyst's view of the published reviews: how often each case characteristic occurs, and
 * each of the six typology categories, its findings that support good practice apart from those
 * that make problems more likely; filters kept in the address; every bar lists its reviews.
 */
export function CorpusPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => corpusFiltersFromParams(params), [params]);
  const filtered = hasCorpusFilters(filters);
  const [selection, setSelection] = useState<BarSelection | null>(null);
  const [selectionFor, setSelectionFor] = useState(params.toString());
  if (selectionFor !== params.toString()) {
    setSelectionFor(params.toString());
    setSelection(null);
  }
  const characteristicsSvg = useRef<SVGSVGElement>(null);
  const categoriesSvg = useRef<SVGSVGElement>(null);

  const themes = useQuery(CORPUS_THEMES);
  const collections = useQuery(CORPUS_COLLECTIONS);
  const { data, previousData, loading, error } = useQuery(CORPUS_FIGURES, {
    variables: figuresVariables(filters),
  });
  const shown = error ? undefined : (data ?? previousData);

  const apply = (next: CorpusFilters) =>
    setParams(withSearch(paramsFromCorpusFilters(next), params));

  const characteristics: Table | undefined = shown?.characteristics;
  const denominator = characteristics?.denominator ?? 0;
  const characteristicRows: BarRow[] = (characteristics?.rows ?? []).map((row) => ({
    key: row.key,
    label: row.label,
    values: { reviews: row },
  }));
  const good: Table | undefined = shown?.goodPractice;
  const problems: Table | undefined = shown?.problems;
  const categoryRows: BarRow[] = (good?.rows ?? []).map((row) => ({
    key: row.key,
    label: row.label,
    values: {
      SUPPORTS_GOOD_PRACTICE: row,
      MAKES_PROBLEMS_MORE_LIKELY: problems?.rows.find((other) => other.key === row.key),
    },
  }));

  const downloadCharacteristics = () =>
    downloadText(
      'corpus-case-characteristics.csv',
      toCsv(
        ['Case characteristic', 'Reviews', 'Of reviews', 'Percent'],
        characteristicRows.map((row) => [
          row.label,
          row.values.reviews?.count ?? 0,
          denominator,
          (row.values.reviews?.percent ?? 0).toFixed(1),
        ]),
      ),
      CSV,
    );
  const downloadCategories = () =>
    downloadText(
      'corpus-typology-categories.csv',
      toCsv(
        [
          'Category',
          'Reviews, supports good practice',
          'Percent, supports good practice',
          'Reviews, makes problems more likely',
          'Percent, makes problems more likely',
          'Of reviews',
        ],
        categoryRows.map((row) => [
          row.label,
          row.values.SUPPORTS_GOOD_PRACTICE?.count ?? 0,
          (row.values.SUPPORTS_GOOD_PRACTICE?.percent ?? 0).toFixed(1),
          row.values.MAKES_PROBLEMS_MORE_LIKELY?.count ?? 0,
          (row.values.MAKES_PROBLEMS_MORE_LIKELY?.percent ?? 0).toFixed(1),
          denominator,
        ]),
      ),
      CSV,
    );

  const chooseCharacteristic = (key: string) => {
    const row = characteristicRows.find((one) => one.key === key);
    if (row) setSelection({ kind: 'characteristic', key, label: row.label });
  };
  const chooseCategory = (key: string, effect: string) => {
    const row = categoryRows.find((one) => one.key === key);
    if (row)
      setSelection({ kind: 'category', key, label: row.label, effect: effect as FindingEffect });
  };
  const selected = (kind: BarSelection['kind']) =>
    selection?.kind === kind
      ? {
          rowKey: selection.key,
          seriesKey: selection.kind === 'category' ? selection.effect : 'reviews',
        }
      : null;

  const nothingPublished = shown && denominator === 0 && !filtered;
  const nothingMatches = shown && denominator === 0 && filtered;

  return (
    <div className="corpus">
      <h1>Corpus</h1>
      {nothingPublished ? (
        <EmptyState title="No published reviews yet">
          <p>
            Published reviews will appear here for cross-review analysis: how often a typology
            category or case characteristic occurs, and the reviews behind every figure.
          </p>
        </EmptyState>
      ) : (
        <>
          <CorpusFiltersForm
            filters={filters}
            themes={themes.data?.themes ?? []}
            collections={collections.data?.collections ?? []}
            onChange={apply}
          />
          <p className="corpus__count" role="status">
            {loading && !shown
              ? 'Counting the published reviews…'
              : shown
                ? `${plural(denominator, filters.live ? 'review' : 'published review')}${filters.live ? ' of the collection as it is now' : ''} ${filtered ? (denominator === 1 ? 'matches' : 'match') : 'in the corpus'}`
                : ''}
          </p>
          {error && (
            <div className="notice notice--error" role="alert">
              The figures could not be counted: {messageOf(error)}
            </div>
          )}
          {nothingMatches && (
            <EmptyState title="No published reviews match these filters">
              <p>
                Widen the filters: every figure here is out of the reviews that match, none now.
              </p>
            </EmptyState>
          )}
          {shown && denominator > 0 && (
            <>
              <CorpusMatrixDownload filters={filters} />
              <section className="corpus__section" aria-labelledby="corpus-characteristics">
                <h2 id="corpus-characteristics">Case characteristics</h2>
                <p className="corpus__hint">
                  How many of the {plural(denominator, 'review')} have each characteristic. Choose a
                  bar to list its reviews.
                </p>
                <PrevalenceBars
                  title="Case characteristics: reviews with each"
                  rows={characteristicRows}
                  series={REVIEWS_SERIES}
                  denominator={denominator}
                  onSelect={chooseCharacteristic}
                  selected={selected('characteristic')}
                  svgRef={characteristicsSvg}
                />
                <ChartDownloads
                  fileName="corpus-case-characteristics"
                  svgRef={characteristicsSvg}
                  onCsv={downloadCharacteristics}
                />
              </section>
              <section className="corpus__section" aria-labelledby="corpus-categories">
                <h2 id="corpus-categories">Typology categories</h2>
                <p className="corpus__hint">
                  The reviews with a finding in each of the six categories, in SCIE’s order:
                  findings that support good practice apart from those that make problems more
                  likely.
                </p>
                <PrevalenceBars
                  title="Typology categories: reviews with a finding of each, by effect"
                  rows={categoryRows}
                  series={EFFECT_SERIES}
                  denominator={denominator}
                  onSelect={chooseCategory}
                  selected={selected('category')}
                  svgRef={categoriesSvg}
                />
                <ChartDownloads
                  fileName="corpus-typology-categories"
                  svgRef={categoriesSvg}
                  onCsv={downloadCategories}
                />
              </section>
              {selection && <CorpusDrillDown filters={filters} selection={selection} />}
              <CorpusCooccurrence filters={filters} characteristics={characteristics?.rows ?? []} />
              <CorpusHeatmap filters={filters} />
              <CorpusSearch filters={filters} />
              <CorpusTrend filters={filters} themes={themes.data?.themes ?? []} />
            </>
          )}
        </>
      )}
    </div>
  );
}
