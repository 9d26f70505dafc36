import { RefObject, useLayoutEffect, useState } from 'react';
import { TimelineModel } from './timeline-model';

/** The width of the timeline's frame, followed as the page resizes. */
export function useFrameWidth(frameRef: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    setWidth(frame.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(frame);
    return () => observer.disconnect();
  }, [frameRef]);
  return width;
}

/**
 * A performance measure, `timeline:first-frame`, from when the data reached the chart (`dataAt`)
 * to the paint of the first frame drawn from it.
 */
export function useFirstFrameMeasure(model: TimelineModel, dataAt: number, width: number): void {
  useLayoutEffect(() => {
    if (width === 0 || typeof performance.measure !== 'function') return;
    const events = model.items.length;
    let timer = 0;
    // A frame callback runs before the paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        performance.measure('timeline:first-frame', {
          start: dataAt,
          end: performance.now(),
          detail: { events },
        });
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [model, dataAt, width]);
}
