import { plural } from '../components/plural';
import { BrushBehavior } from 'd3-brush';
import { scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { ZoomBehavior, zoomIdentity, ZoomTransform } from 'd3-zoom';
import { MouseEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatPartialDate } from '@scr/shared';
import { TimelineFocusDetails, TimelineTooltip } from './TimelineDetail';
import { TimelineEpisodeLabels } from './TimelineEpisodeLabels';
import { TimelineLanes } from './TimelineLanes';
import { TimelineKeys, TimelineToolbar } from './TimelineLegend';
import { AXIS_HEIGHT, EPISODE_ROW_HEIGHT, LABEL_WIDTH, LANE_HEIGHT, rowAt } from './timeline-draw';
import { timelineBrush, timelineZoom } from './timeline-behaviours';
import { timelineDomain } from './timeline-axis';
import { useFirstFrameMeasure, useFrameWidth } from './timeline-hooks';
import { MIN_LABEL_PX, packEpisodeRows } from './timeline-episodes';
import { ZOOM_STEP } from './timeline-keys';
import { useTimelineNavigation } from './timeline-navigation';
import {
  buildTimelineModel,
  centreOf,
  DAY_MS,
  dayStart,
  hitTest,
  TimelineItem,
} from './timeline-model';
import { EpisodeSpan, renderTimelineFrame, TimelineElements } from './timeline-render';
import './timeline.css';

export interface TimelineEpisode {
  id: string;
  ordinal: number;
  title: string;
  startDate?: string | null;
  endDate?: string | null;
}

export interface TimelineProps {
  items: TimelineItem[];
  agencies: { id: string; name: string }[];
  episodes: TimelineEpisode[];
  /** Where an episode's band leads. */
  episodeHref: (episodeId: string) => string;
  /** The selected period, [from, to) in milliseconds, or null. */
  period: [number, number] | null;
  onPeriodChange: (period: [number, number] | null) => void;
  /** The period under review, `YYYY-MM-DD` days, marked when both are known. */
  reviewPeriod?: { start?: string | null; end?: string | null } | null;
}

/** The narrowest view: about ten days across the plot. */
const NARROWEST_VIEW_MS = 10 * DAY_MS;

/**
 * The chronology as swimlanes, one per agency, on a time axis that zooms and pans: marks on a
 * canvas (ten thousand of them redraw within a frame), with SVG and HTML above for the axis,
 * episode bands, the brush that selects a period and the keyboard focus.
 */
export function Timeline({
  items,
  agencies,
  episodes,
  episodeHref,
  period,
  onPeriodChange,
  reviewPeriod,
}: TimelineProps) {
  // When the data reached the chart: where the measure of the first frame painted from it starts.
  // eslint-disable-next-line react-hooks/purity -- a timestamp, read once per set of events
  const dataAt = useMemo(() => (items ? performance.now() : 0), [items]);
  const model = useMemo(() => buildTimelineModel(items, agencies), [items, agencies]);
  const [focusedIndex, setFocused] = useState<number | null>(null);
  // A reload may bring fewer events than the index the focus had.
  const focused = focusedIndex !== null && focusedIndex < items.length ? focusedIndex : null;
  const [pinned, setPinned] = useState(false);
  const [chartFocused, setChartFocused] = useState(false);
  const [hover, setHover] = useState<{ index: number; left: number; top: number } | null>(null);

  const frameRef = useRef<HTMLDivElement>(null);
  const width = useFrameWidth(frameRef);
  useFirstFrameMeasure(model, dataAt, width);
  const plotRef = useRef<HTMLDivElement>(null);
  const lanesRef = useRef<HTMLDivElement>(null);
  const elements = useRef<TimelineElements>({
    canvas: null,
    axis: null,
    brush: null,
    bands: null,
    episodeLabels: null,
    review: null,
    overlay: null,
  });
  const transform = useRef<ZoomTransform>(zoomIdentity);
  const zoomBehaviour = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const brush = useRef<BrushBehavior<unknown> | null>(null);
  const brushing = useRef(false);
  const dragging = useRef(false);
  const frameRequest = useRef<number | null>(null);

  const plotWidth = Math.max(240, width - LABEL_WIDTH);
  const lanesHeight = model.lanes.length * LANE_HEIGHT;
  const reviewStart = reviewPeriod?.start;
  const reviewEnd = reviewPeriod?.end;
  const underReview = useMemo<[number, number] | null>(
    () => (reviewStart && reviewEnd ? [dayStart(reviewStart), dayStart(reviewEnd) + DAY_MS] : null),
    [reviewStart, reviewEnd],
  );
  const base = useMemo(() => {
    const [from, to] = timelineDomain(model.extent, underReview);
    return scaleUtc()
      .domain([new Date(from), new Date(to)])
      .range([0, plotWidth]);
  }, [model.extent, underReview, plotWidth]);
  const [domainFrom, domainTo] = base.domain().map((d) => d.getTime());
  const maxZoom = Math.max(1, (domainTo - domainFrom) / NARROWEST_VIEW_MS);
  const { spans, episodeRows } = useMemo(() => {
    const dated = episodes
      .filter((e) => e.startDate)
      .map((e) => ({
        id: e.id,
        ordinal: e.ordinal,
        title: e.title,
        start: dayStart(e.startDate!),
        end: dayStart(e.endDate ?? e.startDate!) + DAY_MS,
      }));
    // The time the narrowest label covers at the widest view, so labels never meet when zoomed.
    const minSpan = ((domainTo - domainFrom) * MIN_LABEL_PX) / plotWidth;
    const { rows, count } = packEpisodeRows(dated, minSpan);
    return {
      spans: dated.map<EpisodeSpan>((e, i) => ({ ...e, row: rows[i] })),
      episodeRows: count,
    };
  }, [episodes, domainFrom, domainTo, plotWidth]);
  const episodesHeight = episodeRows * EPISODE_ROW_HEIGHT;
  const reviewNote = underReview
    ? ` Period under review ${formatPartialDate(reviewStart!, 'DAY')} to ${formatPartialDate(reviewEnd!, 'DAY')}, the time outside it shaded.`
    : '';
  const plotHeight = AXIS_HEIGHT + episodesHeight + lanesHeight;

  // What the next frame draws; read by callbacks that d3 holds on to.
  const live = useRef({
    model,
    base,
    spans,
    period,
    underReview,
    focused,
    hovered: null as number | null,
    plotWidth,
    onPeriodChange,
  });
  useLayoutEffect(() => {
    live.current = {
      model,
      base,
      spans,
      period,
      underReview,
      focused,
      hovered: hover?.index ?? null,
      plotWidth,
      onPeriodChange,
    };
  });

  const drawNow = () => {
    const now = live.current;
    renderTimelineFrame(elements.current, {
      model: now.model,
      x: transform.current.rescaleX(now.base),
      plotWidth: now.plotWidth,
      episodes: now.spans,
      period: now.period,
      reviewPeriod: now.underReview,
      focused: now.focused,
      hovered: now.hovered,
      brush: brush.current,
      brushing: brushing.current,
    });
  };
  const requestDraw = () => {
    if (frameRequest.current !== null) return;
    frameRequest.current = requestAnimationFrame(() => {
      frameRequest.current = null;
      drawNow();
    });
  };
  useEffect(
    () => () => {
      if (frameRequest.current !== null) cancelAnimationFrame(frameRequest.current);
    },
    [],
  );

  useLayoutEffect(() => {
    const plot = plotRef.current;
    if (!plot || width === 0) return;
    const behaviour = timelineZoom(plotWidth, plotHeight, maxZoom, {
      start: (byUser) => {
        dragging.current = byUser;
        if (byUser) setHover(null);
      },
      zoom: (next) => {
        transform.current = next;
        requestDraw();
      },
      end: () => {
        dragging.current = false;
      },
    });
    zoomBehaviour.current = behaviour;
    const selection = select(plot);
    selection.call(behaviour).on('dblclick.zoom', null);
    selection.call(behaviour.transform, transform.current);
    return () => {
      selection.on('.zoom', null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the zoom behaviour is rebuilt only when the plot's size or zoom bound changes; the rest is read through refs
  }, [width, plotWidth, plotHeight, maxZoom]);

  useLayoutEffect(() => {
    const group = elements.current.brush;
    if (!group || width === 0) return;
    const behaviour = timelineBrush(plotWidth, AXIS_HEIGHT, {
      start: () => {
        brushing.current = true;
      },
      change: (chosen, ended) => {
        if (ended) brushing.current = false;
        const x = transform.current.rescaleX(live.current.base);
        live.current.onPeriodChange(
          chosen ? [x.invert(chosen[0]).getTime(), x.invert(chosen[1]).getTime()] : null,
        );
      },
    });
    brush.current = behaviour;
    select(group).call(behaviour);
    return () => {
      select(group).on('.brush', null);
    };
  }, [width, plotWidth]);

  useLayoutEffect(() => {
    if (width > 0) drawNow();
  }, [model, base, spans, period, underReview, focused, hover, width]);

  // Keyboard focus pans the view to keep the focused event in sight.
  useEffect(() => {
    const plot = plotRef.current;
    const behaviour = zoomBehaviour.current;
    if (focused === null || !plot || !behaviour) return;
    const x = transform.current.rescaleX(base)(centreOf(model, focused));
    if (x < 24 || x > plotWidth - 24) {
      behaviour.translateTo(select(plot), base(centreOf(model, focused)), plotHeight / 2);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pans only when the focus moves, not when the model or scale changes under it
  }, [focused]);

  const { zoomBy, fitAll, onKeyDown } = useTimelineNavigation({
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
  });

  const eventAt = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const left = event.clientX - box.left;
    const top = event.clientY - box.top;
    const lane = Math.floor(top / LANE_HEIGHT);
    const x = transform.current.rescaleX(base);
    const tolerance = x.invert(8).getTime() - x.invert(0).getTime();
    const index = hitTest(
      model,
      lane,
      rowAt(top - lane * LANE_HEIGHT),
      x.invert(left).getTime(),
      tolerance,
    );
    return index === null ? null : { index, left, top: (lane + 1) * LANE_HEIGHT };
  };

  const shown = focused !== null && (pinned || chartFocused) ? model.items[focused] : null;
  const hovered = hover ? model.items[hover.index] : null;
  return (
    <div className="timeline">
      <TimelineToolbar
        onZoomIn={() => zoomBy(ZOOM_STEP)}
        onZoomOut={() => zoomBy(1 / ZOOM_STEP)}
        onFitAll={fitAll}
        reviewPeriod={underReview !== null}
      />
      <div className="timeline__frame" ref={frameRef} style={{ height: plotHeight }}>
        <TimelineLanes model={model} episodesHeight={episodesHeight} />
        <div
          className="timeline__plot"
          ref={plotRef}
          style={{ left: LABEL_WIDTH, width: plotWidth, height: plotHeight }}
        >
          <svg className="timeline__axis" width={plotWidth} height={AXIS_HEIGHT} aria-hidden="true">
            <g
              ref={(g) => void (elements.current.axis = g)}
              transform={`translate(0,${AXIS_HEIGHT - 1})`}
            />
            <g ref={(g) => void (elements.current.brush = g)} className="timeline__brush" />
          </svg>
          <TimelineEpisodeLabels
            episodes={spans}
            episodeHref={episodeHref}
            height={episodesHeight}
            navRef={(nav) => void (elements.current.episodeLabels = nav)}
          />
          <div
            className="timeline__lanes"
            ref={lanesRef}
            style={{ top: AXIS_HEIGHT + episodesHeight, height: lanesHeight }}
            tabIndex={0}
            role="application"
            aria-roledescription="timeline"
            aria-label={`Chronology timeline, ${plural(model.items.length, 'event')} in ${plural(model.lanes.length, 'lane')} by agency.${reviewNote} Left and right arrows move through the events in date order, up and down change lane, Enter pins the details.`}
            onKeyDown={onKeyDown}
            onFocus={() => {
              setChartFocused(true);
              if (focused === null && model.items.length > 0) setFocused(0);
            }}
            onBlur={() => setChartFocused(false)}
            onMouseMove={(event) => {
              if (dragging.current) return;
              const hit = eventAt(event);
              if (hit?.index !== hover?.index) setHover(hit);
            }}
            onMouseLeave={() => setHover(null)}
            onClick={(event) => {
              const hit = eventAt(event);
              if (hit) {
                setFocused(hit.index);
                setPinned(true);
                lanesRef.current?.focus();
              }
            }}
          >
            <svg
              className="timeline__bands"
              width={plotWidth}
              height={lanesHeight}
              aria-hidden="true"
              ref={(svg) => void (elements.current.bands = svg)}
            >
              {spans.map((episode) => (
                <rect key={episode.id} y={0} height={lanesHeight} className="timeline__band" />
              ))}
            </svg>
            <svg
              className="timeline__review"
              width={plotWidth}
              height={lanesHeight}
              aria-hidden="true"
              ref={(svg) => void (elements.current.review = svg)}
            />
            <canvas
              ref={(canvas) => void (elements.current.canvas = canvas)}
              style={{ width: plotWidth, height: lanesHeight }}
              aria-hidden="true"
            />
            <svg
              className="timeline__overlay"
              width={plotWidth}
              height={lanesHeight}
              aria-hidden="true"
              ref={(svg) => void (elements.current.overlay = svg)}
            />
            {hovered && hover && (
              <TimelineTooltip
                item={hovered}
                left={Math.max(0, Math.min(hover.left + 12, plotWidth - 340))}
                below={hover.top}
                above={hover.top - LANE_HEIGHT}
                flip={hover.top + 4 > lanesHeight - 60}
                height={lanesHeight}
              />
            )}
          </div>
        </div>
      </div>
      <TimelineKeys />
      <TimelineFocusDetails
        items={model.items}
        focused={focused}
        shown={shown}
        pinned={pinned}
        onUnpin={() => setPinned(false)}
      />
    </div>
  );
}
