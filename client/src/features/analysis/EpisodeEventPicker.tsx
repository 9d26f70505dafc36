import { plural } from '../../components/plural';
import { useId, useMemo, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useEventSummaries } from '../chronology';
import { formatPartialDate } from '@scr/shared';
import { formatEpisodePeriod } from './episode-format';
import { EpisodeEventSummary, inDateOrder, matchesSearch, withinPeriod } from './episode-events';

/** Enough rows to scan; a longer list is narrowed by the search rather than scrolled. */
const SHOWN_AT_MOST = 200;

type Loading =
  | { state: 'loading'; loaded: number; total: number | null }
  | { state: 'loaded'; events: EpisodeEventSummary[] }
  | { state: 'failed'; message: string };

/** Picks events of the review's chronology to add to the episode. */
export function EpisodeEventPicker({
  reviewId,
  startDate,
  endDate,
  alreadyIn,
  onAdd,
  onClose,
}: {
  reviewId: string;
  startDate: string;
  endDate: string;
  alreadyIn: ReadonlySet<string>;
  onAdd: (events: EpisodeEventSummary[]) => void;
  onClose: () => void;
}) {
  const chronology = useEventSummaries(reviewId);
  const [search, setSearch] = useState('');
  const hasPeriod = Boolean(startDate || endDate);
  const [onlyInPeriod, setOnlyInPeriod] = useState(hasPeriod);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const id = useId();

  const { events, totalCount, loading: more, error } = chronology;
  const loading = useMemo<Loading>(
    () =>
      error
        ? { state: 'failed', message: error }
        : more
          ? { state: 'loading', loaded: events.length, total: totalCount }
          : { state: 'loaded', events: inDateOrder(events) },
    [events, totalCount, more, error],
  );

  const matching = useMemo(
    () =>
      loading.state === 'loaded'
        ? loading.events.filter(
            (event) =>
              (!onlyInPeriod || withinPeriod(event, startDate, endDate)) &&
              matchesSearch(event, search),
          )
        : [],
    [loading, onlyInPeriod, startDate, endDate, search],
  );
  const addable = matching.filter((event) => !alreadyIn.has(event.id));
  const shown = matching.slice(0, SHOWN_AT_MOST);
  const toggle = (eventId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(eventId);
    else next.delete(eventId);
    setSelected(next);
  };
  const add = () => {
    if (loading.state !== 'loaded') return;
    onAdd(loading.events.filter((event) => selected.has(event.id)));
  };

  return (
    <Dialog title="Add events from the chronology" onClose={onClose} wide>
      <div className="event-picker__filters">
        <div className="event-picker__search">
          <label htmlFor={`${id}-search`}>Search the chronology</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            aria-describedby={`${id}-search-hint`}
          />
          <span className="hint" id={`${id}-search-hint`}>
            Words of the title, the agency or the record.
          </span>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyInPeriod}
            disabled={!hasPeriod}
            onChange={(event) => setOnlyInPeriod(event.target.checked)}
          />
          {hasPeriod
            ? `Only the episode’s period (${formatEpisodePeriod(startDate, endDate)})`
            : 'Only the episode’s period (set its dates to use this)'}
        </label>
      </div>

      {loading.state === 'loading' && (
        <p role="status">
          Loading the chronology…
          {loading.total !== null && ` ${loading.loaded} of ${plural(loading.total, 'event')}`}
        </p>
      )}
      {loading.state === 'failed' && (
        <div className="notice notice--error" role="alert">
          The chronology could not be loaded: {loading.message}{' '}
          <button type="button" className="button button--inline" onClick={chronology.retry}>
            Try again
          </button>
        </div>
      )}
      {loading.state === 'loaded' && (
        <>
          <p className="event-picker__count" role="status">
            {matching.length === 0
              ? 'No events match.'
              : `${matching.length} ${matching.length === 1 ? 'event matches' : 'events match'}, ${addable.length} not yet in the episode` +
                (matching.length > SHOWN_AT_MOST
                  ? `; the first ${SHOWN_AT_MOST} are shown, narrow the search to see others`
                  : '')}
            .
          </p>
          {shown.length > 0 && (
            <fieldset className="event-picker__list">
              <legend className="visually-hidden">Events to add</legend>
              {shown.map((event) => {
                const inEpisode = alreadyIn.has(event.id);
                return (
                  <label key={event.id} className="event-picker__row">
                    <input
                      type="checkbox"
                      checked={inEpisode || selected.has(event.id)}
                      disabled={inEpisode}
                      onChange={(change) => toggle(event.id, change.target.checked)}
                    />
                    <span className="event-picker__date">
                      {formatPartialDate(event.occurredOn, event.precision)}
                    </span>
                    <span className="event-picker__agency">
                      {event.agency?.name ?? 'No agency'}
                    </span>
                    <span className="event-picker__title">
                      {event.title}
                      {inEpisode && <span className="hint"> (already in the episode)</span>}
                    </span>
                  </label>
                );
              })}
            </fieldset>
          )}
        </>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={selected.size === 0}
          onClick={add}
        >
          {selected.size === 0
            ? 'Add events'
            : `Add ${selected.size} ${selected.size === 1 ? 'event' : 'events'}`}
        </button>
      </div>
    </Dialog>
  );
}
