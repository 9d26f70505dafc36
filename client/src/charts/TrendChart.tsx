import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { KeyboardEvent, Ref } from 'react';
import { drawnPercent, figureWords } from './figure-words';

export interface TrendChartPoint {
  year: number;
  count: number;
  denominator: number;
  percent: number;
}

interface Props {
  /** The chart's name, said to screen readers and written in the downloaded SVG. */
  title: string;
  points: TrendChartPoint[];
  svgRef?: Ref<SVGSVGElement>;
  /** Called with a point's year when it is chosen (clicked, or Enter or Space on it). */
  onSelect?: (year: number) => void;
  /** The year whose reviews are listed, shown pressed. */
  selectedYear?: number | null;
}

const WIDTH = 760;
const HEIGHT = 300;
const MARGIN = { top: 24, right: 24, bottom: 40, left: 52 };

/** "2021: 3 of 10 reviews, 30.0%": the year, the count, what it is of and the percent. */
export function trendPointText(point: TrendChartPoint): string {
  return `${point.year}: ${figureWords(point.count, point.denominator, point.percent)}`;
}

/**
 * A point's name as a button, beginning with the figure written beside it: "6/8 in 2024: 6 of 8
 * reviews, 75.0%. Show the reviews".
 */
export function trendPointName(point: TrendChartPoint): string {
  const figure = point.denominator > 0 ? `${point.count}/${point.denominator} in ` : '';
  return `${figure}${trendPointText(point)}. Show the reviews`;
}

/**
 * The percent of the year's reviews having a key, a line over the years; each point focusable,
 * and a button listing the reviews behind it when the chart is given `onSelect`.
 */
export function TrendChart({ title, points, svgRef, onSelect, selectedYear }: Props) {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const x = scaleBand<number>()
    .domain(sorted.map((point) => point.year))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.2);
  const top = Math.max(
    10,
    Math.ceil((max(sorted, (point) => drawnPercent(point.percent)) ?? 0) / 10) * 10,
  );
  const y = scaleLinear()
    .domain([0, Math.min(100, top)])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const centre = (year: number) => (x(year) ?? 0) + x.bandwidth() / 2;
  const path =
    line<TrendChartPoint>()
      .x((point) => centre(point.year))
      .y((point) => y(drawnPercent(point.percent)))(sorted) ?? '';
  const ticks = y.ticks(5);
  const choose = (event: KeyboardEvent, year: number) => {
    if (!onSelect || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    onSelect(year);
  };

  return (
    <svg
      ref={svgRef}
      className="trend-chart"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="group"
      aria-label={title}
      fontFamily="sans-serif"
      fontSize={12}
    >
      <title>{title}</title>
      {ticks.map((tick) => (
        <g key={tick} aria-hidden="true">
          <line
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke="#ddd"
          />
          <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fill="#333">
            {tick}%
          </text>
        </g>
      ))}
      {sorted.map((point) => (
        <text
          key={point.year}
          aria-hidden="true"
          x={centre(point.year)}
          y={HEIGHT - MARGIN.bottom + 18}
          textAnchor="middle"
          fill="#333"
        >
          {point.year}
        </text>
      ))}
      <path d={path} fill="none" stroke="#3b6ea5" strokeWidth={2} aria-hidden="true" />
      {sorted.map((point) => (
        <g
          key={point.year}
          className="trend-chart__point"
          tabIndex={0}
          {...(onSelect
            ? {
                role: 'button',
                'aria-label': trendPointName(point),
                'aria-pressed': selectedYear === point.year,
                onClick: () => onSelect(point.year),
                onKeyDown: (event: KeyboardEvent) => choose(event, point.year),
                cursor: 'pointer',
              }
            : { role: 'img', 'aria-label': trendPointText(point) })}
        >
          <title>{trendPointText(point)}</title>
          <circle
            cx={centre(point.year)}
            cy={y(drawnPercent(point.percent))}
            r={selectedYear === point.year ? 8 : 6}
            fill={selectedYear === point.year ? '#1f4e79' : '#3b6ea5'}
          />
          <text
            x={centre(point.year)}
            y={y(drawnPercent(point.percent)) - 10}
            textAnchor="middle"
            fill="#222"
            aria-hidden="true"
          >
            {point.denominator > 0 ? `${point.count}/${point.denominator}` : '–'}
          </text>
        </g>
      ))}
    </svg>
  );
}
