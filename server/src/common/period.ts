import { badInput } from './app-error';

/** Refuses a period whose end comes before its start, naming the end's field. */
export function checkPeriod(
  start: string | null | undefined,
  end: string | null | undefined,
  names = ['periodStart', 'periodEnd'],
): void {
  if (start && end && end < start) {
    throw badInput(`${names[1]} (${end}) must not be before ${names[0]} (${start}).`, {
      field: names[1],
      value: end,
    });
  }
}
