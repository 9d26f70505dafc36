const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];

/** A timeline date as a reader expects it: "3 Apr 2014", "Apr 2014", "2014", "c. Apr 2014". */
export function formatPartialDate(occurredOn: string, precision: string): string {
  const [year, month, day] = occurredOn.split('-');
  const parts = [day ? String(Number(day)) : null, month ? MONTHS[Number(month) - 1] : null, year]
    .filter(Boolean)
    .join(' ');
  return precision === 'APPROXIMATE' ? `c. ${parts}` : parts;
}

/** A date precision in a word, for a tooltip or a table: "approximate". */
export const PRECISION_LABELS: Record<string, string> = {
  DAY: 'day',
  MONTH: 'month',
  YEAR: 'year',
  APPROXIMATE: 'approximate',
};
