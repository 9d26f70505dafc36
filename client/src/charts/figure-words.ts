import { plural } from '../components/plural';

/**
 * "3 of 10 reviews, 30.0%": a count, what it is of and its percent to one decimal; "no reviews
 * to count" when it is of none (or the percent is not a number), never "NaN%".
 */
export function figureWords(count: number, denominator: number, percent: number): string {
  if (!(denominator > 0) || !Number.isFinite(percent)) return 'no reviews to count';
  return `${count.toLocaleString('en-GB')} of ${plural(denominator, 'review')}, ${percent.toFixed(1)}%`;
}

/** A percent fit to draw: 0 to 100, 0 when it is not a number. */
export function drawnPercent(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}
