import { scaleLinear } from 'd3-scale';
import { KeyboardEvent, Ref } from 'react';
import { drawnPercent, figureWords } from './figure-words';
import './prevalence-bars.css';

/** One set of bars: a table alone has one; counted apart (good practice, problems) there are two. */
export interface BarSeries {
  key: string;
  /** Said in the key and each bar's name, e.g. "Supports good practice". */
  name: string;
  colour: string;
}

export interface BarValue {
  count: number;
  percent: number;
}

export interface BarRow {
  key: string;
  label: string;
  /** Per series key; a series with no value counts 0. */
  values: Record<string, BarValue | undefined>;
}

interface Props {
  /** The chart's name, said to screen readers and written in the downloaded SVG. */
  title: string;
  rows: BarRow[];
  series: BarSeries[];
  /** Reviews in the filtered set: what every count is "of". */
  denominator: number;
  /** A bar was clicked or chosen with Enter or Space. */
  onSelect: (rowKey: string, seriesKey: string) => void;
  /** The bar whose reviews are listed, shown pressed. */
  selected?: { rowKey: string; seriesKey: string } | null;
  svgRef?: Ref<SVGSVGElement>;
}

const WIDTH = 860;
const LABEL_WIDTH = 340;
const BAR_LEFT = LABEL_WIDTH + 12;
const BAR_WIDTH = 300;
const BAR_HEIGHT = 18;
const BAR_GAP = 4;
const ROW_GAP = 14;
const LINE_HEIGHT = 15;
const LABEL_CHARS = 46;
const LABEL_LINES = 3;
const KEY_HEIGHT = 28;

/** "31 of 40 reviews, 77.5%": the count, what it is of, and the percent to one decimal. */
export function prevalenceText(value: BarValue, denominator: number): string {
  return figureWords(value.count, denominator, value.percent);
}

/** The label in lines of at most LABEL_CHARS, the last cut short with an ellipsis. */
export function labelLines(label: string, chars = LABEL_CHARS, most = LABEL_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > chars && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= most) return lines;
  const kept = lines.slice(0, most);
  kept[most - 1] = `${kept[most - 1].slice(0, chars - 1).trimEnd()}…`;
  return kept;
}

/** Where each row goes down the chart, and how tall the chart is. */
function layoutRows(rows: BarRow[], seriesCount: number) {
  const top = seriesCount > 1 ? KEY_HEIGHT : 0;
  const placed: { row: BarRow; lines: string[]; at: number }[] = [];
  let y = top;
  for (const row of rows) {
    const lines = labelLines(row.label);
    placed.push({ row, lines, at: y });
    y +=
      Math.max(seriesCount * (BAR_HEIGHT + BAR_GAP) - BAR_GAP, lines.length * LINE_HEIGHT) +
      ROW_GAP;
  }
  return { placed, height: Math.max(y, top + 1) };
}

/**
 * Horizontal bars, one per key (and per series), each as long as its percent of the filtered
 * reviews and labelled with its count, the denominator and the percent. Every bar is a button:
 * focusable, named with those words, and chosen with a click, Enter or Space.
 */
export function PrevalenceBars({
  title,
  rows,
  series,
  denominator,
  onSelect,
  selected,
  svgRef,
}: Props) {
  const x = scaleLinear().domain([0, 100]).range([0, BAR_WIDTH]);
  const { placed, height } = layoutRows(rows, series.length);

  const choose = (event: KeyboardEvent, rowKey: string, seriesKey: string) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect(rowKey, seriesKey);
  };

  return (
    <svg
      ref={svgRef}
      className="prevalence-bars"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="group"
      aria-label={title}
      fontFamily="system-ui, sans-serif"
      fontSize={13}
    >
      <title>{title}</title>
      {series.length > 1 && (
        <g className="prevalence-bars__key" aria-hidden="true">
          {series.map((one, index) => (
            <g key={one.key} transform={`translate(${BAR_LEFT + index * 210}, 4)`}>
              <rect width={14} height={14} fill={one.colour} />
              <text x={20} y={12} fill="#1f2933">
                {one.name}
              </text>
            </g>
          ))}
        </g>
      )}
      {placed.map(({ row, lines, at }) => (
        <g key={row.key} transform={`translate(0, ${at})`}>
          <text className="prevalence-bars__label" fill="#1f2933" aria-hidden="true">
            {lines.map((line, index) => (
              <tspan key={index} x={0} y={12 + index * LINE_HEIGHT}>
                {line}
              </tspan>
            ))}
          </text>
          {series.map((one, index) => {
            const value = row.values[one.key] ?? { count: 0, percent: 0 };
            const words = prevalenceText(value, denominator);
            const name = series.length > 1 ? `${row.label}, ${one.name.toLowerCase()}` : row.label;
            const pressed =
              selected?.rowKey === row.key && selected.seriesKey === one.key ? true : false;
            const barY = index * (BAR_HEIGHT + BAR_GAP);
            return (
              <g
                key={one.key}
                className="prevalence-bars__bar"
                role="button"
                tabIndex={0}
                aria-pressed={pressed}
                aria-label={`${name}: ${words}. Show the reviews`}
                onClick={() => onSelect(row.key, one.key)}
                onKeyDown={(event) => choose(event, row.key, one.key)}
              >
                <rect
                  className="prevalence-bars__track"
                  x={BAR_LEFT}
                  y={barY}
                  width={BAR_WIDTH}
                  height={BAR_HEIGHT}
                  fill="#eef1f4"
                />
                <rect
                  x={BAR_LEFT}
                  y={barY}
                  width={x(drawnPercent(value.percent))}
                  height={BAR_HEIGHT}
                  fill={one.colour}
                />
                <text x={BAR_LEFT + BAR_WIDTH + 8} y={barY + 13} fill="#1f2933">
                  {words}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
