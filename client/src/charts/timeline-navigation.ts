import { ScaleTime } from 'd3-scale';
import { select } from 'd3-selection';
import 'd3-transition';
import { ZoomBehavior, zoomIdentity, ZoomTransform } from 'd3-zoom';
import { KeyboardEvent, RefObject } from 'react';
import { timelineKeyAction } from './timeline-keys';
import { centreOf, stepInDateOrder, stepLane, TimelineModel } from './timeline-model';

function prefersLessMotion(): boolean {
  return typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-reduced-motion: reduce)').matches
    : true;
}

/** Zooming by the buttons and moving through the timeline by the keys. */
export function useTimelineNavigation({
  plotRef,
  zoomBehaviour,
  transform,
  base,
  model,
  focused,
  plotWidth,
  plotHeight,
  setFocused,
  setPinned,
}: {
  plotRef: RefObject<HTMLDivElement | null>;
  zoomBehaviour: RefObject<ZoomBehavior<HTMLDivElement, unknown> | null>;
  transform: RefObject<ZoomTransform>;
  base: ScaleTime<number, number>;
  model: TimelineModel;
  focused: number | null;
  plotWidth: number;
  plotHeight: number;
  setFocused: (index: number | null) => void;
  setPinned: (pinned: boolean | ((was: boolean) => boolean)) => void;
}) {
  const zoomBy = (factor: number) => {
    const plot = plotRef.current;
    const behaviour = zoomBehaviour.current;
    if (!plot || !behaviour) return;
    const x = transform.current.rescaleX(base);
    const anchor = focused !== null ? x(centreOf(model, focused)) : plotWidth / 2;
    const point: [number, number] = [Math.min(plotWidth, Math.max(0, anchor)), plotHeight / 2];
    // At once rather than animated: presses in quick succession then add up.
    behaviour.scaleBy(select(plot), factor, point);
  };
  const fitAll = () => {
    const plot = plotRef.current;
    const behaviour = zoomBehaviour.current;
    if (!plot || !behaviour) return;
    const selection = select(plot);
    if (prefersLessMotion()) behaviour.transform(selection, zoomIdentity);
    else behaviour.transform(selection.transition().duration(300), zoomIdentity);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const action = timelineKeyAction(event.key, event.shiftKey);
    if (!action) return;
    event.preventDefault();
    switch (action.type) {
      case 'step':
        setFocused(stepInDateOrder(model, focused, action.by));
        break;
      case 'lane':
        setFocused(stepLane(model, focused, action.by));
        break;
      case 'first':
        setFocused(stepInDateOrder(model, null, 1));
        break;
      case 'last':
        setFocused(stepInDateOrder(model, null, -1));
        break;
      case 'pin':
        if (focused === null) setFocused(stepInDateOrder(model, null, 1));
        else setPinned((was) => !was);
        break;
      case 'unpin':
        setPinned(false);
        break;
      case 'zoom':
        zoomBy(action.factor);
        break;
      case 'pan':
        if (plotRef.current && zoomBehaviour.current) {
          zoomBehaviour.current.translateBy(
            select(plotRef.current),
            (action.fraction * plotWidth) / transform.current.k,
            0,
          );
        }
        break;
      case 'fit':
        fitAll();
        break;
    }
  };
  return { zoomBy, fitAll, onKeyDown };
}
