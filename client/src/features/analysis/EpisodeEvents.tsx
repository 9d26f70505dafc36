import { formatPartialDate } from '@scr/shared';
import { EpisodeEventSummary } from './episode-events';
import { countOf } from './episode-format';

/** The events the episode is made of, in date order; changes are saved with the episode. */
export function EpisodeEvents({
  events,
  unsaved,
  canEdit,
  onRemove,
  onAdd,
}: {
  events: readonly EpisodeEventSummary[];
  /** Events added since the last save. */
  unsaved: ReadonlySet<string>;
  canEdit: boolean;
  onRemove: (event: EpisodeEventSummary) => void;
  onAdd: () => void;
}) {
  return (
    <section className="episode-section" aria-labelledby="episode-events-heading">
      <div className="section-header episode-section__header">
        <h2 id="episode-events-heading">Events of the episode</h2>
        {canEdit && (
          <div className="section-header__actions">
            <button type="button" className="button button--secondary" onClick={onAdd}>
              Add events from the chronology
            </button>
          </div>
        )}
      </div>
      {events.length === 0 ? (
        <p className="hint">
          No events yet. Add the entries of the chronology that show what happened in this episode.
        </p>
      ) : (
        <table className="data-table episode-events">
          <caption>
            {countOf(events.length, 'event')}, in date order
            {canEdit ? '; adding or removing events is saved with the episode' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Agency</th>
              <th scope="col">Event</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">Remove from the episode</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td className="data-table__nowrap">
                  {formatPartialDate(event.occurredOn, event.precision)}
                </td>
                <td>{event.agency?.name ?? 'No agency'}</td>
                <td>
                  {event.title}
                  {unsaved.has(event.id) && (
                    <span className="episode-events__unsaved"> added, not saved yet</span>
                  )}
                </td>
                {canEdit && (
                  <td className="episode-events__remove">
                    <button
                      type="button"
                      className="button button--secondary factor__button"
                      aria-label={`Take out “${event.title}” from the episode`}
                      onClick={() => onRemove(event)}
                    >
                      Take out
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
