import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { useConfirmRemoval } from '../../components/use-confirm-removal';
import { EmptyState } from '../../components/EmptyState';
import { messageOf } from '../../components/graphql-errors';
import { useReview } from '../../app/review-context';
import { downloadWithToken } from '../chronology';
import { EpisodeAppraisal } from './EpisodeAppraisal';
import { EpisodeCreateDialog } from './EpisodeCreateDialog';
import { countOf, episodeGaps, formatEpisodePeriod, kpeName } from './episode-format';
import { moveEpisode } from './episode-order';
import { EPISODE_LIST, EPISODE_LIST_REMOVE, EPISODE_LIST_REORDER } from './episodes.graphql';
import './episodes.css';

/** The review's key practice episodes in the order the report tells them. */
export function EpisodesPage() {
  const { review, canEdit } = useReview();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(EPISODE_LIST, {
    variables: { id: review.id },
  });
  const [reorder] = useMutation(EPISODE_LIST_REORDER);
  const removalOf = useConfirmRemoval(EPISODE_LIST_REMOVE, {
    consequencesOf: (removed) => removed.removeEpisode.consequences,
    refetchQueries: ['EpisodeList'],
    awaitRefetchQueries: true,
    update: (cache, _result, { variables }) => {
      cache.evict({ id: cache.identify({ __typename: 'PracticeEpisode', id: variables?.id }) });
      cache.gc();
    },
  });
  const [creating, setCreating] = useState(false);
  const [reorderProblem, setReorderProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());

  if (loading && !data) return <p role="status">Loading the key practice episodes…</p>;
  if (error || !data?.review) {
    return (
      <div className="notice notice--error" role="alert">
        The key practice episodes could not be loaded:{' '}
        {error ? messageOf(error) : 'the review is no longer there.'}{' '}
        <button type="button" className="button button--inline" onClick={() => void refetch()}>
          Try again
        </button>
      </div>
    );
  }
  // The cache holds each episode's ordinal: sorting by it shows a move at once and its undo on error.
  const episodes = [...data.review.episodes].sort((a, b) => a.ordinal - b.ordinal);

  const move = async (episodeId: string, offset: -1 | 1) => {
    const ids = moveEpisode(
      episodes.map((episode) => episode.id),
      episodeId,
      offset,
    );
    const moved = episodes.find((episode) => episode.id === episodeId);
    const position = ids.indexOf(episodeId) + 1;
    setReorderProblem(null);
    setAnnouncement(`“${moved?.title}” moved to position ${position} of ${ids.length}.`);
    // Keep focus on a move button of the episode that moved, even at the top or bottom.
    requestAnimationFrame(() => {
      const buttons = moveButtons.current;
      const same = buttons.get(`${episodeId}:${offset}`);
      const other = buttons.get(`${episodeId}:${-offset}`);
      (same && !same.disabled ? same : other)?.focus();
    });
    try {
      await reorder({
        variables: { reviewId: review.id, episodeIds: ids },
        optimisticResponse: {
          reorderEpisodes: ids.map((id, index) => ({
            __typename: 'PracticeEpisode' as const,
            id,
            ordinal: index + 1,
          })),
        },
      });
    } catch (caught) {
      setAnnouncement('');
      setReorderProblem(
        `The episodes were not reordered, so they keep their order: ${messageOf(caught)}`,
      );
    }
  };

  const downloadTable = async () => {
    setDownloadProblem(null);
    try {
      await downloadWithToken(
        `/api/reviews/${review.id}/kpe-table.csv`,
        'key-practice-episodes.csv',
      );
    } catch (caught) {
      setDownloadProblem((caught as Error).message);
    }
  };

  return (
    <>
      <div className="section-header">
        <h2>Key practice episodes</h2>
        {episodes.length > 0 && (
          <div className="section-header__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void downloadTable()}
            >
              Download the KPE table (CSV)
            </button>
            {canEdit && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => setCreating(true)}
              >
                New episode
              </button>
            )}
          </div>
        )}
      </div>
      {downloadProblem && (
        <p className="notice notice--error" role="alert">
          {downloadProblem}
        </p>
      )}
      {reorderProblem && (
        <p className="notice notice--error" role="alert">
          {reorderProblem}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {episodes.length === 0 ? (
        <EmptyState title="No key practice episodes yet">
          <p>
            A key practice episode (KPE) is a moment or a period that mattered for how the case
            developed: a single action or a stretch of work, showing good or problematic practice.
            For each one the review records what happened, the view from the tunnel — what it looked
            like to the practitioners at the time — an appraisal of the practice, and the
            contributory factors that made it more or less likely.
          </p>
          <p>
            Start one here, or brush a period on the <Link to="../chronology">Chronology</Link> tab
            to make an episode from the events in it.
          </p>
          {canEdit && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setCreating(true)}
            >
              New episode
            </button>
          )}
        </EmptyState>
      ) : (
        <ol className="episode-list" aria-label="Key practice episodes, in order">
          {episodes.map((episode, index) => {
            const name = kpeName(index + 1);
            const period = formatEpisodePeriod(episode.startDate, episode.endDate);
            const gaps = episodeGaps(episode);
            return (
              <li key={episode.id} className="episode-card">
                <div className="episode-card__main">
                  <p className="episode-card__kpe">{name}</p>
                  <h3 className="episode-card__title">
                    <Link to={episode.id}>{episode.title}</Link>
                  </h3>
                  <p className="episode-card__meta">
                    <span>{period || 'No period set'}</span>
                    <EpisodeAppraisal appraisal={episode.appraisal} />
                    <span>
                      {countOf(episode.events.length, 'event')} ·{' '}
                      {countOf(episode.factors.length, 'factor')}
                    </span>
                  </p>
                  {gaps.length > 0 && (
                    <p className="episode-card__gaps">
                      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                        <path d="M8 1l7 7-7 7-7-7z" />
                        <path d="M8 4.5v4.2M8 10.6v1.1" className="episode-card__gaps-mark" />
                      </svg>
                      To complete: {gaps.join('; ')}
                    </p>
                  )}
                </div>
                {canEdit && (
                  <div
                    className="episode-card__actions"
                    aria-label={`${name} actions`}
                    role="group"
                  >
                    {([-1, 1] as const).map((offset) => {
                      const disabled = offset === -1 ? index === 0 : index === episodes.length - 1;
                      return (
                        <button
                          key={offset}
                          type="button"
                          className="button button--secondary episode-card__move"
                          aria-label={`Move ${name}, ${episode.title}, ${offset === -1 ? 'up' : 'down'}`}
                          disabled={disabled}
                          ref={(element) => {
                            const key = `${episode.id}:${offset}`;
                            if (element) moveButtons.current.set(key, element);
                            else moveButtons.current.delete(key);
                          }}
                          onClick={() => void move(episode.id, offset)}
                        >
                          {offset === -1 ? '↑ Up' : '↓ Down'}
                        </button>
                      );
                    })}
                    <ConfirmRemoval
                      what={`${name}, “${episode.title}”`}
                      {...removalOf({ id: episode.id })}
                      onRemoved={() => setAnnouncement(`${name}, “${episode.title}”, removed.`)}
                      className="button button--secondary episode-card__remove"
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {creating && (
        <EpisodeCreateDialog
          reviewId={review.id}
          onCancel={() => setCreating(false)}
          onCreated={(episodeId) => void navigate(episodeId)}
        />
      )}
    </>
  );
}
