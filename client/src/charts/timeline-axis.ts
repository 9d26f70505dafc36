import { ScaleTime } from 'd3-scale';
import { utcDay, utcMonth, utcYear } from 'd3-time';
import { utcFormat } from 'd3-time-format';

const yearFormat = utcFormat('%Y');
const monthFormat = utcFormat('%b');
const monthOfYearFormat = utcFormat('%b %Y');
const dayFormat = utcFormat('%-d %b');
const dayOfYearFormat = utcFormat('%-d %b %Y');

const DAY_MS = 86_400_000;
/** The narrowest span the whole view shows, so that one event still has days either side. */
export const NARROWEST_DOMAIN_MS = 14 * DAY_MS;

const isStartOf = (interval: typeof utcDay, date: Date) =>
  interval.floor(date).getTime() === date.getTime();

/**
 * Labels for a row of ticks, each telling its year or following one that does: the first tick and
 * the first of each new year carry it ("3 Jun 2023", "Jan 2024" or "2024"); days are shown as days
 * whenever any tick falls within a month, so a year's first day reads "1 Jan 2024", not "2024".
 */
export function tickLabels(ticks: Date[]): string[] {
  const byDay = ticks.some((tick) => !isStartOf(utcMonth, tick));
  return ticks.map((tick, i) => {
    const newYear = i === 0 || ticks[i - 1].getUTCFullYear() !== tick.getUTCFullYear();
    if (byDay) return newYear ? dayOfYearFormat(tick) : dayFormat(tick);
    if (isStartOf(utcYear, tick)) return yearFormat(tick);
    return newYear ? monthOfYearFormat(tick) : monthFormat(tick);
  });
}

/**
 * The ticks of a view and their labels: whole days at the finest (a day's hours would repeat its
 * label), never two alike side by side.
 */
export function axisTicks(
  x: ScaleTime<number, number>,
  count: number,
): { ticks: Date[]; labels: string[] } {
  let ticks = x.ticks(count).filter((tick) => isStartOf(utcDay, tick));
  if (ticks.length < 2) {
    const [from, to] = x.domain();
    const days = utcDay.range(utcDay.ceil(from), to);
    const every = Math.max(1, Math.ceil(days.length / Math.max(1, count)));
    ticks = days.filter((_, i) => i % every === 0);
  }
  const labels = tickLabels(ticks);
  // "Apr" comes back each year, after the year's own tick; a label is never its neighbour's.
  const kept = ticks.map((_, i) => i).filter((i) => i === 0 || labels[i] !== labels[i - 1]);
  return { ticks: kept.map((i) => ticks[i]), labels: kept.map((i) => labels[i]) };
}

/**
 * The dates the whole view covers: everything drawn and the period under review, with a margin,
 * and at least a fortnight wide.
 */
export function timelineDomain(
  extent: [number, number],
  reviewPeriod: [number, number] | null,
): [number, number] {
  let from = reviewPeriod ? Math.min(extent[0], reviewPeriod[0]) : extent[0];
  let to = reviewPeriod ? Math.max(extent[1], reviewPeriod[1]) : extent[1];
  const pad = (to - from) * 0.02 + DAY_MS;
  from -= pad;
  to += pad;
  if (to - from < NARROWEST_DOMAIN_MS) {
    const middle = (from + to) / 2;
    from = middle - NARROWEST_DOMAIN_MS / 2;
    to = middle + NARROWEST_DOMAIN_MS / 2;
  }
  return [from, to];
}

/** `YYYY-MM-DD` of a moment, UTC: the value of a date input. */
export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
