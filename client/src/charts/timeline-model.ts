/**
 * The pure geometry of the chronology timeline: which lane and row each event sits in, what span of
 * time it covers for its date precision, the keyboard's reading order, and which events a period
 * selects. Times are milliseconds since 1970 (UTC); nothing here touches the DOM.
 */
export type TimelinePrecision = 'DAY' | 'MONTH' | 'YEAR' | 'APPROXIMATE';

export interface TimelineItem {
  id: string;
  occurredOn: string;
  precision: TimelinePrecision;
  sortDate: string;
  endDate: string;
  timeOfDay?: string | null;
  title: string;
  description?: string | null;
  source?: string | null;
  agency?: { id: string; name: string } | null;
}

export interface TimelineLane {
  /** The agency's id, or null for the lane of events no agency is named for. */
  agencyId: string | null;
  name: string;
}

export const UNATTRIBUTED = 'Unattributed';
export const DAY_MS = 86_400_000;
/** How far the faded edges of an approximate date reach, at least. */
export const APPROXIMATE_MARGIN_MS = 14 * DAY_MS;
/** Rows for month, year and approximate bars above the row of day marks in each lane. */
export const SPAN_ROWS = 3;

export type MarkKind = 'point' | 'span';

export interface TimelineModel {
  items: TimelineItem[];
  lanes: TimelineLane[];
  /** Per event, in date order (the order of `items`): */
  lane: Uint16Array;
  /** 0 is the row of day marks; 1…SPAN_ROWS the rows of bars. */
  row: Uint8Array;
  point: Uint8Array;
  fuzzy: Uint8Array;
  /** What the date can mean: a day mark's centre twice, or a bar's first and after-last moment. */
  start: Float64Array;
  end: Float64Array;
  /** What is drawn: the date's span widened by the faded edges of an approximate date. */
  drawStart: Float64Array;
  drawEnd: Float64Array;
  /** Event indexes of each lane, in date order. */
  byLane: number[][];
  /** The first and last moment anything is drawn. */
  extent: [number, number];
}

/** Milliseconds of the start of a `YYYY-MM-DD` day, UTC. */
export function dayStart(isoDay: string): number {
  return Date.UTC(
    Number(isoDay.slice(0, 4)),
    Number(isoDay.slice(5, 7)) - 1,
    Number(isoDay.slice(8, 10)),
  );
}

/** One lane per agency, in the order given, then one per agency only events name, then "Unattributed". */
export function assignLanes(
  items: TimelineItem[],
  agencies: { id: string; name: string }[],
): { lanes: TimelineLane[]; laneOf: number[] } {
  const lanes: TimelineLane[] = agencies.map((a) => ({ agencyId: a.id, name: a.name }));
  const index = new Map(agencies.map((a, i) => [a.id, i]));
  let anyUnattributed = false;
  const laneOf = items.map((item) => {
    if (!item.agency) {
      anyUnattributed = true;
      return -1;
    }
    let lane = index.get(item.agency.id);
    if (lane === undefined) {
      lane = lanes.length;
      lanes.push({ agencyId: item.agency.id, name: item.agency.name });
      index.set(item.agency.id, lane);
    }
    return lane;
  });
  if (anyUnattributed) {
    const last = lanes.length;
    lanes.push({ agencyId: null, name: UNATTRIBUTED });
    for (let i = 0; i < laneOf.length; i += 1) if (laneOf[i] === -1) laneOf[i] = last;
  }
  return { lanes, laneOf };
}

/**
 * The time an event covers. A day is a point at midday; a month or a year a span from its first
 * day to the end of its last; an approximate date the span of what was written, widened on both
 * sides by a quarter of its length (at least a fortnight) for the faded edges.
 */
export function extentOf(item: Pick<TimelineItem, 'precision' | 'sortDate' | 'endDate'>): {
  point: boolean;
  fuzzy: boolean;
  start: number;
  end: number;
  drawStart: number;
  drawEnd: number;
} {
  const first = dayStart(item.sortDate);
  if (item.precision === 'DAY') {
    const midday = first + DAY_MS / 2;
    return {
      point: true,
      fuzzy: false,
      start: midday,
      end: midday,
      drawStart: midday,
      drawEnd: midday,
    };
  }
  const end = dayStart(item.endDate) + DAY_MS;
  if (item.precision === 'APPROXIMATE') {
    const margin = Math.max(APPROXIMATE_MARGIN_MS, (end - first) / 4);
    return {
      point: false,
      fuzzy: true,
      start: first,
      end,
      drawStart: first - margin,
      drawEnd: end + margin,
    };
  }
  return { point: false, fuzzy: false, start: first, end, drawStart: first, drawEnd: end };
}

