import { useMutation } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { eventDate } from '../../charts/TimelineDetail';
import { TimelineItem, UNATTRIBUTED } from '../../charts/timeline-model';
import { useNavigate } from 'react-router';
import { Dialog } from '../../components/Dialog';
import { messageOf } from '../../components/graphql-errors';
import { CHRONOLOGY_CREATE_EPISODE } from './chronology.graphql';
import { formatPartialDate } from '@scr/shared';

/**
 * Asks for a title, makes a key practice episode of the selected events, and opens it. Events whose
 * date only partly lies in the period (known to the month or year) are listed to add by choice.
 */
export function TimelineEpisodeDialog({
  reviewId,
  startDate,
  endDate,
  eventIds,
  partial = [],
  onClose,
}: {
  reviewId: string;
  startDate: string;
  endDate: string;
  eventIds: string[];
  /** Events whose date reaches into the period but also beyond it. */
  partial?: TimelineItem[];
  onClose: () => void;
}) {
  const titleId = useId();
  const [title, setTitle] = useState('');
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const chosen = [...eventIds, ...partial.filter((e) => added.has(e.id)).map((e) => e.id)];
  const toggle = (id: string, on: boolean) =>
    setAdded((was) => {
      const next = new Set(was);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const navigate = useNavigate();
  const [create, { loading, error }] = useMutation(CHRONOLOGY_CREATE_EPISODE, {
    update(cache, { data }) {
      const created = data?.createEpisode;
      if (!created) return;
      cache.modify({
        id: cache.identify({ __typename: 'Review', id: reviewId }),
        fields: {
          episodes: (existing, { toReference }) => [
            ...(existing as unknown[]),
            toReference({ __typename: 'PracticeEpisode', id: created.id }),
          ],
        },
      });
    },
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await create({
        variables: {
          reviewId,
          input: { title: title.trim(), startDate, endDate, eventIds: chosen },
        },
      });
      const id = result.data?.createEpisode.id;
      if (id) navigate(`/reviews/${reviewId}/episodes/${id}`);
    } catch {
      // The error is shown in the dialog; the title stays as typed.
    }
  };
  return (
    <Dialog title="Make a key practice episode" onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <p>
          {chosen.length.toLocaleString('en-GB')} {chosen.length === 1 ? 'event' : 'events'},{' '}
          {formatPartialDate(startDate, 'DAY')} to {formatPartialDate(endDate, 'DAY')}.
        </p>
        {partial.length > 0 && (
          <fieldset>
            <legend>Dated only in part to this period</legend>
            <p className="hint">
              These events are known only to the month or year, or roughly, and that time reaches
              beyond the period. Tick those that belong to the episode.
            </p>
            {partial.map((event) => (
              <label key={event.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={added.has(event.id)}
                  onChange={(change) => toggle(event.id, change.target.checked)}
                />{' '}
                {eventDate(event)}, {event.agency?.name ?? UNATTRIBUTED}: {event.title}
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor={titleId}>Title of the episode</label>
        <input
          id={titleId}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          required
          autoFocus
        />
        <p className="hint">
          Name the episode by what happened, for instance “The first domestic abuse incident and the
          front-door decision”.
        </p>
        {error && (
          <p className="notice notice--error" role="alert">
            {messageOf(error)}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={loading || title.trim() === ''}
          >
            {loading ? 'Making the episode…' : 'Make the episode'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
