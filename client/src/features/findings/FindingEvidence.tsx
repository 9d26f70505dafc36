import { FACTOR_LEVEL_LABELS, FACTOR_LEVELS, PRACTICE_APPRAISAL_LABELS } from '@scr/shared';
import { Link } from 'react-router';
import { FindingEventPicker } from './FindingEventPicker';
import { EvidenceEvents } from './finding-events';
import {
  EvidenceCatalogue,
  episodeName,
  eventName,
  ReviewEpisode,
  shortened,
} from './finding-catalogue';
import { FindingForm } from './finding-form';

type Evidence = Pick<FindingForm, 'episodeIds' | 'factorIds' | 'eventIds'>;

const toggled = (ids: string[], id: string, on: boolean) =>
  on ? [...ids, id] : ids.filter((other) => other !== id);

/** What the finding rests on: the chosen episodes, factors and events, and the pickers to change them. */
export function FindingEvidence({
  evidence,
  onChange,
  episodes,
  catalogue,
  chronology,
}: {
  evidence: Evidence;
  onChange: (evidence: Partial<Evidence>) => void;
  episodes: readonly ReviewEpisode[];
  catalogue: EvidenceCatalogue;
  chronology: EvidenceEvents;
}) {
  const { episodeIds, factorIds, eventIds } = evidence;
  const none = episodeIds.length + factorIds.length + eventIds.length === 0;
  const factorCount = episodes.reduce((sum, episode) => sum + episode.factors.length, 0);

  return (
    <div className="finding-evidence">
      <h4>The evidence it rests on</h4>
      {none && (
        <p className="notice notice--warning">
          <span aria-hidden="true">! </span>
          This finding rests on no evidence yet. Choose the episodes, factors or events behind it
          below.
        </p>
      )}
      <div className="finding-evidence__chosen">
        <ChosenGroup title="Episodes" empty="No episodes chosen.">
          {episodeIds.map((id) => {
            const episode = catalogue.episodes.get(id);
            return (
              <li key={id}>
                {episode ? (
                  <Link to={`../episodes/${id}`}>{episodeName(episode)}</Link>
                ) : (
                  'An episode no longer in the review'
                )}
                <RemoveButton
                  what={episode ? `episode ${episode.ordinal}` : 'the missing episode'}
                  onClick={() => onChange({ episodeIds: toggled(episodeIds, id, false) })}
                />
              </li>
            );
          })}
        </ChosenGroup>
        <ChosenGroup title="Contributory factors" empty="No factors chosen.">
          {factorIds.map((id) => {
            const factor = catalogue.factors.get(id);
            const episode = factor && catalogue.episodes.get(factor.episodeId);
            return (
              <li key={id}>
                {factor ? (
                  <>
                    <span className="finding-level-tag">{FACTOR_LEVEL_LABELS[factor.level]}</span>{' '}
                    {shortened(factor.description)}{' '}
                    {episode && (
                      <Link to={`../episodes/${episode.id}`}>(episode {episode.ordinal})</Link>
                    )}
                  </>
                ) : (
                  'A factor no longer in the review'
                )}
                <RemoveButton
                  what={
                    factor
                      ? `the factor “${shortened(factor.description, 8)}”`
                      : 'the missing factor'
                  }
                  onClick={() => onChange({ factorIds: toggled(factorIds, id, false) })}
                />
              </li>
            );
          })}
        </ChosenGroup>
        <ChosenGroup
          title="Events"
          empty="No events chosen."
          extra={<Link to="../chronology">Open the chronology</Link>}
        >
          {eventIds.map((id) => {
            const event = catalogue.events.get(id);
            return (
              <li key={id}>
                {event ? eventName(event) : 'An event no longer in the chronology'}
                <RemoveButton
                  what={event ? `the event “${event.title}”` : 'the missing event'}
                  onClick={() => onChange({ eventIds: toggled(eventIds, id, false) })}
                />
              </li>
            );
          })}
        </ChosenGroup>
      </div>

      <details className="finding-picker">
        <summary>
          Choose episodes ({episodeIds.length} of {episodes.length} chosen)
        </summary>
        {episodes.length === 0 ? (
          <p className="hint">The review has no key practice episodes yet.</p>
        ) : (
          <fieldset className="finding-picker__group">
            <legend className="visually-hidden">Episodes the finding rests on</legend>
            {episodes.map((episode) => (
              <label key={episode.id} className="finding-check">
                <input
                  type="checkbox"
                  checked={episodeIds.includes(episode.id)}
                  onChange={(change) =>
                    onChange({ episodeIds: toggled(episodeIds, episode.id, change.target.checked) })
                  }
                />
                <span>
                  {episodeName(episode)}{' '}
                  <span className="finding-check__aside">
                    ({PRACTICE_APPRAISAL_LABELS[episode.appraisal].toLowerCase()})
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
      </details>

      <details className="finding-picker">
        <summary>
          Choose contributory factors ({factorIds.length} of {factorCount} chosen)
        </summary>
        {factorCount === 0 && (
          <p className="hint">No contributory factors have been recorded on the episodes yet.</p>
        )}
        {episodes
          .filter((episode) => episode.factors.length > 0)
          .map((episode) => (
            <fieldset key={episode.id} className="finding-picker__group">
              <legend>{episodeName(episode)}</legend>
              {FACTOR_LEVELS.map((level) => {
                const atLevel = episode.factors.filter((factor) => factor.level === level);
                if (atLevel.length === 0) return null;
                return (
                  <div key={level} className="finding-picker__level">
                    <p className="finding-picker__level-name">{FACTOR_LEVEL_LABELS[level]}</p>
                    {atLevel.map((factor) => (
                      <label key={factor.id} className="finding-check">
                        <input
                          type="checkbox"
                          checked={factorIds.includes(factor.id)}
                          onChange={(change) =>
                            onChange({
                              factorIds: toggled(factorIds, factor.id, change.target.checked),
                            })
                          }
                        />
                        <span>{factor.description}</span>
                      </label>
                    ))}
                  </div>
                );
              })}
            </fieldset>
          ))}
      </details>

      <details className="finding-picker">
        <summary>Search the chronology for events ({eventIds.length} chosen)</summary>
        <FindingEventPicker
          chronology={chronology}
          chosen={eventIds}
          onChange={(ids) => onChange({ eventIds: ids })}
        />
      </details>
    </div>
  );
}

function ChosenGroup({
  title,
  empty,
  extra,
  children,
}: {
  title: string;
  empty: string;
  extra?: React.ReactNode;
  children: React.ReactNode[];
}) {
  return (
    <div className="finding-evidence__group">
      <h5>
        {title} ({children.length}) {extra}
      </h5>
      {children.length === 0 ? <p className="hint">{empty}</p> : <ul>{children}</ul>}
    </div>
  );
}

function RemoveButton({ what, onClick }: { what: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="finding-evidence__remove"
      aria-label={`Take out ${what}`}
      onClick={onClick}
    >
      Take out
    </button>
  );
}
