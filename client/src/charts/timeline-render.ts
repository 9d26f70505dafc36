import { axisTop } from 'd3-axis';
import { BrushBehavior } from 'd3-brush';
import { ScaleTime } from 'd3-scale';
import { select } from 'd3-selection';
import { axisTicks } from './timeline-axis';
import {
  drawTimeline,
  EPISODE_ROW_HEIGHT,
  LANE_HEIGHT,
  POINT_RADIUS,
  rowCentre,
} from './timeline-draw';
import { TimelineModel } from './timeline-model';
import { drawReviewPeriod } from './timeline-review-period';

export interface EpisodeSpan {
  id: string;
  ordinal: number;
  title: string;
  start: number;
  end: number;
  /** The row of labels its label sits in, from 0 (see packEpisodeRows). */
  row: number;
}

/** The elements one frame of the timeline updates. */
export interface TimelineElements {
  canvas: HTMLCanvasElement | null;
  axis: SVGGElement | null;
  brush: SVGGElement | null;
  bands: SVGSVGElement | null;
  episodeLabels: HTMLElement | null;
  review: SVGSVGElement | null;
  overlay: SVGSVGElement | null;
}

export interface TimelineFrame {
  model: TimelineModel;
  x: ScaleTime<number, number>;
  plotWidth: number;
  episodes: EpisodeSpan[];
  period: [number, number] | null;
  /** The period under review, [first moment, after the last), when the review gives both ends. */
  reviewPeriod: [number, number] | null;
  focused: number | null;
  hovered: number | null;
  brush: BrushBehavior<unknown> | null;
  /** The user is dragging the brush: it is left where the pointer puts it. */
  brushing: boolean;
}

/**
 * Paints one frame: the marks on the canvas, and the axis, episode bands, selected period and
 * focus rings in SVG above and below it. Called on every zoom step, so it sets attributes on
 * elements React rendered rather than rendering again.
 */
export function renderTimelineFrame(elements: TimelineElements, frame: TimelineFrame): void {
  const { model, x, plotWidth, episodes, period } = frame;
  const height = model.lanes.length * LANE_HEIGHT;
  const { ticks, labels } = axisTicks(x, Math.max(2, Math.floor(plotWidth / 85)));
  const [d0, d1] = x.domain().map((d) => d.getTime());
  const [r0, r1] = x.range();
  const slope = (r1 - r0) / (d1 - d0);
  const intercept = r0 - d0 * slope;
  const px = (time: number) => time * slope + intercept;

  const canvas = elements.canvas;
  const context = canvas?.getContext('2d');
  if (canvas && context) {
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(plotWidth * ratio);
    const h = Math.round(height * ratio);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawTimeline({
      context,
      model,
      slope,
      intercept,
      width: plotWidth,
      height,
      gridLines: ticks.map(x),
      period,
      ratio,
    });
  }

  if (elements.axis) {
    select(elements.axis).call(
      axisTop<Date>(x)
        .tickValues(ticks)
        .tickFormat((_, i) => labels[i])
        .tickSizeOuter(0)
        .tickSize(6),
    );
  }

  const visible = (e: EpisodeSpan) => px(e.end) > 0 && px(e.start) < plotWidth;
  elements.bands?.querySelectorAll('rect').forEach((rect, i) => {
    const episode = episodes[i];
    if (!episode) return;
    const x0 = px(episode.start);
    rect.setAttribute('x', String(x0));
    rect.setAttribute('width', String(Math.max(2, px(episode.end) - x0)));
    rect.style.display = visible(episode) ? '' : 'none';
  });
  Array.from(elements.episodeLabels?.children ?? []).forEach((label, i) => {
    const episode = episodes[i];
    if (!episode) return;
    const x0 = Math.max(0, px(episode.start));
    const x1 = Math.min(plotWidth, px(episode.end));
    const style = (label as HTMLElement).style;
    style.left = `${x0}px`;
    style.top = `${episode.row * EPISODE_ROW_HEIGHT + 3}px`;
    style.width = `${Math.max(6, x1 - x0)}px`;
    style.display = visible(episode) ? '' : 'none';
    // Narrow bands keep what fits: "KPE 2 The first…", "KPE 2", then "2".
    label.classList.toggle('timeline__episode-label--narrow', x1 - x0 < 90);
    label.classList.toggle('timeline__episode-label--tiny', x1 - x0 < 56);
  });

  if (elements.review) drawReviewPeriod(elements.review, frame.reviewPeriod, px, plotWidth, height);

  if (elements.overlay) {
    const overlay = select(elements.overlay);
    const selection = overlay.selectAll('rect.timeline__period').data(period ? [period] : []);
    selection
      .join('rect')
      .attr('class', 'timeline__period')
      .attr('y', 0)
      .attr('height', height)
      .attr('x', (p) => px(p[0]))
      .attr('width', (p) => Math.max(1, px(p[1]) - px(p[0])));
    const rings = [
      ...(frame.hovered !== null && frame.hovered !== frame.focused
        ? [{ index: frame.hovered, kind: 'hover' }]
        : []),
      ...(frame.focused !== null ? [{ index: frame.focused, kind: 'focus' }] : []),
    ];
    overlay
      .selectAll<SVGRectElement, { index: number; kind: string }>('rect.timeline__ring')
      .data(rings)
      .join('rect')
      .attr('class', (r) => `timeline__ring timeline__ring--${r.kind}`)
      .each(function place(this: SVGRectElement, ring) {
        const i = ring.index;
        const point = model.point[i] === 1;
        const y = rowCentre(model.lane[i], point ? 0 : model.row[i]);
        const x0 = point ? px(model.start[i]) - POINT_RADIUS : px(model.drawStart[i]);
        const x1 = point ? px(model.start[i]) + POINT_RADIUS : px(model.drawEnd[i]);
        const pad = 4;
        this.setAttribute('x', String(x0 - pad));
        this.setAttribute('y', String(y - (point ? POINT_RADIUS : 4) - pad));
        this.setAttribute('width', String(Math.max(2, x1 - x0) + pad * 2));
        this.setAttribute('height', String((point ? POINT_RADIUS * 2 : 8) + pad * 2));
      });
  }

  if (elements.brush && frame.brush && !frame.brushing) {
    frame.brush.move(
      select(elements.brush),
      period ? [Math.max(0, px(period[0])), Math.min(plotWidth, px(period[1]))] : null,
    );
  }
}
