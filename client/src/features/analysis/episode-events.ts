/** An event of the chronology as the episode editor lists it. */
export interface EpisodeEventSummary {
  id: string;
  occurredOn: string;
  precision: string;
  sortDate: string;
  endDate?: string;
  title: string;
  description?: string | null;
  agency?: { name: string } | null;
}

/** Whether the event can fall in the period: a partial date ("Apr 2022") counts if it overlaps. */
export function withinPeriod(
  event: Pick<EpisodeEventSummary, 'sortDate' | 'endDate'>,
  startDate: string,
  endDate: string,
): boolean {
  const last = event.endDate ?? event.sortDate;
  return (!startDate || last >= startDate) && (!endDate || event.sortDate <= endDate);
}

/** Whether every word of the search appears in the event's title, agency or description. */
export function matchesSearch(event: EpisodeEventSummary, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [event.title, event.agency?.name, event.description]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

/** Events in chronology order, the same day by title. */
export function inDateOrder<E extends Pick<EpisodeEventSummary, 'sortDate' | 'title'>>(
  events: readonly E[],
): E[] {
  return [...events].sort(
    (a, b) => a.sortDate.localeCompare(b.sortDate) || a.title.localeCompare(b.title),
  );
}
