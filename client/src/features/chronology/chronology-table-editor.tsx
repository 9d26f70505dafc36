import { useEffect } from 'react';
import { CONTACT_TYPE_LABELS, CONTACT_TYPES, TEXT_LIMITS } from '@scr/shared';
import type { ContactType } from '../../gql/graphql';
import type { ChronologyDraft } from './chronology-table-edit';

export type DraftField = keyof Omit<ChronologyDraft, 'approximate' | 'personContacts'>;

/** A person of the register, as the event editor offers them. */
export interface EditorPerson {
  id: string;
  pseudonym: string;
  isSubjectChild: boolean;
}

interface EditorProps {
  rowId: string;
  draft: ChronologyDraft;
  agencies: { id: string; name: string }[];
  /** The people register: each may be named with the contact the event had with them. */
  people?: EditorPerson[];
  /** Why the last save failed; `field` is the input to correct, when it is one input. */
  error: { field: DraftField | null; message: string } | null;
  saving: boolean;
  /** Which input takes the focus when the editor opens. */
  firstField: DraftField;
  onChange: (draft: ChronologyDraft) => void;
  onSave: () => void;
  onCancel: () => void;
}

/** The cells of a row being edited: inputs in the columns' places, then Save and Cancel. */
export function ChronologyRowEditor({
  rowId,
  draft,
  agencies,
  people = [],
  error,
  saving,
  firstField,
  onChange,
  onSave,
  onCancel,
}: EditorProps) {
  const errorId = `${rowId}-edit-error`;
  const hintId = `${rowId}-edit-hint`;
  const idOf = (field: string) => `${rowId}-edit-${field}`;
  const set = <K extends keyof ChronologyDraft>(field: K, value: ChronologyDraft[K]) =>
    onChange({ ...draft, [field]: value });

  useEffect(() => {
    const input = document.getElementById(idOf(firstField));
    input?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the editor opens: later renders must not pull the focus back
  }, []);

  const invalid = (field: DraftField) =>
    error?.field === field
      ? { 'aria-invalid': true, 'aria-describedby': `${errorId} ${hintId}` }
      : { 'aria-describedby': hintId };

  // A problem with one input takes the focus there, so it can be put right at once.
  useEffect(() => {
    if (error?.field) document.getElementById(idOf(error.field))?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new problem moves the focus; typing in the draft must not
  }, [error]);

  return (
    <>
      <div role="cell" className="chronology-table__cell chronology-table__edit-cell">
        <label htmlFor={idOf('occurredOn')}>Date</label>
        <input
          id={idOf('occurredOn')}
          value={draft.occurredOn}
          onChange={(e) => set('occurredOn', e.target.value)}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          autoComplete="off"
          {...invalid('occurredOn')}
        />
        <label className="checkbox chronology-table__approximate">
          <input
            type="checkbox"
            checked={draft.approximate}
            onChange={(e) => set('approximate', e.target.checked)}
          />
          Approximate
        </label>
        <label htmlFor={idOf('timeOfDay')}>Time of day</label>
        <input
          id={idOf('timeOfDay')}
          type="time"
          value={draft.timeOfDay}
          onChange={(e) => set('timeOfDay', e.target.value)}
          {...invalid('timeOfDay')}
        />
      </div>
      <div role="cell" className="chronology-table__cell chronology-table__edit-cell">
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
      </div>
      <div role="cell" className="chronology-table__cell chronology-table__edit-cell">
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
          rows={3}
          onChange={(e) => set('description', e.target.value)}
        />
        {people.length > 0 && draft.personContacts && (
          <PeopleContactsPicker
            idOf={idOf}
            people={people}
            contacts={draft.personContacts}
            onChange={(contacts) => set('personContacts', contacts)}
          />
        )}
        <p className="hint" id={hintId}>
          Enter saves, Escape cancels; Shift+Enter starts a new line in the description.
        </p>
        {error && (
          <p className="notice notice--error chronology-table__error" id={errorId} role="alert">
            {error.message}
          </p>
        )}
      </div>
      <div role="cell" className="chronology-table__cell chronology-table__edit-cell">
        <label htmlFor={idOf('source')}>Record reference</label>
        <input
          id={idOf('source')}
          value={draft.source}
          maxLength={TEXT_LIMITS.eventSource}
          onChange={(e) => set('source', e.target.value)}
        />
      </div>
      <div role="cell" className="chronology-table__cell chronology-table__actions">
        <button type="button" className="button button--primary" onClick={onSave} disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}

/**
 * Who the event involved and how: for each person of the register, not involved, or seen, seen
 * alone (offered for the children the review is about), spoken to, or only mentioned.
 */
function PeopleContactsPicker({
  idOf,
  people,
  contacts,
  onChange,
}: {
  idOf: (field: string) => string;
  people: EditorPerson[];
  contacts: { personId: string; contact: ContactType }[];
  onChange: (contacts: { personId: string; contact: ContactType }[]) => void;
}) {
  const choose = (personId: string, value: string) => {
    const others = contacts.filter((c) => c.personId !== personId);
    onChange(value ? [...others, { personId, contact: value as ContactType }] : others);
  };
  return (
    <fieldset className="chronology-table__people">
      <legend>People and contact</legend>
      {people.map((person) => {
        const current = contacts.find((c) => c.personId === person.id)?.contact ?? '';
        const offered = CONTACT_TYPES.filter(
          (contact) => contact !== 'SEEN_ALONE' || person.isSubjectChild || current === contact,
        );
        return (
          <span key={person.id} className="chronology-table__person">
            <label htmlFor={idOf(`person-${person.id}`)}>{person.pseudonym}</label>
            <select
              id={idOf(`person-${person.id}`)}
              value={current}
              onChange={(e) => choose(person.id, e.target.value)}
            >
              <option value="">Not involved</option>
              {offered.map((contact) => (
                <option key={contact} value={contact}>
                  {CONTACT_TYPE_LABELS[contact]}
                </option>
              ))}
            </select>
          </span>
        );
      })}
    </fieldset>
  );
}