/** Lays out events already in date order (as the server sends them). */
export function buildTimelineModel(
  items: TimelineItem[],
  agencies: { id: string; name: string }[],
): TimelineModel {
  const n = items.length;
  const { lanes, laneOf } = assignLanes(items, agencies);
  const model: TimelineModel = {
    items,
    lanes,
    lane: new Uint16Array(n),
    row: new Uint8Array(n),
    point: new Uint8Array(n),
    fuzzy: new Uint8Array(n),
    start: new Float64Array(n),
    end: new Float64Array(n),
    drawStart: new Float64Array(n),
    drawEnd: new Float64Array(n),
    byLane: lanes.map(() => []),
    extent: [Infinity, -Infinity],
  };
  // Bars of one lane are packed into its rows: each goes to the first row free by its start.
  const rowEnds = lanes.map(() => new Array<number>(SPAN_ROWS).fill(-Infinity));
  for (let i = 0; i < n; i += 1) {
    const span = extentOf(items[i]);
    const lane = laneOf[i];
    model.lane[i] = lane;
    model.point[i] = span.point ? 1 : 0;
    model.fuzzy[i] = span.fuzzy ? 1 : 0;
    model.start[i] = span.start;
    model.end[i] = span.end;
    model.drawStart[i] = span.drawStart;
    model.drawEnd[i] = span.drawEnd;
    model.byLane[lane].push(i);
    if (!span.point) model.row[i] = packRow(rowEnds[lane], span.drawStart, span.drawEnd);
    if (span.drawStart < model.extent[0]) model.extent[0] = span.drawStart;
    if (span.drawEnd > model.extent[1]) model.extent[1] = span.drawEnd;
  }
  if (n === 0) model.extent = [Date.UTC(2020, 0, 1), Date.UTC(2021, 0, 1)];
  return model;
}

/** The 1-based row for a bar: the first whose last bar has ended, else the one that ends soonest. */
export function packRow(rowEnds: number[], start: number, end: number): number {
  let chosen = rowEnds.findIndex((rowEnd) => rowEnd <= start);
  if (chosen < 0) chosen = rowEnds.indexOf(Math.min(...rowEnds));
  rowEnds[chosen] = Math.max(rowEnds[chosen], end);
  return chosen + 1;
}

/** The moment an event is placed at, for distances: a point's time or a bar's middle. */
export function centreOf(model: TimelineModel, i: number): number {
  return (model.start[i] + model.end[i]) / 2;
}

/** The next or previous event in date order (the whole chronology), or the first/last from none. */
export function stepInDateOrder(
  model: TimelineModel,
  current: number | null,
  step: 1 | -1,
): number | null {
  const n = model.items.length;
  if (n === 0) return null;
  if (current === null) return step > 0 ? 0 : n - 1;
  return Math.min(n - 1, Math.max(0, current + step));
}

/**
 * The event of the nearest lane above (-1) or below (+1) that has events, nearest in time to the
 * current one; the current one when there is no such lane.
 */
export function stepLane(
  model: TimelineModel,
  current: number | null,
  step: 1 | -1,
): number | null {
  if (current === null) return stepInDateOrder(model, null, 1);
  const at = centreOf(model, current);
  for (
    let lane = model.lane[current] + step;
    lane >= 0 && lane < model.lanes.length;
    lane += step
  ) {
    const events = model.byLane[lane];
    if (events.length > 0) return nearestInTime(model, events, at);
  }
  return current;
}

function nearestInTime(model: TimelineModel, events: number[], at: number): number {
  // Events of a lane are in date order, so a binary search finds the neighbours of `at`.
  let low = 0;
  let high = events.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (centreOf(model, events[middle]) < at) low = middle + 1;
    else high = middle;
  }
  const after = events[low];
  const before = events[Math.max(0, low - 1)];
  return Math.abs(centreOf(model, before) - at) <= Math.abs(centreOf(model, after) - at)
    ? before
    : after;
}

/**
 * Whether a date can fall in the period [from, to): a day when it lies inside, a month, a year or
 * an approximate date when any of it does.
 */
export function overlapsPeriod(start: number, end: number, from: number, to: number): boolean {
  return start === end ? start >= from && start < to : start < to && end > from;
}

/** Whether the whole of a date lies in the period [from, to): what a selection takes. */
export function insidePeriod(start: number, end: number, from: number, to: number): boolean {
  return start === end ? start >= from && start < to : start >= from && end <= to;
}

/** Indexes of the events a period selects, in date order. */
export function eventsInPeriod(model: TimelineModel, from: number, to: number): number[] {
  const chosen: number[] = [];
  for (let i = 0; i < model.items.length; i += 1) {
    if (overlapsPeriod(model.start[i], model.end[i], from, to)) chosen.push(i);
  }
  return chosen;
}

/**
 * The events a period selects, in their order: `inside` those whose whole date lies in [from, to)
 * (a day inside it, a month or a year all of whose days are), `partial` those known only to the
 * month, the year or roughly, whose date reaches into the period but not only into it. A
 * selection takes the first; the second are offered to add by choice.
 */
export function partitionByPeriod<T extends TimelineItem>(
  items: T[],
  from: number,
  to: number,
): { inside: T[]; partial: T[] } {
  const inside: T[] = [];
  const partial: T[] = [];
  for (const item of items) {
    const span = extentOf(item);
    if (insidePeriod(span.start, span.end, from, to)) inside.push(item);
    else if (overlapsPeriod(span.start, span.end, from, to)) partial.push(item);
  }
  return { inside, partial };
}

/**
 * The event under the pointer in a lane: among those drawn within `tolerance` of `at` in the given
 * row (0 for day marks), the one nearest in time; null when there is none.
 */
export function hitTest(
  model: TimelineModel,
  lane: number,
  row: number,
  at: number,
  tolerance: number,
): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const i of model.byLane[lane] ?? []) {
    if ((model.point[i] ? 0 : model.row[i]) !== row) continue;
    if (model.drawStart[i] - tolerance > at || model.drawEnd[i] + tolerance < at) continue;
    const distance = model.point[i]
      ? Math.abs(model.start[i] - at)
      : Math.max(0, model.start[i] - at, at - model.end[i]);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}
