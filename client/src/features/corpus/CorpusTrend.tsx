import { useQuery } from '@apollo/client/react';
import { FINDING_CATEGORIES, numberedCategoryLabel } from '@scr/shared';
import { useRef, useState } from 'react';
import { TrendChart } from '../../charts/TrendChart';
import { downloadText, toCsv } from '../../components/csv-download';
import { messageOf } from '../../components/graphql-errors';
import { THEME_TREND } from './corpus-search.graphql';
import { yearKeyFilter } from './corpus-analysis';
import { ChartDownloads } from './ChartDownloads';
import { CorpusFilters, corpusFilterInput } from './corpus-filters';
import { CorpusReviewList } from './CorpusReviewList';

type Basis = 'PUBLICATION_YEAR' | 'INCIDENT_YEAR';

const BASES: { value: Basis; label: string; heading: string }[] = [
  { value: 'PUBLICATION_YEAR', label: 'Year published', heading: 'Year published' },
  { value: 'INCIDENT_YEAR', label: 'Year of the incident', heading: 'Year of the incident' },
];

interface Theme {
  key: string;
  kind: string;
  label: string;
}

/**
 * How often one case characteristic or typology category occurs year by year, among the reviews
 * the screen's filters keep: by the year the review was published or the year its period ends.
 */
export function CorpusTrend({ filters, themes }: { filters: CorpusFilters; themes: Theme[] }) {
  const [key, setKey] = useState('');
  const [by, setBy] = useState<Basis>('PUBLICATION_YEAR');
  const [year, setYear] = useState<number | null>(null);
  const yearFor = `${JSON.stringify(filters)} ${key} ${by}`;
  const [yearChosenFor, setYearChosenFor] = useState(yearFor);
  if (yearChosenFor !== yearFor) {
    setYearChosenFor(yearFor);
    setYear(null);
  }
  const svg = useRef<SVGSVGElement>(null);
  const characteristics = themes.filter((theme) => theme.kind === 'CASE_CHARACTERISTIC');
  const labelOf = (chosen: string) =>
    (FINDING_CATEGORIES as readonly string[]).includes(chosen)
      ? numberedCategoryLabel(chosen as (typeof FINDING_CATEGORIES)[number])
      : (characteristics.find((theme) => theme.key === chosen)?.label ?? chosen);

  const { data, loading, error } = useQuery(THEME_TREND, {
    variables: { filter: corpusFilterInput(filters), keys: [key], by },
    skip: !key,
  });
  const points = error ? [] : (data?.themeTrend ?? []).filter((point) => point.key === key);
  const basis = BASES.find((one) => one.value === by) ?? BASES[0];
  const title = `${labelOf(key)}: reviews having it, by ${basis.label.toLowerCase()}`;

  const downloadCsv = () =>
    downloadText(
      'corpus-trend.csv',
      toCsv(
        [basis.heading, labelOf(key), 'Of reviews', 'Percent'],
        [...points]
          .sort((a, b) => a.year - b.year)
          .map((point) => [point.year, point.count, point.denominator, point.percent.toFixed(1)]),
      ),
      'text/csv;charset=utf-8',
    );

  return (
    <section className="corpus__section" aria-labelledby="corpus-trend">
      <h2 id="corpus-trend">Trend over the years</h2>
      <div className="corpus__filters">
        <label className="corpus__field">
          Case characteristic or category
          <select value={key} onChange={(event) => setKey(event.target.value)}>
            <option value="">Choose one…</option>
            <optgroup label="Case characteristics">
              {characteristics.map((theme) => (
                <option key={theme.key} value={theme.key}>
                  {theme.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Typology categories">
              {FINDING_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {numberedCategoryLabel(category)}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <fieldset className="corpus__filter-group">
          <legend>Count by</legend>
          {BASES.map((one) => (
            <label key={one.value}>
              <input
                type="radio"
                name="corpus-trend-basis"
                value={one.value}
                checked={by === one.value}
                onChange={() => setBy(one.value)}
              />{' '}
              {one.label}
            </label>
          ))}
        </fieldset>
      </div>
      {!key && (
        <p className="corpus__hint">
          Choose a case characteristic or typology category to see how often it occurs each year.
        </p>
      )}
      {key && loading && <p role="status">Counting by year…</p>}
      {error && (
        <div className="notice notice--error" role="alert">
          The trend could not be counted: {messageOf(error)}
        </div>
      )}
      {key && data && !error && points.length === 0 && (
        <p role="status">
          No reviews to count by {basis.label.toLowerCase()}
          {by === 'INCIDENT_YEAR' ? ' (a review without an end to its period has none)' : ''}.
        </p>
      )}
      {points.length > 0 && (
        <>
          <p className="corpus__hint">
            Each point is the percent of that year’s reviews having it, with its count above it.
            Choose a point to list its reviews.
          </p>
          <TrendChart
            title={title}
            points={points}
            svgRef={svg}
            onSelect={setYear}
            selectedYear={year}
          />
          <ChartDownloads fileName="corpus-trend" svgRef={svg} onCsv={downloadCsv} />
        </>
      )}
      {key && year !== null && points.some((point) => point.year === year) && (
        <CorpusReviewList
          filter={yearKeyFilter(filters, key, year, by)}
          words={`${labelOf(key)}, ${basis.label.toLowerCase()} ${year}`}
        />
      )}
    </section>
  );
}
