import { plural } from '../../components/plural';
import type { ContactType, DatePrecision } from '../../gql/graphql';

/** One event of the chronology as the table shows it. */
export interface ChronologyRow {
  id: string;
  occurredOn: string;
  precision: DatePrecision;
  sortDate: string;
  endDate: string;
  timeOfDay?: string | null;
  title: string;
  description?: string | null;
  source?: string | null;
  /** The version read, sent back with a save so that a stale one is refused. */
  version: number;
  agency?: { id: string; name: string } | null;
  /** Records of the same occasion by other agencies. */
  linkedEvents?: { id: string; agency?: { name: string } | null }[];
  /** The people the event names, with the contact it had with each. */
  peopleContacts?: { contact: ContactType; person: { id: string } }[];
}

export type ChronologySortKey = 'date' | 'agency' | 'title' | 'source';
export type SortDirection = 'ascending' | 'descending';
export interface ChronologySort {
  key: ChronologySortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: ChronologySort = { key: 'date', direction: 'ascending' };

/** A day before a month before a year: the more exact record of a period reads first. */
const PRECISION_RANK: Record<DatePrecision, number> = {
  DAY: 0,
  MONTH: 1,
  YEAR: 2,
  APPROXIMATE: 3,
};

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

function compareDates(a: ChronologyRow, b: ChronologyRow): number {
  if (a.sortDate !== b.sortDate) return a.sortDate < b.sortDate ? -1 : 1;
  const byPrecision = PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
  if (byPrecision !== 0) return byPrecision;
  // An event without a time stands for the whole day, so it sorts at the day's start.
  const timeA = a.timeOfDay ?? '';
  const timeB = b.timeOfDay ?? '';
  return timeA === timeB ? 0 : timeA < timeB ? -1 : 1;
}

function textOf(row: ChronologyRow, key: Exclude<ChronologySortKey, 'date'>): string {
  if (key === 'agency') return row.agency?.name ?? '';
  if (key === 'title') return row.title;
  return row.source ?? '';
}

/**
 * The rows in the order asked for. Ties keep chronological order, then the order given (the
 * order the events were added), whichever the direction; rows with no agency or source go last.
 */
export function sortRows(rows: readonly ChronologyRow[], sort: ChronologySort): ChronologyRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const primary = (a: ChronologyRow, b: ChronologyRow): number => {
    if (sort.key === 'date') return sign * compareDates(a, b);
    const textA = textOf(a, sort.key).trim();
    const textB = textOf(b, sort.key).trim();
    if (!textA || !textB) return textA ? -1 : textB ? 1 : 0;
    return sign * collator.compare(textA, textB);
  };
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        primary(a.row, b.row) ||
        (sort.key === 'date' ? 0 : compareDates(a.row, b.row)) ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}

export interface ChronologyFilter {
  /** Words that must all appear in the title, description or source. */
  words: string;
  /** An agency's id, NO_AGENCY, or '' for every agency. */
  agencyId: string;
}

export const NO_AGENCY = 'none';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The rows whose words include every word typed, from the agency chosen. */
export function filterRows(
  rows: readonly ChronologyRow[],
  filter: ChronologyFilter,
): ChronologyRow[] {
  const words = fold(filter.words).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (
      filter.agencyId === NO_AGENCY
        ? row.agency
        : filter.agencyId && row.agency?.id !== filter.agencyId
    ) {
      return false;
    }
    if (words.length === 0) return true;
    const text = fold([row.title, row.description ?? '', row.source ?? ''].join('\n'));
    return words.every((word) => text.includes(word));
  });
}

/** "63 of 63 events", "1 of 1 event". */
export function countLabel(shown: number, total: number): string {
  return `${shown.toLocaleString('en-GB')} of ${plural(total, 'event')}`;
}
