import { plural } from '../../components/plural';
import { UkDateInput } from '../../components/UkDateInput';
import { useId, useMemo, useState } from 'react';
import { formatPartialDate } from '@scr/shared';
import { EventSummary, EveryEvent } from '../chronology';
import { EventFilter, filterEvents, NO_EVENT_FILTER } from './finding-event-filter';

/** More than this and the list asks for a narrower search instead of drawing every row. */
const SHOWN_AT_MOST = 150;

/** Searches the chronology by words, agency and period, and ticks the events the finding rests on. */
export function FindingEventPicker({
  chronology,
  chosen,
  onChange,
}: {
  chronology: EveryEvent<EventSummary>;
  chosen: string[];
  onChange: (eventIds: string[]) => void;
}) {
  const id = useId();
  const [filter, setFilter] = useState<EventFilter>(NO_EVENT_FILTER);
  const { events, totalCount, loading, error, retry } = chronology;
  const agencies = useMemo(() => {
    const byId = new Map<string, string>();
    for (const event of events) if (event.agency) byId.set(event.agency.id, event.agency.name);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [events]);
  const matching = useMemo(() => filterEvents(events, filter), [events, filter]);
  const shown = matching.slice(0, SHOWN_AT_MOST);
  const chosenSet = new Set(chosen);
  const toggle = (eventId: string, on: boolean) =>
    onChange(on ? [...chosen, eventId] : chosen.filter((other) => other !== eventId));
  const set = (part: Partial<EventFilter>) => setFilter({ ...filter, ...part });

  return (
    <div className="finding-events">
      <div className="finding-events__filters">
        <label className="finding-field">
          <span>Words</span>
          <input
            type="search"
            value={filter.text}
            onChange={(event) => set({ text: event.target.value })}
            placeholder="e.g. DASH, strategy discussion"
          />
        </label>
        <label className="finding-field">
          <span>Agency</span>
          <select
            value={filter.agencyId}
            onChange={(event) => set({ agencyId: event.target.value })}
          >
            <option value="">Every agency</option>
            {agencies.map(([agencyId, name]) => (
              <option key={agencyId} value={agencyId}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="finding-field">
          <span>From date</span>
          <UkDateInput value={filter.from} onChange={(from) => set({ from })} />
        </label>
        <label className="finding-field">
          <span>To date</span>
          <UkDateInput value={filter.to} onChange={(to) => set({ to })} />
        </label>
      </div>
      {error && (
        <div className="notice notice--error" role="alert">
          The chronology could not be loaded: {error}{' '}
          <button type="button" className="button button--secondary button--inline" onClick={retry}>
            Try again
          </button>
        </div>
      )}
      <p className="hint" role="status" id={`${id}-count`}>
        {loading
          ? `Loading the chronology… ${totalCount ? `${events.length} of ${plural(totalCount, 'event')}` : plural(events.length, 'event')} so far`
          : `${matching.length} of ${plural(events.length, 'event')} ${matching.length === 1 ? 'matches' : 'match'} · ${chosen.length} chosen`}
        {matching.length > SHOWN_AT_MOST &&
          ` · showing the first ${SHOWN_AT_MOST}: narrow the search`}
      </p>
      <ul
        className="finding-events__list"
        aria-label="Events of the chronology"
        aria-describedby={`${id}-count`}
      >
        {shown.map((event) => (
          <li key={event.id}>
            <label className="finding-check">
              <input
                type="checkbox"
                checked={chosenSet.has(event.id)}
                onChange={(change) => toggle(event.id, change.target.checked)}
              />
              <span>
                <span className="finding-check__date">
                  {formatPartialDate(event.occurredOn, event.precision)}
                </span>{' '}
                {event.agency && (
                  <span className="finding-check__agency">{event.agency.name}: </span>
                )}
                {event.title}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
