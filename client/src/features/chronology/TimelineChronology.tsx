import { UkDateInput } from '../../components/UkDateInput';
import { useId, useMemo, useState } from 'react';
import { Timeline, TimelineEpisode } from '../../charts/Timeline';
import { isoDay } from '../../charts/timeline-axis';
import { DAY_MS, dayStart, partitionByPeriod } from '../../charts/timeline-model';
import { formatPartialDate } from '@scr/shared';
import { ChronologyEvent } from './timeline-loading';
import { TimelineEpisodeDialog } from './TimelineEpisodeDialog';
import { useEventActions } from './use-event-actions';
import './chronology-table.css';
import './timeline-chronology.css';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** How many of the selected events are listed, each with Duplicate and Delete. */
const LISTED = 200;

/**
 * The chronology as a timeline, with a period to select (by dragging along the dates or by typing
 * them) and the selected events made into a key practice episode, listed to duplicate or delete
 * one by one; and events added by hand.
 */
export function TimelineChronology({
  reviewId,
  events,
  agencies,
  episodes,
  canEdit,
  reviewPeriod,
  onChanged,
}: {
  reviewId: string;
  events: ChronologyEvent[];
  agencies: { id: string; name: string }[];
  episodes: TimelineEpisode[];
  canEdit: boolean;
  /** The period under review, marked on the timeline. */
  reviewPeriod?: { start?: string | null; end?: string | null } | null;
  /** Reads the chronology again after an event is added, deleted or brought back. */
  onChanged: () => void;
}) {
  const actions = useEventActions({ reviewId, agencies, onChanged });
  const [period, setPeriod] = useState<[number, number] | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [making, setMaking] = useState(false);
  const fromId = useId();
  const toId = useId();

  // A period dragged on the timeline shows in the date fields, whole days.
  const choosePeriod = (chosen: [number, number] | null) => {
    setPeriod(chosen);
    setFrom(chosen ? isoDay(chosen[0]) : '');
    setTo(chosen ? isoDay(Math.max(chosen[0], chosen[1] - 1)) : '');
  };

  const typed = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    if (DAY_PATTERN.test(nextFrom) && DAY_PATTERN.test(nextTo) && nextFrom <= nextTo) {
      setPeriod([dayStart(nextFrom), dayStart(nextTo) + DAY_MS]);
    }
  };

  // Events whose whole date lies in the period; those known only to a month or year reaching
  // beyond it are offered in the dialog to add by choice.
  const { inside: selected, partial } = useMemo(
    () => (period ? partitionByPeriod(events, period[0], period[1]) : { inside: [], partial: [] }),
    [events, period],
  );
  const startDate = period ? isoDay(period[0]) : '';
  const endDate = period ? isoDay(Math.max(period[0], period[1] - 1)) : '';

  return (
    <>
      {canEdit && (
        <div className="chronology-table__toolbar">
          <button type="button" className="button button--primary" onClick={actions.add}>
            Add an event
          </button>
        </div>
      )}
      {actions.elements}
      <Timeline
        items={events}
        agencies={agencies}
        episodes={episodes}
        episodeHref={(id) => `/reviews/${reviewId}/episodes/${id}`}
        period={period}
        onPeriodChange={choosePeriod}
        reviewPeriod={reviewPeriod}
      />
      <fieldset className="timeline-period">
        <legend>Select a period</legend>
        <label htmlFor={fromId}>From</label>
        <UkDateInput id={fromId} value={from} onChange={(value) => typed(value, to)} />
        <label htmlFor={toId}>To</label>
        <UkDateInput id={toId} value={to} onChange={(value) => typed(from, value)} />
        {period && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => choosePeriod(null)}
          >
            Clear the period
          </button>
        )}
        <p className="timeline-period__summary" role="status">
          {period
            ? `${selected.length.toLocaleString('en-GB')} ${
                selected.length === 1 ? 'event' : 'events'
              } selected, ${formatPartialDate(startDate, 'DAY')} to ${formatPartialDate(endDate, 'DAY')}${
                partial.length > 0
                  ? `; ${partial.length.toLocaleString('en-GB')} more only partly inside it`
                  : ''
              }`
            : 'Drag along the dates above the lanes, or give the first and last day here.'}
        </p>
        {canEdit && period && selected.length + partial.length > 0 && (
          <button type="button" className="button button--primary" onClick={() => setMaking(true)}>
            Make a key practice episode from these
          </button>
        )}
        {canEdit && period && selected.length > 0 && (
          <>
            <ul className="timeline-events" aria-label="The selected events">
              {selected.slice(0, LISTED).map((event) => (
                <li key={event.id} className="timeline-events__item">
                  <span className="timeline-events__what">
                    {formatPartialDate(event.occurredOn, event.precision)}
                    {event.agency ? `, ${event.agency.name}` : ''}: {event.title}
                  </span>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => actions.duplicate(event)}
                  >
                    Duplicate<span className="visually-hidden"> “{event.title}”</span>
                  </button>
                  {actions.deleteButton(event)}
                </li>
              ))}
            </ul>
            {selected.length > LISTED && (
              <p className="hint">
                The first {LISTED} of the {selected.length.toLocaleString('en-GB')} selected events
                are listed: select a shorter period to reach the others.
              </p>
            )}
          </>
        )}
      </fieldset>
      {making && period && (
        <TimelineEpisodeDialog
          reviewId={reviewId}
          startDate={startDate}
          endDate={endDate}
          eventIds={selected.map((event) => event.id)}
          partial={partial}
          onClose={() => setMaking(false)}
        />
      )}
    </>
  );
}
