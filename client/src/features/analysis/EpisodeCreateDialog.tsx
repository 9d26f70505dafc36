import { UkDateInput, focusUnreadableDate } from '../../components/UkDateInput';
import { useMutation } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { messageOf } from '../../components/graphql-errors';
import { EPISODE_LIST_CREATE } from './episodes.graphql';

/** Names a new key practice episode, with its period if known, and hands it to the editor. */
export function EpisodeCreateDialog({
  reviewId,
  onCreated,
  onCancel,
}: {
  reviewId: string;
  onCreated: (episodeId: string) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [create, { loading }] = useMutation(EPISODE_LIST_CREATE, {
    refetchQueries: ['EpisodeList'],
  });
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (focusUnreadableDate(event.currentTarget as HTMLFormElement)) return;
    if (!title.trim()) {
      setProblem('Give the episode a title: what happened, in a few words.');
      return;
    }
    setProblem(null);
    try {
      const { data } = await create({
        variables: {
          reviewId,
          input: { title: title.trim(), startDate: startDate || null, endDate: endDate || null },
        },
      });
      if (data) onCreated(data.createEpisode.id);
    } catch (caught) {
      setProblem(messageOf(caught));
    }
  };

  return (
    <Dialog title="New key practice episode" onClose={onCancel}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          aria-describedby={`${id}-title-hint`}
          required
          autoFocus
        />
        <p className="hint" id={`${id}-title-hint`}>
          The moment or period that mattered, for example “The first domestic abuse incident and the
          front-door decision”.
        </p>
        <div className="episode-period">
          <div className="episode-period__field">
            <label htmlFor={`${id}-start`}>From (optional)</label>
            <UkDateInput id={`${id}-start`} value={startDate} onChange={setStartDate} />
          </div>
          <div className="episode-period__field">
            <label htmlFor={`${id}-end`}>To (optional)</label>
            <UkDateInput id={`${id}-end`} value={endDate} onChange={setEndDate} />
          </div>
        </div>
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Creating…' : 'Create and open'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
