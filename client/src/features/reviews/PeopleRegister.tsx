import { useMutation } from '@apollo/client/react';
import { TEXT_LIMITS } from '@scr/shared';
import { FormEvent, useId, useState } from 'react';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { useConfirmRemoval } from '../../components/use-confirm-removal';
import { ConflictDialog } from '../../components/ConflictDialog';
import { messageOf } from '../../components/graphql-errors';
import { chosenDraft, SaveConflict, saveConflictOf } from '../../components/save-conflict';
import { PersonInput, RegistersOfReviewQuery } from '../../gql/graphql';
import {
  REGISTERS_ADD_PERSON,
  REGISTERS_REMOVE_PERSON,
  REGISTERS_UPDATE_PERSON,
} from './registers.graphql';

export type RegisterPerson = NonNullable<RegistersOfReviewQuery['review']>['people'][number];

interface PersonDraft {
  pseudonym: string;
  relationship: string;
  household: string;
  name: string;
}

const EMPTY: PersonDraft = { pseudonym: '', relationship: '', household: '', name: '' };
const REFETCH = ['RegistersOfReview'];

const PERSON_LIMITS: Record<keyof PersonDraft, number> = {
  pseudonym: TEXT_LIMITS.pseudonym,
  relationship: TEXT_LIMITS.personRelationship,
  household: TEXT_LIMITS.household,
  name: TEXT_LIMITS.personName,
};

const PERSON_FIELD_LABELS: Record<string, string> = {
  pseudonym: 'Pseudonym',
  relationship: 'Relationship to the child',
  household: 'Household',
};

/** What is sent: blanks become null, and the real name only from someone allowed to see it. */
function inputOf(draft: PersonDraft, canReadRealNames: boolean): PersonInput {
  const blankToNull = (value: string) => value.trim() || null;
  return {
    pseudonym: draft.pseudonym.trim(),
    relationship: blankToNull(draft.relationship),
    household: blankToNull(draft.household),
    ...(canReadRealNames ? { name: draft.name.trim() } : {}),
  };
}

/**
 * The people register. Everyone appears by pseudonym; the real name column is there only for members
 * allowed to read real names (the server sends no name to anyone else).
 */
