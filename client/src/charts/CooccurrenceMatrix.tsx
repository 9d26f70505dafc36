import { KeyboardEvent, Ref } from 'react';
import { plural } from '../components/plural';
import { labelLines } from './PrevalenceBars';
import { RowLabel } from './RowLabel';
import { gridShade } from './grid-colours';
import './grid-chart.css';

export interface MatrixKey {
  key: string;
  label: string;
  /** Reviews having the key itself: written on the diagonal. */
  count: number;
}

interface Props {
  /** The chart's name, said to screen readers and written in the downloaded SVG. */
  title: string;
  keys: MatrixKey[];
  /** Reviews having both keys of a pair, in either order. */
  pairCount: (a: string, b: string) => number;
  /** A cell was clicked or chosen with Enter or Space; a diagonal cell gives the same key twice. */
  onSelect: (a: string, b: string) => void;
  selected?: { a: string; b: string } | null;
  svgRef?: Ref<SVGSVGElement>;
}

const CELL = 52;
const LABEL_WIDTH = 230;
const TOP = 150;
const LINE_HEIGHT = 14;

/** "Neglect and domestic abuse: 18 reviews", or for the diagonal "Neglect: 31 reviews". */
export function cellWords(a: MatrixKey, b: MatrixKey, count: number): string {
  const name = a.key === b.key ? a.label : `${a.label} and ${b.label}`;
  return `${name}: ${plural(count, 'review')}`;
}

/**
 * A square matrix of the keys, each cell shaded by how many reviews have both and the count written
 * in it; the diagonal holds each key's own count. Every cell is a button named with those words.
 */
export function CooccurrenceMatrix({ title, keys, pairCount, onSelect, selected, svgRef }: Props) {
  const counts = keys.map((row) =>
    keys.map((column) => (row.key === column.key ? row.count : pairCount(row.key, column.key))),
  );
  const most = Math.max(0, ...counts.flat());
  const shade = gridShade(most);
  const width = LABEL_WIDTH + keys.length * CELL + 8;
  const height = TOP + keys.length * CELL + 8;

  const choose = (event: KeyboardEvent, a: string, b: string) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect(a, b);
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
        {keys.map((column, index) => (
          <text
            key={column.key}
            transform={`translate(${LABEL_WIDTH + index * CELL + CELL / 2 + 4}, ${TOP - 6}) rotate(-45)`}
            fill="#1f2933"
          >
            {labelLines(column.label, 24, 1)[0]}
          </text>
        ))}
        {keys.map((row, index) => (
          <RowLabel
            key={row.key}
            label={row.label}
            right={LABEL_WIDTH - 8}
            middle={TOP + index * CELL + CELL / 2}
            chars={32}
            lineHeight={LINE_HEIGHT}
          />
        ))}
      </g>
      {keys.map((row, rowIndex) =>
        keys.map((column, columnIndex) => {
          const count = counts[rowIndex][columnIndex];
          const pressed =
            (selected?.a === row.key && selected.b === column.key) ||
            (selected?.a === column.key && selected.b === row.key);
          return (
            <g
              key={`${row.key} ${column.key}`}
              className="grid-chart__cell"
              role="button"
              tabIndex={0}
              aria-pressed={pressed}
              aria-label={`${cellWords(row, column, count)}. Show the reviews`}
              onClick={() => onSelect(row.key, column.key)}
              onKeyDown={(event) => choose(event, row.key, column.key)}
              transform={`translate(${LABEL_WIDTH + columnIndex * CELL}, ${TOP + rowIndex * CELL})`}
            >
              <rect
                width={CELL - 2}
                height={CELL - 2}
                fill={shade.fill(count)}
                strokeDasharray={row.key === column.key ? '4 2' : undefined}
              />
              <text
                x={(CELL - 2) / 2}
                y={(CELL - 2) / 2 + 4}
                textAnchor="middle"
                fill={shade.ink(count)}
                fontWeight={row.key === column.key ? 'bold' : undefined}
                aria-hidden="true"
              >
                {count}
              </text>
            </g>
          );
        }),
      )}
    </svg>
  );
}
