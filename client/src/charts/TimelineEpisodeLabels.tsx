import { Link } from 'react-router';
import { formatPartialDate } from '@scr/shared';
import { isoDay } from './timeline-axis';
import { AXIS_HEIGHT } from './timeline-draw';
import { DAY_MS } from './timeline-model';
import { EpisodeSpan } from './timeline-render';

function episodeDates(episode: EpisodeSpan): string {
  return `${formatPartialDate(isoDay(episode.start), 'DAY')} to ${formatPartialDate(
    isoDay(episode.end - DAY_MS),
    'DAY',
  )}`;
}

/**
 * A link to each key practice episode over its band, in as many rows as overlapping episodes need
 * (see packEpisodeRows); the frames of the timeline place them, so they follow the zoom without
 * React rendering again. A name longer than its band is cut short, whole in its tooltip.
 */
export function TimelineEpisodeLabels({
  episodes,
  episodeHref,
  height,
  navRef,
}: {
  episodes: EpisodeSpan[];
  episodeHref: (episodeId: string) => string;
  height: number;
  navRef: (nav: HTMLElement | null) => void;
}) {
  return (
    <nav
      className="timeline__episodes"
      aria-label="Key practice episodes"
      ref={navRef}
      style={{ top: AXIS_HEIGHT, height }}
    >
      {episodes.map((episode) => (
        <Link
          key={episode.id}
          to={episodeHref(episode.id)}
          className="timeline__episode-label"
          // The name begins with what the label shows, however much of it the band has room for.
          aria-label={`KPE ${episode.ordinal} ${episode.title}, ${episodeDates(episode)}`}
          title={`Key practice episode ${episode.ordinal}: ${episode.title}, ${episodeDates(episode)}`}
        >
          <span className="timeline__episode-prefix">KPE </span>
          {episode.ordinal}
          <span className="timeline__episode-title"> {episode.title}</span>
        </Link>
      ))}
    </nav>
  );
}
