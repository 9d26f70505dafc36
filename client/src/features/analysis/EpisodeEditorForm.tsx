import { UkDateInput, focusUnreadableDate } from '../../components/UkDateInput';
import { PRACTICE_APPRAISALS, PRACTICE_APPRAISAL_LABELS, TEXT_LIMITS } from '@scr/shared';
import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ConflictDialog } from '../../components/ConflictDialog';
import type { EpisodeEditorQuery } from '../../gql/graphql';
import { AppraisalIcon } from './EpisodeAppraisal';
import { EpisodeEventPicker } from './EpisodeEventPicker';
import { EpisodeEvents } from './EpisodeEvents';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { EpisodeEventSummary, inDateOrder } from './episode-events';
import { draftOf, EpisodeFields } from './episode-form';
import { kpeName } from './episode-format';
import { useEpisodeSave } from './episode-save';
import { FactorsByLevel } from './FactorsByLevel';

type Episode = NonNullable<EpisodeEditorQuery['review']>['episodes'][number];

/** The editable episode: one Save for its own fields and events; factors save on their own. */
export function EpisodeEditorForm({
  reviewId,
  episode,
  position,
  themes,
  canEdit,
}: {
  reviewId: string;
  episode: Episode;
  position: number;
  themes: readonly { key: string; label: string }[];
  canEdit: boolean;
}) {
  const [known, setKnown] = useState(
    () => new Map<string, EpisodeEventSummary>(episode.events.map((event) => [event.id, event])),
  );
  const remember = (events: readonly EpisodeEventSummary[]) =>
    setKnown((current) => new Map([...current, ...events.map((e) => [e.id, e] as const)]));
  const form = useEpisodeSave({
    episodeId: episode.id,
    initial: draftOf(episode),
    initialVersion: episode.version,
    onSaved: (saved) => remember(saved.events),
  });
  const { draft, setDraft, dirty, saving, save } = form;
  const [picking, setPicking] = useState(false);
  const id = useId();
  const name = kpeName(position);

  // Ctrl+S or Cmd+S saves, wherever the focus is in the editor.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    if (!canEdit) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canEdit]);

  const set = (field: keyof EpisodeFields) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const events = inDateOrder(
    draft.eventIds.map((eventId) => known.get(eventId)).filter((e) => e !== undefined),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (focusUnreadableDate(event.currentTarget as HTMLFormElement)) return;
    save();
  };

  return (
    <div className="episode-editor">
      <p className="episode-editor__back">
        <Link to=".." relative="path">
          ← All key practice episodes
        </Link>
      </p>
      <p className="episode-card__kpe">{name}</p>
      <h2 className="episode-editor__title">{draft.title || 'Untitled episode'}</h2>

      <div className="episode-editor__columns">
        <div className="episode-editor__text" role="region" aria-label="The account of the episode">
          <form id={`${id}-form`} onSubmit={submit} noValidate aria-label={`${name}, the episode`}>
            <fieldset className="episode-editor__fields" disabled={!canEdit}>
              <legend className="visually-hidden">The episode</legend>
              <section className="episode-section" aria-labelledby={`${id}-what`}>
                <h2 id={`${id}-what`}>The episode</h2>
                <div className="form episode-form">
                  <label htmlFor={`${id}-title`}>Title</label>
                  <input
                    id={`${id}-title`}
                    value={draft.title}
                    maxLength={TEXT_LIMITS.episodeTitle}
                    onChange={(event) => set('title')(event.target.value)}
                  />
                  <div className="episode-period">
                    <div className="episode-period__field">
                      <label htmlFor={`${id}-start`}>From</label>
                      <UkDateInput
                        id={`${id}-start`}
                        value={draft.startDate}
                        onChange={(value) => set('startDate')(value)}
                      />
                    </div>
                    <div className="episode-period__field">
                      <label htmlFor={`${id}-end`}>To</label>
                      <UkDateInput
                        id={`${id}-end`}
                        value={draft.endDate}
                        onChange={(value) => set('endDate')(value)}
                      />
                    </div>
                  </div>
                  <label htmlFor={`${id}-summary`}>What happened</label>
                  <textarea
                    id={`${id}-summary`}
                    rows={5}
                    maxLength={TEXT_LIMITS.episodeSummary}
                    value={draft.summary}
                    aria-describedby={`${id}-summary-hint`}
                    onChange={(event) => set('summary')(event.target.value)}
                  />
                  <p className="hint" id={`${id}-summary-hint`}>
                    The facts of the episode, told from its events (beside this on a wide screen,
                    below on a narrow one).
                  </p>
                </div>
              </section>
            </fieldset>
          </form>

          <fieldset className="episode-editor__fields" disabled={!canEdit}>
            <legend className="visually-hidden">The view from the tunnel and the appraisal</legend>
            <section className="episode-section">
              <div className="form episode-form">
                <h2 className="episode-form__heading-label">
                  <label htmlFor={`${id}-tunnel`}>The view from the tunnel</label>
                </h2>
                <p className="hint" id={`${id}-tunnel-hint`}>
                  What it looked like from inside at the time: what the practitioner thought was
                  going on, what was known, what pressures there were.
                </p>
                <textarea
                  id={`${id}-tunnel`}
                  rows={8}
                  maxLength={TEXT_LIMITS.viewFromTheTunnel}
                  value={draft.viewFromTheTunnel}
                  aria-describedby={`${id}-tunnel-hint`}
                  onChange={(event) => set('viewFromTheTunnel')(event.target.value)}
                />
              </div>
            </section>

            <section className="episode-section" aria-labelledby={`${id}-appraisal-heading`}>
              <h2 id={`${id}-appraisal-heading`}>Appraisal of practice</h2>
              <fieldset className="episode-appraisal-choice" aria-describedby={`${id}-hindsight`}>
                <legend>Was the practice what was expected at the time?</legend>
                <p className="hint" id={`${id}-hindsight`}>
                  Judge the decision by what was known then, not by the outcome.
                </p>
                <div className="episode-appraisal-choice__options">
                  {PRACTICE_APPRAISALS.map((appraisal) => (
                    <label key={appraisal} className="episode-appraisal-choice__option">
                      <input
                        type="radio"
                        name={`${id}-appraisal`}
                        value={appraisal}
                        checked={draft.appraisal === appraisal}
                        onChange={() => setDraft((current) => ({ ...current, appraisal }))}
                      />
                      <AppraisalIcon appraisal={appraisal} />
                      {PRACTICE_APPRAISAL_LABELS[appraisal]}
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="form episode-form">
                <label htmlFor={`${id}-narrative`}>Reason for the appraisal</label>
                <p className="hint" id={`${id}-narrative-hint`}>
                  Why the practice was, or was not, what was expected at the time.
                </p>
                <textarea
                  id={`${id}-narrative`}
                  rows={6}
                  maxLength={TEXT_LIMITS.appraisalNarrative}
                  value={draft.appraisalNarrative}
                  aria-describedby={`${id}-narrative-hint`}
                  onChange={(event) => set('appraisalNarrative')(event.target.value)}
                />
              </div>
            </section>

            <section className="episode-section">
              <div className="form episode-form">
                <h2 className="episode-form__heading-label">
                  <label htmlFor={`${id}-explanation`}>
                    Explanation: why it made sense at the time
                  </label>
                </h2>
                <p className="hint" id={`${id}-explanation-hint`}>
                  The narrative of why the practice made sense to those involved, or what got in the
                  way; the contributory factors below support it.
                </p>
                <textarea
                  id={`${id}-explanation`}
                  rows={6}
                  maxLength={TEXT_LIMITS.episodeExplanation}
                  value={draft.explanation}
                  aria-describedby={`${id}-explanation-hint`}
                  onChange={(event) => set('explanation')(event.target.value)}
                />
              </div>
            </section>
          </fieldset>

          {canEdit && (
            <div className="episode-savebar" role="region" aria-label="Saving the episode">
              <p className="episode-savebar__status" role="status">
                {saving
                  ? 'Saving…'
                  : dirty
                    ? 'Unsaved changes to the episode'
                    : form.savedAt
                      ? `Saved at ${form.savedAt.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`
                      : 'No unsaved changes'}
              </p>
              {form.problem && (
                <p className="notice notice--error episode-savebar__problem" role="alert">
                  {form.problem}
                </p>
              )}
              <span className="hint episode-savebar__keys">Ctrl+S or ⌘S saves</span>
              <button
                type="submit"
                form={`${id}-form`}
                className="button button--primary"
                disabled={!dirty || saving}
              >
                {saving ? 'Saving…' : 'Save episode'}
              </button>
            </div>
          )}
        </div>
        <div
          className="episode-editor__evidence"
          role="region"
          aria-label="The evidence: events and contributory factors"
        >
          <EpisodeEvents
            events={events}
            unsaved={
              new Set(draft.eventIds.filter((eventId) => !form.savedEventIds.includes(eventId)))
            }
            canEdit={canEdit}
            onAdd={() => setPicking(true)}
            onRemove={(removed) =>
              setDraft((current) => ({
                ...current,
                eventIds: current.eventIds.filter((eventId) => eventId !== removed.id),
              }))
            }
          />
          <FactorsByLevel
            episodeId={episode.id}
            factors={episode.factors}
            themes={themes}
            canEdit={canEdit}
          />
        </div>
      </div>

      {picking && (
        <EpisodeEventPicker
          reviewId={reviewId}
          startDate={draft.startDate}
          endDate={draft.endDate}
          alreadyIn={new Set(draft.eventIds)}
          onClose={() => setPicking(false)}
          onAdd={(added) => {
            remember(added);
            setDraft((current) => ({
              ...current,
              eventIds: [...current.eventIds, ...added.map((event) => event.id)],
            }));
            setPicking(false);
          }}
        />
      )}
      {form.conflict && (
        <ConflictDialog
          what="episode"
          fields={form.conflict.fields}
          onResolve={form.resolve}
          onCancel={form.cancelConflict}
        />
      )}
      <UnsavedChangesGuard when={canEdit && dirty} what="this episode" />
    </div>
  );
}
