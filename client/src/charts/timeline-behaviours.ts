import { brushX, BrushBehavior, D3BrushEvent } from 'd3-brush';
import { zoom, ZoomBehavior, ZoomTransform } from 'd3-zoom';

/**
 * Wheel and drag zoom and pan of the time axis, between the whole chronology and `maxZoom` times
 * closer. Drags that start on a link or on the date strip (where the brush is) are left to them.
 */
export function timelineZoom(
  width: number,
  height: number,
  maxZoom: number,
  on: {
    start: (byUser: boolean) => void;
    zoom: (transform: ZoomTransform) => void;
    end: () => void;
  },
): ZoomBehavior<HTMLDivElement, unknown> {
  return zoom<HTMLDivElement, unknown>()
    .scaleExtent([1, maxZoom])
    .extent([
      [0, 0],
      [width, height],
    ])
    .translateExtent([
      [0, 0],
      [width, height],
    ])
    .filter((event: Event & { ctrlKey?: boolean; button?: number }) => {
      if (event.type === 'wheel') return true;
      const target = event.target as Element | null;
      return !event.ctrlKey && !event.button && !target?.closest('a, .timeline__axis');
    })
    .on('start', (event) => on.start(Boolean(event.sourceEvent)))
    .on('zoom', (event) => on.zoom(event.transform))
    .on('end', () => on.end());
}

/**
 * The brush along the date strip. Only what the user does is reported: the timeline moves the
 * brush itself when the view zooms, and those moves are not a new choice.
 */
export function timelineBrush(
  width: number,
  height: number,
  on: {
    start: () => void;
    change: (selection: [number, number] | null, ended: boolean) => void;
  },
): BrushBehavior<unknown> {
  return brushX<unknown>()
    .extent([
      [0, 0],
      [width, height],
    ])
    .on('start', (event: D3BrushEvent<unknown>) => {
      if (event.sourceEvent) on.start();
    })
    .on('brush end', (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return;
      const chosen = event.selection as [number, number] | null;
      on.change(chosen && chosen[1] - chosen[0] > 1 ? chosen : null, event.type === 'end');
    });
}
