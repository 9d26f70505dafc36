/** What the event search needs of a chronology entry. */
export interface SearchableEvent {
  title: string;
  description?: string | null;
  /** First day the (possibly partial) date can mean, YYYY-MM-DD. */
  sortDate: string;
  /** Last day the date can mean, YYYY-MM-DD. */
  endDate: string;
  agency?: { id: string; name: string } | null;
}

export interface EventFilter {
  /** Words that must all appear in the title, description or agency, in any order. */
  text: string;
  /** An agency's id, or '' for every agency. */
  agencyId: string;
  /** YYYY-MM-DD or ''. */
  from: string;
  /** YYYY-MM-DD or ''. */
  to: string;
}

export const NO_EVENT_FILTER: EventFilter = { text: '', agencyId: '', from: '', to: '' };

/**
 * The events that match the filter. A partially dated event ("2022-04") matches a period it
 * overlaps, since the record cannot say it fell outside it.
 */
export function filterEvents<T extends SearchableEvent>(
  events: readonly T[],
  filter: EventFilter,
): T[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return events.filter((event) => {
    if (filter.agencyId && event.agency?.id !== filter.agencyId) return false;
    if (filter.from && event.endDate < filter.from) return false;
    if (filter.to && event.sortDate > filter.to) return false;
    if (words.length === 0) return true;
    const haystack = [event.title, event.description ?? '', event.agency?.name ?? '']
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
