import { DatePrecisionName, parsePartialDate } from './partial-date';

export interface ReadDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the timeline stores it. */
  occurredOn: string;
  precision: DatePrecisionName;
  /** `HH:MM` when the text gave a time of day. */
  time: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_NAME = `(${Object.keys(MONTHS).join('|')})\\.?`;
/** Words that make a date approximate: "c. 2013", "approx. May 2014", "early 2014". */
const APPROXIMATE =
  /^(circa|approximately|approx\.?|about|around|early|mid-|mid|late|end of|beginning of|start of|ca\.|c\.|c(?=\s))\s*/i;
const TIME = /(?:\s+|T|,\s*)(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(am|pm)?\s*$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/** Two-digit years: 00–69 are this century, 70–99 the last (records of living children). */
function fullYear(year: string): number {
  const n = Number(year);
  if (year.length === 4) return n;
  return n <= 69 ? 2000 + n : 1900 + n;
}

function checked(
  occurredOn: string,
  precision: DatePrecisionName,
  time: string | null,
): ReadDate | string {
  const parsed = parsePartialDate(occurredOn, precision);
  return typeof parsed === 'string'
    ? parsed
    : { occurredOn: parsed.value, precision: parsed.precision, time };
}

function readTime(text: string): { rest: string; time: string | null } | string {
  const match = TIME.exec(text);
  if (!match) return { rest: text, time: null };
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const meridiem = match[3]?.toLowerCase();
  if (meridiem === 'pm' && hours < 12) hours += 12;
  if (meridiem === 'am' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return `"${match[0].trim()}" is not a time of day`;
  return { rest: text.slice(0, match.index).trim(), time: `${pad(hours)}:${pad(minutes)}` };
}

/**
 * Reads a date as UK agency chronologies write it, with its precision: `03/04/2014` is 3 April;
 * `3.4.14`, `3 April 2014`, `2014-04-03` are days; `Apr 2014` a month; `2014` a year; `early
 * 2014`, `c. 2013`, `approx. May 2014` are approximate. A time of day after the date is kept.
 * Returns a sentence saying why when the text is not a date.
 */
export function readUkDate(input: string): ReadDate | string {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return 'the date is empty';
  const approximate = APPROXIMATE.exec(text);
  const body = approximate ? text.slice(approximate[0].length).trim() : text;
  const timed = readTime(body);
  if (typeof timed === 'string') return timed;
  const { rest, time } = timed;
  const precisionFor = (own: DatePrecisionName): DatePrecisionName =>
    approximate ? 'APPROXIMATE' : own;

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(rest);
  if (m) return checked(`${m[1]}-${pad(+m[2])}-${pad(+m[3])}`, precisionFor('DAY'), time);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(rest);
  if (m) return checked(`${fullYear(m[3])}-${pad(+m[2])}-${pad(+m[1])}`, precisionFor('DAY'), time);
  m = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH_NAME},? (\\d{2}|\\d{4})$`, 'i').exec(
    rest,
  );
  if (m)
    return checked(
      `${fullYear(m[3])}-${pad(MONTHS[m[2].toLowerCase()])}-${pad(+m[1])}`,
      precisionFor('DAY'),
      time,
    );
  m = new RegExp(`^${MONTH_NAME} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})$`, 'i').exec(rest);
  if (m)
    return checked(
      `${m[3]}-${pad(MONTHS[m[1].toLowerCase()])}-${pad(+m[2])}`,
      precisionFor('DAY'),
      time,
    );
  m = new RegExp(`^${MONTH_NAME}[ -](\\d{2}|\\d{4})$`, 'i').exec(rest);
  if (m)
    return checked(
      `${fullYear(m[2])}-${pad(MONTHS[m[1].toLowerCase()])}`,
      precisionFor('MONTH'),
      time,
    );
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(rest);
  if (m) return checked(`${m[2]}-${pad(+m[1])}`, precisionFor('MONTH'), time);
  m = /^(\d{4})-(\d{2})$/.exec(rest);
  if (m) return checked(`${m[1]}-${m[2]}`, precisionFor('MONTH'), time);
  m = /^(\d{4})$/.exec(rest);
  if (m) return checked(m[1], precisionFor('YEAR'), time);
  return `"${input.trim()}" is not a date this workbench can read (try 03/04/2014, 3 April 2014, April 2014 or 2014)`;
}
