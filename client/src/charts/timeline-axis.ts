import { utcMonth, utcYear } from 'd3-time';
import { utcFormat } from 'd3-time-format';

const yearFormat = utcFormat('%Y');
const monthFormat = utcFormat('%b');
const monthOfYearFormat = utcFormat('%b %Y');
const dayFormat = utcFormat('%-d %b');

/** Tick labels as British readers write dates: "2022", "Apr", "Jan 2023" at a year's turn, "3 Apr". */
export function formatTick(date: Date, index: number): string {
  const time = date.getTime();
  if (utcYear.floor(date).getTime() === time) return yearFormat(date);
  if (utcMonth.floor(date).getTime() === time) {
    return index === 0 ? monthOfYearFormat(date) : monthFormat(date);
  }
  return dayFormat(date);
}

/** `YYYY-MM-DD` of a moment, UTC: the value of a date input. */
export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
