import { useMutation, useQuery } from '@apollo/client/react';
import { TEXT_LIMITS } from '@scr/shared';
import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { messageOf } from '../../components/graphql-errors';
import type { ChronologyEventFragment } from '../../gql/graphql';
import {
  CHRONOLOGY_ADD_EVENT,
  CHRONOLOGY_EVENT_FORM_PEOPLE,
  CHRONOLOGY_EVENT_TO_COPY,
} from './event-editing.graphql';
import {
  dateReading,
  draftFromEvent,
  EMPTY_EVENT_FORM,
  EventFormDraft,
  EventFormProblem,
  inputFromEventDraft,
  isFormProblem,
} from './event-form';

/** An event the form can copy: what the chronology's pages carry of it. */
export interface CopiableEvent {
  id: string;
  occurredOn: string;
  precision: ChronologyEventFragment['precision'];
  timeOfDay?: string | null;
  title: string;
  description?: string | null;
  source?: string | null;
  agency?: { id: string } | null;
}

/**
 * Adds one event to the chronology by hand: a new one, or a copy of `copyOf` (its date, agency,
 * words, people and source) to change before adding.
 */
export function EventFormDialog({
  reviewId,
  agencies,
  copyOf,
  onClose,
  onAdded,
}: {
  reviewId: string;
  agencies: { id: string; name: string }[];
  copyOf: CopiableEvent | null;
  onClose: () => void;
  onAdded: (event: ChronologyEventFragment) => void;
}) {
  const ids = useId();
  const idOf = (field: string) => `${ids}-${field}`;
  const [draft, setDraft] = useState<EventFormDraft>(() =>
    copyOf ? draftFromEvent(copyOf) : EMPTY_EVENT_FORM,
  );
  const [problem, setProblem] = useState<EventFormProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const people = useQuery(CHRONOLOGY_EVENT_FORM_PEOPLE, { variables: { id: reviewId } });
  const copied = useQuery(CHRONOLOGY_EVENT_TO_COPY, {
    variables: { id: copyOf?.id ?? '' },
    skip: !copyOf,
  });
  const [add, { loading: adding }] = useMutation(CHRONOLOGY_ADD_EVENT);
  const peopleCopied = useRef(false);

  // The copy's people arrive after the form opens; they are ticked once, then left to the user.
  const copiedPeople = copied.data?.timelineEvent.people;
  useEffect(() => {
    if (!copiedPeople || peopleCopied.current) return;
    peopleCopied.current = true;
    setDraft((current) => ({ ...current, personIds: copiedPeople.map((person) => person.id) }));
  }, [copiedPeople]);

  useEffect(() => {
    if (problem) document.getElementById(idOf(problem.field))?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new problem moves the focus; typing must not
  }, [problem]);

  const set = <K extends keyof EventFormDraft>(field: K, value: EventFormDraft[K]) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const invalid = (field: EventFormProblem['field'], hint?: string) =>
    problem?.field === field
      ? {
          'aria-invalid': true,
          'aria-describedby': [`${ids}-problem`, hint].filter(Boolean).join(' '),
        }
      : { 'aria-describedby': hint };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = inputFromEventDraft(draft);
    if (isFormProblem(input)) {
      setProblem(input);
      return;
    }
    setProblem(null);
    setFailure(null);
    try {
      const { data } = await add({ variables: { reviewId, events: [input] } });
      const added = data?.addTimelineEvents[0];
      if (added) onAdded(added);
    } catch (caught) {
      setFailure(messageOf(caught));
    }
  };

  const reading = dateReading(draft);
  const register = people.data?.review?.people ?? [];
  return (
    <Dialog title={copyOf ? `Duplicate “${copyOf.title}”` : 'Add an event'} onClose={onClose} wide>
      <form className="form event-form" onSubmit={(event) => void submit(event)} noValidate>
        {copyOf && (
          <p className="hint">
            A new event with the same details: change what differs, then add it.
          </p>
        )}
        <div className="event-form__row">
          <div className="event-form__field">
            <label htmlFor={idOf('date')}>Date</label>
            <input
              id={idOf('date')}
              value={draft.date}
              onChange={(e) => set('date', e.target.value)}
              autoComplete="off"
              autoFocus
              {...invalid('date', `${ids}-date-hint`)}
            />
            <p className="hint" id={`${ids}-date-hint`}>
              Day/month/year, such as 03/04/2014; a month, 04/2014; or a year, 2014.
              {reading && <> Read as {reading}.</>}
            </p>
          </div>
          <fieldset className="event-form__field event-form__precision">
            <legend>How exact is the date?</legend>
            <label className="checkbox">
              <input
                type="radio"
                name={`${ids}-precision`}
                checked={draft.precision === 'AS_WRITTEN'}
                onChange={() => set('precision', 'AS_WRITTEN')}
              />
              Exact, as written
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name={`${ids}-precision`}
                checked={draft.precision === 'APPROXIMATE'}
                onChange={() => set('precision', 'APPROXIMATE')}
              />
              Approximate
            </label>
          </fieldset>
          <div className="event-form__field">
            <label htmlFor={idOf('timeOfDay')}>Time of day (optional)</label>
            <input
              id={idOf('timeOfDay')}
              type="time"
              value={draft.timeOfDay}
              onChange={(e) => set('timeOfDay', e.target.value)}
              {...invalid('timeOfDay')}
            />
          </div>
        </div>
        <label htmlFor={idOf('agencyId')}>Agency</label>
        <select
          id={idOf('agencyId')}
          value={draft.agencyId}
          onChange={(e) => set('agencyId', e.target.value)}
        >
          <option value="">No agency recorded</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
        <label htmlFor={idOf('title')}>Title</label>
        <input
          id={idOf('title')}
          value={draft.title}
          maxLength={TEXT_LIMITS.eventTitle}
          onChange={(e) => set('title', e.target.value)}
          {...invalid('title')}
        />
        <label htmlFor={idOf('description')}>Description</label>
        <textarea
          id={idOf('description')}
          value={draft.description}
          maxLength={TEXT_LIMITS.eventDescription}
          rows={4}
          onChange={(e) => set('description', e.target.value)}
        />
        <fieldset className="event-form__people">
          <legend>People involved</legend>
          {people.loading || (copyOf && copied.loading) ? (
            <p className="hint">Loading the people register…</p>
          ) : register.length === 0 ? (
            <p className="hint">The people register is empty.</p>
          ) : (
            register.map((person) => (
              <label key={person.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.personIds.includes(person.id)}
                  onChange={(e) =>
                    set(
                      'personIds',
                      e.target.checked
                        ? [...draft.personIds, person.id]
                        : draft.personIds.filter((id) => id !== person.id),
                    )
                  }
                />
                {person.pseudonym}
              </label>
            ))
          )}
        </fieldset>
        <label htmlFor={idOf('source')}>Record reference</label>
        <input
          id={idOf('source')}
          value={draft.source}
          maxLength={TEXT_LIMITS.eventSource}
          onChange={(e) => set('source', e.target.value)}
          aria-describedby={`${ids}-source-hint`}
        />
        <p className="hint" id={`${ids}-source-hint`}>
          The record or conversation it comes from, such as “Police log 2014/0412”.
        </p>
        {problem && (
          <p className="notice notice--error" id={`${ids}-problem`} role="alert">
            {problem.message}
          </p>
        )}
        {failure && (
          <p className="notice notice--error" role="alert">
            The event could not be added: {failure}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={adding}>
            {adding ? 'Adding…' : 'Add the event'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
