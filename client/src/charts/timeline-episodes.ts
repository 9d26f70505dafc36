/**
 * Where the labels of the key practice episodes go: rows above the lanes, each episode in the
 * first row where it overlaps no other, so that no two labels cover each other at any zoom.
 */

/** At the widest view a label is at least this wide, however short its episode. */
export const MIN_LABEL_PX = 6;

/**
 * The 0-based row of each span (in the order given) and how many rows there are: greedy interval
 * packing in order of start, each span taking the first row whose last span has ended by its start.
 * `minSpan` is the time the narrowest label covers at the widest view: a span shorter than that
 * keeps its row for that long, since its label does.
 */
export function packEpisodeRows(
  spans: { start: number; end: number }[],
  minSpan = 0,
): { rows: number[]; count: number } {
  const order = spans
    .map((span, index) => ({ ...span, index }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  const rowEnds: number[] = [];
  const rows = new Array<number>(spans.length).fill(0);
  for (const span of order) {
    const end = Math.max(span.end, span.start + minSpan);
    let row = rowEnds.findIndex((rowEnd) => rowEnd <= span.start);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = end;
    rows[span.index] = row;
  }
  return { rows, count: Math.max(1, rowEnds.length) };
}
