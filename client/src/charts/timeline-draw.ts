import { insidePeriod, SPAN_ROWS, TimelineModel } from './timeline-model';

/** The timeline's measures, in CSS pixels. */
export const LANE_HEIGHT = 56;
export const AXIS_HEIGHT = 34;
export const EPISODE_ROW_HEIGHT = 28;
export const LABEL_WIDTH = 200;
export const POINT_RADIUS = 5;
const BAR_HEIGHT = 7;
const BAR_GAP = 3;
const FIRST_BAR_TOP = 5;

/** The vertical centre of a row of a lane, from the top of the lanes. */
export function rowCentre(lane: number, row: number): number {
  const top = lane * LANE_HEIGHT;
  if (row === 0) return top + LANE_HEIGHT - POINT_RADIUS - 9;
  return top + FIRST_BAR_TOP + (row - 1) * (BAR_HEIGHT + BAR_GAP) + BAR_HEIGHT / 2;
}

/** The row under a point `y` pixels below the top of its lane. */
export function rowAt(yInLane: number): number {
  const barsBottom = FIRST_BAR_TOP + SPAN_ROWS * (BAR_HEIGHT + BAR_GAP);
  if (yInLane >= barsBottom - 1) return 0;
  return Math.min(
    SPAN_ROWS,
    Math.max(1, Math.floor((yInLane - FIRST_BAR_TOP) / (BAR_HEIGHT + BAR_GAP)) + 1),
  );
}

/**
 * Okabe–Ito colours, darkened where the original is too light to read as a mark on white (at least
 * 3:1); the lane's place and label carry the agency as well, so colour is never alone.
 */
export const LANE_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#007A5A',
  '#B0487F',
  '#8A6100',
  '#1D2530',
  '#6A5ACD',
  '#2C7FB8',
];
export const UNATTRIBUTED_COLOUR = '#5B6470';

export function laneColour(model: TimelineModel, lane: number): string {
  return model.lanes[lane]?.agencyId === null
    ? UNATTRIBUTED_COLOUR
    : LANE_COLOURS[lane % LANE_COLOURS.length];
}

function transparent(hex: string): string {
  const value = parseInt(hex.slice(1), 16);
  return `rgba(${value >> 16},${(value >> 8) & 255},${value & 255},0)`;
}

/**
 * Marks drawn once into small bitmaps and stamped with drawImage: a software-rendered canvas (a
 * browser without a GPU) paints ten thousand stamps in a few milliseconds, where ten thousand
 * anti-aliased circles take over a hundred.
 */
const sprites = new Map<string, HTMLCanvasElement>();

function sprite(
  key: string,
  width: number,
  height: number,
  paint: (c: CanvasRenderingContext2D) => void,
) {
  let found = sprites.get(key);
  if (!found) {
    found = document.createElement('canvas');
    found.width = width;
    found.height = height;
    const context = found.getContext('2d');
    if (context) paint(context);
    sprites.set(key, found);
  }
  return found;
}

/**
 * A day mark: a filled circle, with a white outline that parts it from a neighbour it overlaps,
 * or without one where marks crowd into a solid run. Its size is a whole number of device pixels.
 */
function dotSprite(colour: string, ratio: number, outlined: boolean): HTMLCanvasElement {
  const size = 2 * Math.ceil((POINT_RADIUS + 1) * ratio);
  return sprite(`dot ${colour} ${ratio} ${outlined}`, size, size, (c) => {
    c.beginPath();
    c.arc(size / 2, size / 2, POINT_RADIUS * ratio, 0, Math.PI * 2);
    c.fillStyle = colour;
    c.fill();
    if (!outlined) return;
    c.lineWidth = ratio;
    c.strokeStyle = '#ffffff';
    c.stroke();
  });
}

/** The faded edge of an approximate date, from clear to the lane's colour (left to right). */
function fadeSprite(colour: string, rising: boolean): HTMLCanvasElement {
  return sprite(`fade ${colour} ${rising}`, 64, 1, (c) => {
    const gradient = c.createLinearGradient(0, 0, 64, 0);
    gradient.addColorStop(rising ? 0 : 1, transparent(colour));
    gradient.addColorStop(rising ? 1 : 0, colour);
    c.fillStyle = gradient;
    c.fillRect(0, 0, 64, 1);
  });
}

export interface DrawRequest {
  context: CanvasRenderingContext2D;
  model: TimelineModel;
  /** Pixels per millisecond and the pixel of time 0: the time scale as a straight line. */
  slope: number;
  intercept: number;
  width: number;
  height: number;
  /** Vertical grid lines, in pixels. */
  gridLines: number[];
  /** A selected period: events not wholly inside it (those it does not take) are drawn faint. */
  period: [number, number] | null;
  /** Device pixels per CSS pixel. */
  ratio: number;
}