export function PeopleRegister({
  reviewId,
  people,
  canEdit,
  canReadRealNames,
  onChronologyChanged,
}: {
  reviewId: string;
  people: RegisterPerson[];
  canEdit: boolean;
  canReadRealNames: boolean;
  /** Removing a person changes which events name them. */
  onChronologyChanged: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const removalOf = useConfirmRemoval(REGISTERS_REMOVE_PERSON, {
    consequencesOf: (data) => data.removePerson.consequences,
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });
  const columns = 3 + (canReadRealNames ? 1 : 0) + (canEdit ? 1 : 0);

  return (
    <section className="registers__section" aria-labelledby="registers-people">
      <div className="section-header">
        <h2 id="registers-people">People</h2>
      </div>
      {people.length > 0 && (
        <table className="data-table registers__table">
          <caption>
            Family members and others in the review, by the pseudonym used in everything published
          </caption>
          <thead>
            <tr>
              <th scope="col">Pseudonym</th>
              <th scope="col">Relationship to the child</th>
              <th scope="col">Household</th>
              {canReadRealNames && (
                <th scope="col">
                  Real name <span className="registers__private">private to members</span>
                </th>
              )}
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">Changes</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {people.map((person) =>
              editing === person.id ? (
                <PersonEditRow
                  key={person.id}
                  person={person}
                  columns={columns}
                  canReadRealNames={canReadRealNames}
                  onDone={() => setEditing(null)}
                />
              ) : (
                <tr key={person.id}>
                  <td>
                    <span className="data-table__title">{person.pseudonym}</span>
                  </td>
                  <td>{person.relationship ?? <span className="hint">Not recorded</span>}</td>
                  <td>{person.household ?? <span className="hint">Not recorded</span>}</td>
                  {canReadRealNames && (
                    <td>{person.name || <span className="hint">Not recorded</span>}</td>
                  )}
                  {canEdit && (
                    <td className="registers__actions">
                      <button
                        type="button"
                        className="button button--secondary registers__small"
                        aria-label={`Edit ${person.pseudonym}`}
                        onClick={() => setEditing(person.id)}
                      >
                        Edit
                      </button>
                      <ConfirmRemoval
                        what={person.pseudonym}
                        className="button button--secondary registers__small"
                        {...removalOf({ id: person.id })}
                        onRemoved={onChronologyChanged}
                      />
                    </td>
                  )}
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {canEdit && <AddPerson reviewId={reviewId} canReadRealNames={canReadRealNames} />}
    </section>
  );
}

function PersonFields({
  draft,
  onChange,
  canReadRealNames,
  idPrefix,
}: {
  draft: PersonDraft;
  onChange: (draft: PersonDraft) => void;
  canReadRealNames: boolean;
  idPrefix: string;
}) {
  const field = (key: keyof PersonDraft, label: string, hint?: string, required = false) => (
    <span className="registers__field">
      <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
      <input
        id={`${idPrefix}-${key}`}
        value={draft[key]}
        maxLength={PERSON_LIMITS[key]}
        required={required}
        aria-describedby={hint ? `${idPrefix}-${key}-hint` : undefined}
        onChange={(event) => onChange({ ...draft, [key]: event.target.value })}
      />
      {hint && (
        <span className="hint registers__hint" id={`${idPrefix}-${key}-hint`}>
          {hint}
        </span>
      )}
    </span>
  );
  return (
    <>
      {field('pseudonym', 'Pseudonym', 'As published, e.g. “Child M”, “Mother”', true)}
      {field('relationship', 'Relationship to the child')}
      {field('household', 'Household', 'People with the same household are boxed together')}
      {canReadRealNames &&
        field('name', 'Real name', 'Private to members; used to check the report is anonymised')}
    </>
  );
}

function AddPerson({
  reviewId,
  canReadRealNames,
}: {
  reviewId: string;
  canReadRealNames: boolean;
}) {
  const idPrefix = useId();
  const [draft, setDraft] = useState<PersonDraft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [addPerson, { loading }] = useMutation(REGISTERS_ADD_PERSON);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await addPerson({
        variables: { reviewId, input: inputOf(draft, canReadRealNames) },
        refetchQueries: REFETCH,
        awaitRefetchQueries: true,
      });
      setDraft(EMPTY);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <form
      className="registers__add"
      onSubmit={(event) => void submit(event)}
      aria-label="Add a person"
    >
      <h3 className="registers__add-title">Add a person</h3>
      <div className="registers__fields">
        <PersonFields
          draft={draft}
          onChange={setDraft}
          canReadRealNames={canReadRealNames}
          idPrefix={idPrefix}
        />
      </div>
      <div className="registers__buttons">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Adding…' : 'Add person'}
        </button>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function PersonEditRow({
  person,
  columns,
  canReadRealNames,
  onDone,
}: {
  person: RegisterPerson;
  columns: number;
  canReadRealNames: boolean;
  onDone: () => void;
}) {
  const idPrefix = useId();
  const [draft, setDraft] = useState<PersonDraft>({
    pseudonym: person.pseudonym,
    relationship: person.relationship ?? '',
    household: person.household ?? '',
    name: person.name ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict<PersonDraft> | null>(null);
  const [updatePerson, { loading }] = useMutation(REGISTERS_UPDATE_PERSON);
  const labels = canReadRealNames
    ? { ...PERSON_FIELD_LABELS, name: 'Real name' }
    : PERSON_FIELD_LABELS;

  const submit = async (sent: PersonDraft, expectedVersion: number) => {
    setError(null);
    try {
      await updatePerson({
        variables: { id: person.id, expectedVersion, input: inputOf(sent, canReadRealNames) },
      });
      onDone();
    } catch (caught) {
      const found = saveConflictOf(caught, labels, sent);
      if (!found) setError(messageOf(caught));
      else if (found.fields.length === 0) await submit(sent, found.currentVersion);
      else setConflict(found);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(draft, person.version);
  };

  return (
    <tr className="registers__editing">
      <td colSpan={columns}>
        <form onSubmit={save} aria-label={`Edit ${person.pseudonym}`}>
          <div className="registers__fields">
            <PersonFields
              draft={draft}
              onChange={setDraft}
              canReadRealNames={canReadRealNames}
              idPrefix={idPrefix}
            />
          </div>
          <div className="registers__buttons">
            <button type="submit" className="button button--primary" disabled={loading}>
              {loading ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="button button--secondary" onClick={onDone}>
              Cancel
            </button>
          </div>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
        </form>
        {conflict && (
          <ConflictDialog
            what="person"
            fields={conflict.fields}
            onResolve={(choice) => {
              const next = chosenDraft(conflict, choice);
              setConflict(null);
              setDraft(next);
              void submit(next, conflict.currentVersion);
            }}
            onCancel={() => setConflict(null)}
          />
        )}
      </td>
    </tr>
  );
}
