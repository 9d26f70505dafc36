import { KeyboardEvent, Ref } from 'react';
import { drawnPercent, figureWords } from './figure-words';
import { RowLabel } from './RowLabel';
import { gridShade } from './grid-colours';
import './grid-chart.css';

export interface HeatmapValue {
  count: number;
  denominator: number;
  percent: number;
}

export interface HeatmapRow {
  key: string;
  label: string;
  /** Per column (year); a year with no value counts 0 of 0. */
  values: Record<number, HeatmapValue | undefined>;
}

interface Props {
  /** The chart's name, said to screen readers and written in the downloaded SVG. */
  title: string;
  rows: HeatmapRow[];
  columns: number[];
  onSelect: (rowKey: string, column: number) => void;
  selected?: { rowKey: string; column: number } | null;
  svgRef?: Ref<SVGSVGElement>;
}

const CELL_WIDTH = 64;
const CELL_HEIGHT = 40;
const LABEL_WIDTH = 330;
const TOP = 24;
const LINE_HEIGHT = 14;

/** "3 of 10 reviews, 30.0%". */
export function heatmapValueWords(value: HeatmapValue): string {
  return figureWords(value.count, value.denominator, value.percent);
}

/**
 * Rows by columns (years), each cell shaded by its percent and written with it; every cell is a
 * button named with the row, the year, the count, what it is of and the percent.
 */
export function Heatmap({ title, rows, columns, onSelect, selected, svgRef }: Props) {
  const shade = gridShade(100);
  const width = LABEL_WIDTH + columns.length * CELL_WIDTH + 8;
  const height = TOP + rows.length * CELL_HEIGHT + 8;

  const choose = (event: KeyboardEvent, rowKey: string, column: number) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect(rowKey, column);
  };

  return (
    <svg
      ref={svgRef}
      className="grid-chart"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="group"
      aria-label={title}
      fontFamily="system-ui, sans-serif"
      fontSize={12}
    >
      <title>{title}</title>
      <g aria-hidden="true">
        {columns.map((column, index) => (
          <text
            key={column}
            x={LABEL_WIDTH + index * CELL_WIDTH + CELL_WIDTH / 2}
            y={TOP - 8}
            textAnchor="middle"
            fill="#1f2933"
          >
            {column}
          </text>
        ))}
        {rows.map((row, index) => (
          <RowLabel
            key={row.key}
            label={row.label}
            right={LABEL_WIDTH - 8}
            middle={TOP + index * CELL_HEIGHT + CELL_HEIGHT / 2}
            chars={44}
            lineHeight={LINE_HEIGHT}
          />
        ))}
      </g>
      {rows.map((row, rowIndex) =>
        columns.map((column, columnIndex) => {
          const value = row.values[column] ?? { count: 0, denominator: 0, percent: 0 };
          const pressed = selected?.rowKey === row.key && selected.column === column;
          return (
            <g
              key={`${row.key} ${column}`}
              className="grid-chart__cell"
              role="button"
              tabIndex={0}
              aria-pressed={pressed}
              aria-label={`${row.label}, ${column}: ${value.denominator > 0 ? `${value.count}/${value.denominator}, ` : ''}${heatmapValueWords(value)}. Show the reviews`}
              onClick={() => onSelect(row.key, column)}
              onKeyDown={(event) => choose(event, row.key, column)}
              transform={`translate(${LABEL_WIDTH + columnIndex * CELL_WIDTH}, ${TOP + rowIndex * CELL_HEIGHT})`}
            >
              <rect
                width={CELL_WIDTH - 2}
                height={CELL_HEIGHT - 2}
                fill={shade.fill(drawnPercent(value.percent))}
              />
              <text
                x={(CELL_WIDTH - 2) / 2}
                y={(CELL_HEIGHT - 2) / 2 + 4}
                textAnchor="middle"
                fill={shade.ink(drawnPercent(value.percent))}
                aria-hidden="true"
              >
                {value.denominator > 0 ? `${value.count}/${value.denominator}` : '–'}
              </text>
            </g>
          );
        }),
      )}
    </svg>
  );
}
