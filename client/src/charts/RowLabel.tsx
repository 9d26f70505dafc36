import { labelLines } from './PrevalenceBars';

interface Props {
  label: string;
  /** Where the label ends: it is set right-aligned, before the row's cells. */
  right: number;
  /** The middle of the row, which the lines are centred on. */
  middle: number;
  /** Characters per line. */
  chars: number;
  lineHeight: number;
}

/** A matrix row's label in at most two lines, right-aligned and centred on its row. */
export function RowLabel({ label, right, middle, chars, lineHeight }: Props) {
  const lines = labelLines(label, chars, 2);
  return (
    <text fill="#1f2933" textAnchor="end">
      {lines.map((line, lineIndex) => (
        <tspan
          key={lineIndex}
          x={right}
          y={middle + 4 + (lineIndex - (lines.length - 1) / 2) * lineHeight}
        >
          {line}
        </tspan>
      ))}
    </text>
  );
}
