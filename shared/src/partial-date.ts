export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR', 'APPROXIMATE'] as const;
export type DatePrecisionName = (typeof DATE_PRECISIONS)[number];

export interface PartialDate {
  /** As written: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  value: string;
  precision: DatePrecisionName;
  /** The first day the date can mean, `YYYY-MM-DD`: where a partial date sorts. */
  sortDate: string;
  /** The last day the date can mean, `YYYY-MM-DD`. */
  endDate: string;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The precision a date string carries by itself. */
export function granularityOf(value: string): 'DAY' | 'MONTH' | 'YEAR' | null {
  const match = PATTERN.exec(value);
  if (!match) return null;
  if (match[3] !== undefined) return 'DAY';
  if (match[2] !== undefined) return 'MONTH';
  return 'YEAR';
}

/**
 * Reads an ISO date of day, month or year granularity with its precision. The precision must fit
 * the string (`MONTH` needs `YYYY-MM`); `APPROXIMATE` fits any; without a precision the string's
 * own is taken. Returns a sentence naming the problem when the date cannot be read.
 */
export function parsePartialDate(
  value: string,
  precision?: DatePrecisionName | null,
): PartialDate | string {
  const match = PATTERN.exec(value.trim());
  if (!match) return `"${value}" is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY`;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (year < 1900 || year > 2200) return `"${value}" has an implausible year`;
  if (month !== undefined && (month < 1 || month > 12)) return `"${value}" has no month ${month}`;
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return `"${value}" is not a day of the calendar`;
  }
  const granularity = granularityOf(value.trim())!;
  const chosen = precision ?? granularity;
  if (chosen !== 'APPROXIMATE' && chosen !== granularity) {
    return `precision ${chosen} does not fit "${value}" (a ${granularity.toLowerCase()} date)`;
  }
  const firstMonth = month ?? 1;
  const lastMonth = month ?? 12;
  return {
    value: value.trim(),
    precision: chosen,
    sortDate: `${year}-${pad(firstMonth)}-${pad(day ?? 1)}`,
    endDate: `${year}-${pad(lastMonth)}-${pad(day ?? daysInMonth(year, lastMonth))}`,
  };
}

/** A full ISO day `YYYY-MM-DD` that exists in the calendar. */
export function isCalendarDay(value: string): boolean {
  const parsed = parsePartialDate(value, 'DAY');
  return typeof parsed !== 'string';
}