const FAINT = 0.25;
/** Day marks closer than this run together: outlines would only leave white rings. */
const CROWDED_PX = 3;

/** Paints the lanes, the grid and every event's mark; what lies outside the view is skipped. */
export function drawTimeline(request: DrawRequest): void {
  const { context: ctx, model, width, height, gridLines, period } = request;
  ctx.clearRect(0, 0, width, height);
  for (let lane = 0; lane < model.lanes.length; lane += 1) {
    ctx.fillStyle = lane % 2 ? '#f3f5f8' : '#ffffff';
    ctx.fillRect(0, lane * LANE_HEIGHT, width, LANE_HEIGHT);
  }
  ctx.fillStyle = '#dde2e8';
  for (const x of gridLines) ctx.fillRect(Math.round(x), 0, 1, height);
  for (let lane = 1; lane < model.lanes.length; lane += 1) {
    ctx.fillRect(0, lane * LANE_HEIGHT, width, 1);
  }

  for (let lane = 0; lane < model.lanes.length; lane += 1) {
    const colour = laneColour(model, lane);
    const events = model.byLane[lane];
    drawBars(request, lane, colour, events);
    drawPoints(request, lane, colour, events, true);
    if (period) {
      ctx.globalAlpha = FAINT;
      drawPoints(request, lane, colour, events, false);
      ctx.globalAlpha = 1;
    }
  }
}

/** Snaps to the device pixel grid: whole-pixel edges need no blending, and repeats can be seen. */
const snap = (x: number, ratio: number) => Math.round(x * ratio) / ratio;

/** Month, year and approximate bars; a bar identical to the one before it in its row is skipped. */
function drawBars(request: DrawRequest, lane: number, colour: string, events: number[]): void {
  const { context: ctx, model, slope, intercept, width, period, ratio } = request;
  const lastStart = new Array<number>(SPAN_ROWS + 1).fill(NaN);
  const lastEnd = new Array<number>(SPAN_ROWS + 1).fill(NaN);
  const lastAlpha = new Array<number>(SPAN_ROWS + 1).fill(NaN);
  ctx.fillStyle = colour;
  for (const i of events) {
    if (model.point[i]) continue;
    const x0 = snap(model.drawStart[i] * slope + intercept, ratio);
    const x1 = snap(model.drawEnd[i] * slope + intercept, ratio);
    if (x1 < 0 || x0 > width) continue;
    const alpha =
      !period || insidePeriod(model.start[i], model.end[i], period[0], period[1]) ? 1 : FAINT;
    const row = model.row[i];
    if (lastStart[row] === x0 && lastEnd[row] === x1 && lastAlpha[row] === alpha) continue;
    lastStart[row] = x0;
    lastEnd[row] = x1;
    lastAlpha[row] = alpha;
    ctx.globalAlpha = alpha;
    const y = rowCentre(lane, row) - BAR_HEIGHT / 2;
    const w = Math.max(2, x1 - x0);
    if (model.fuzzy[i] && w > 4) {
      const core0 = snap(model.start[i] * slope + intercept, ratio);
      const core1 = Math.max(core0 + 1, snap(model.end[i] * slope + intercept, ratio));
      ctx.drawImage(fadeSprite(colour, true), x0, y, core0 - x0, BAR_HEIGHT);
      ctx.fillRect(core0, y, core1 - core0, BAR_HEIGHT);
      if (x1 > core1) ctx.drawImage(fadeSprite(colour, false), core1, y, x1 - core1, BAR_HEIGHT);
    } else {
      ctx.fillRect(x0, y, w, BAR_HEIGHT);
    }
  }
  ctx.globalAlpha = 1;
}

/**
 * The day marks of a lane, inside or outside the selected period. They come in date order, so a
 * mark on the same device pixel as the one before it would cover it exactly and is skipped.
 */
function drawPoints(
  request: DrawRequest,
  lane: number,
  colour: string,
  events: number[],
  inside: boolean,
): void {
  const { context: ctx, model, slope, intercept, width, period, ratio } = request;
  const outlined = dotSprite(colour, ratio, true);
  const solid = dotSprite(colour, ratio, false);
  const size = outlined.width / ratio;
  const y = snap(rowCentre(lane, 0), ratio) - size / 2;
  let last = NaN;
  for (const i of events) {
    if (!model.point[i]) continue;
    const x = snap(model.start[i] * slope + intercept, ratio);
    if (x === last || x < -POINT_RADIUS || x > width + POINT_RADIUS) continue;
    if (period && insidePeriod(model.start[i], model.end[i], period[0], period[1]) !== inside) {
      continue;
    }
    ctx.drawImage(x - last < CROWDED_PX ? solid : outlined, x - size / 2, y, size, size);
    last = x;
  }
}
