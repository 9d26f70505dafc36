import { FACTOR_LEVEL_LABELS, formatPartialDate } from '@scr/shared';
import { FindingEditorQuery } from '../../gql/graphql';
import { EvidenceNames } from './finding-form';

type Review = NonNullable<FindingEditorQuery['review']>;
export type ReviewEpisode = Review['episodes'][number];
export type EvidenceFactor = ReviewEpisode['factors'][number];
export interface CataloguedEvent {
  id: string;
  title: string;
  occurredOn: string;
  precision: string;
  agency?: { id: string; name: string } | null;
}

/** Everything a finding can rest on, by id, so that chosen evidence can be named and linked. */
export interface EvidenceCatalogue {
  episodes: Map<string, ReviewEpisode>;
  factors: Map<string, EvidenceFactor>;
  events: Map<string, CataloguedEvent>;
  themes: Map<string, string>;
}

export function catalogueOf(
  episodes: readonly ReviewEpisode[],
  events: readonly CataloguedEvent[],
  themes: readonly { key: string; label: string }[],
): EvidenceCatalogue {
  return {
    episodes: new Map(episodes.map((episode) => [episode.id, episode])),
    factors: new Map(
      episodes.flatMap((episode) => episode.factors.map((factor) => [factor.id, factor])),
    ),
    events: new Map(events.map((event) => [event.id, event])),
    themes: new Map(themes.map((theme) => [theme.key, theme.label])),
  };
}

export const episodeName = (episode: Pick<ReviewEpisode, 'ordinal' | 'title'>) =>
  `Episode ${episode.ordinal}: ${episode.title}`;

export const eventName = (event: CataloguedEvent) =>
  `${formatPartialDate(event.occurredOn, event.precision)}${event.agency ? `, ${event.agency.name}` : ''}: ${event.title}`;

/** The first words of a factor's description: enough to recognise it in a list. */
export function shortened(text: string, words = 18): string {
  const parts = text.split(/\s+/);
  return parts.length <= words ? text : `${parts.slice(0, words).join(' ')}…`;
}

export function namesFrom(catalogue: EvidenceCatalogue): EvidenceNames {
  const gone = 'an item no longer in the review';
  return {
    episode: (id) => {
      const episode = catalogue.episodes.get(id);
      return episode ? episodeName(episode) : `Episode: ${gone}`;
    },
    factor: (id) => {
      const factor = catalogue.factors.get(id);
      if (!factor) return `Factor: ${gone}`;
      const episode = catalogue.episodes.get(factor.episodeId);
      return `${FACTOR_LEVEL_LABELS[factor.level]}${episode ? ` (episode ${episode.ordinal})` : ''}: ${shortened(factor.description)}`;
    },
    event: (id) => {
      const event = catalogue.events.get(id);
      return event ? eventName(event) : `Event: ${gone}`;
    },
    theme: (key) => catalogue.themes.get(key) ?? key,
  };
}
