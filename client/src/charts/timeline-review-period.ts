import { select } from 'd3-selection';

export const REVIEW_STARTS = 'Period under review starts';
export const REVIEW_ENDS = 'Period under review ends';

interface Boundary {
  key: 'start' | 'end';
  at: number;
  label: string;
}

/** Room a boundary's name needs beside its line. */
const NAME_PX = 180;

const readsRight = (b: Boundary, width: number) =>
  b.key === 'start' ? b.at < width - NAME_PX : b.at < NAME_PX;

/**
 * The period under review over the lanes: what lies before or after it shaded, and a line with its
 * name at each boundary, so events outside the period are seen to be outside it. `period` is
 * [first moment, after the last) in milliseconds; `px` places a moment on the plot.
 */
export function drawReviewPeriod(
  svg: SVGSVGElement,
  period: [number, number] | null,
  px: (time: number) => number,
  width: number,
  height: number,
): void {
  const root = select(svg);
  const start = period ? px(period[0]) : 0;
  const end = period ? px(period[1]) : 0;
  const outside = period
    ? [
        { key: 'before', x0: 0, x1: Math.min(width, start) },
        { key: 'after', x0: Math.max(0, end), x1: width },
      ].filter((side) => side.x1 > side.x0)
    : [];
  root
    .selectAll<SVGRectElement, (typeof outside)[number]>('rect.timeline__outside-review')
    .data(outside, (side) => side.key)
    .join('rect')
    .attr('class', (side) => `timeline__outside-review timeline__outside-review--${side.key}`)
    .attr('x', (side) => side.x0)
    .attr('y', 0)
    .attr('width', (side) => side.x1 - side.x0)
    .attr('height', height);

  const boundaries: Boundary[] = period
    ? [
        { key: 'start' as const, at: start, label: REVIEW_STARTS },
        { key: 'end' as const, at: end, label: REVIEW_ENDS },
      ].filter((b) => b.at >= 0 && b.at <= width)
    : [];
  const marks = root
    .selectAll<SVGGElement, Boundary>('g.timeline__review-boundary')
    .data(boundaries, (b) => b.key)
    .join((enter) => {
      const g = enter.append('g');
      g.append('line');
      g.append('text');
      return g;
    })
    .attr('class', (b) => `timeline__review-boundary timeline__review-boundary--${b.key}`)
    .attr('transform', (b) => `translate(${Math.round(b.at) + 0.5},0)`);
  marks.select('line').attr('y1', 0).attr('y2', height);
  marks
    .select('text')
    .text((b) => b.label)
    .attr('y', 12)
    // Each name reads into the period, unless that would run off the plot.
    .attr('x', (b) => (readsRight(b, width) ? 4 : -4))
    .attr('text-anchor', (b) => (readsRight(b, width) ? 'start' : 'end'));
}
