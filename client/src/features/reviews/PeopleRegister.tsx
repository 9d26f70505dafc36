import { useMutation } from '@apollo/client/react';
import { MAX_PERSON_ALIASES, SEX_LABELS, SEXES, SexName, TEXT_LIMITS } from '@scr/shared';
import { FormEvent, useId, useState } from 'react';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { useConfirmRemoval } from '../../components/use-confirm-removal';
import { ConflictDialog } from '../../components/ConflictDialog';
import { messageOf } from '../../components/graphql-errors';
import { chosenDraft, SaveConflict, saveConflictOf } from '../../components/save-conflict';
import { RegistersOfReviewQuery } from '../../gql/graphql';
import {
  draftOf,
  EMPTY_HOUSEHOLD,
  EMPTY_PERSON,
  HouseholdDraft,
  inputOf,
  PersonDraft,
  recordAsForm,
  showPartialDate,
} from './person-form';
import {
  REGISTERS_ADD_PERSON,
  REGISTERS_REMOVE_PERSON,
  REGISTERS_UPDATE_PERSON,
} from './registers.graphql';

export type RegisterPerson = NonNullable<RegistersOfReviewQuery['review']>['people'][number];

const EMPTY = EMPTY_PERSON;
const REFETCH = ['RegistersOfReview'];

type TextKey =
  'pseudonym' | 'relationship' | 'name' | 'aliases' | 'bornOn' | 'ageAtPeriodStart' | 'diedOn';

const PERSON_LIMITS: Record<TextKey, number> = {
  pseudonym: TEXT_LIMITS.pseudonym,
  relationship: TEXT_LIMITS.personRelationship,
  name: TEXT_LIMITS.personName,
  aliases: MAX_PERSON_ALIASES * (TEXT_LIMITS.personAlias + 2),
  bornOn: 40,
  ageAtPeriodStart: 3,
  diedOn: 40,
};

const PERSON_FIELD_LABELS: Record<string, string> = {
  pseudonym: 'Pseudonym',
  relationship: 'Relationship to the child',
  sex: 'Sex',
  bornOn: 'Born',
  ageAtPeriodStart: 'Age at the start of the period',
  diedOn: 'Died',
};

/** "Born Apr 2019", "aged 3 at the start", "died 2024" / "died, date unknown", in a few words. */
function lifeOf(person: RegisterPerson): string {
  const parts = [
    person.bornOn
      ? `born ${showPartialDate(person.bornOn)}`
      : person.ageAtPeriodStart != null
        ? `aged ${person.ageAtPeriodStart} at the start`
        : null,
    person.diedOn
      ? `died ${showPartialDate(person.diedOn)}`
      : person.deceased
        ? 'died, date unknown'
        : null,
  ].filter(Boolean);
  return parts.join('; ');
}

/** "Household 1 (from Apr 2022, unknown to agencies)". */
function membershipText(m: RegisterPerson['households'][number]): string {
  const dates = [
    m.from ? `from ${showPartialDate(m.from)}` : null,
    m.to ? `to ${showPartialDate(m.to)}` : null,
    m.knownToAgencies ? null : 'unknown to agencies',
  ].filter(Boolean);
  return dates.length ? `${m.household} (${dates.join(', ')})` : m.household;
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
  const columns = 4 + (canReadRealNames ? 1 : 0) + (canEdit ? 1 : 0);

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
              <th scope="col">Sex, birth and death</th>
              <th scope="col">Households</th>
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
                    {person.isSubjectChild && (
                      <span className="registers__subject"> (subject child)</span>
                    )}
                  </td>
                  <td>{person.relationship ?? <span className="hint">Not recorded</span>}</td>
                  <td>
                    {SEX_LABELS[person.sex]}
                    {lifeOf(person) && `; ${lifeOf(person)}`}
                  </td>
                  <td>
                    {person.households.length ? (
                      <ul className="registers__households">
                        {person.households.map((m) => (
                          <li key={m.id}>
                            {membershipText(m)}
                            {m.note && <span className="hint"> — {m.note}</span>}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="hint">Not recorded</span>
                    )}
                  </td>
                  {canReadRealNames && (
                    <td>
                      {person.name || <span className="hint">Not recorded</span>}
                      {person.aliases.length > 0 && (
                        <span className="hint"> (also known as {person.aliases.join(', ')})</span>
                      )}
                    </td>
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
  const field = (key: TextKey, label: string, hint?: string, required = false) => (
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
      <span className="registers__field">
        <label htmlFor={`${idPrefix}-sex`}>Sex</label>
        <select
          id={`${idPrefix}-sex`}
          value={draft.sex}
          onChange={(event) => onChange({ ...draft, sex: event.target.value as SexName })}
        >
          {SEXES.map((sex) => (
            <option key={sex} value={sex}>
              {SEX_LABELS[sex]}
            </option>
          ))}
        </select>
      </span>
      {field('bornOn', 'Born', 'Day, month or year: “3/4/2019”, “April 2019”, “2019”')}
      {field(
        'ageAtPeriodStart',
        'Age at the start of the period',
        'Whole years, when no birth date',
      )}
      {field('diedOn', 'Died', 'Day, month or year; blank if alive')}
      <span className="registers__field registers__check">
        <input
          id={`${idPrefix}-deceased`}
          type="checkbox"
          checked={draft.deceased}
          onChange={(event) => onChange({ ...draft, deceased: event.target.checked })}
        />
        <label htmlFor={`${idPrefix}-deceased`}>Has died (date may be unknown)</label>
      </span>
      <span className="registers__field registers__check">
        <input
          id={`${idPrefix}-subject`}
          type="checkbox"
          checked={draft.isSubjectChild}
          onChange={(event) => onChange({ ...draft, isSubjectChild: event.target.checked })}
        />
        <label htmlFor={`${idPrefix}-subject`}>A child the review is about</label>
      </span>
      {canReadRealNames &&
        field('name', 'Real name', 'Private to members; used to check the report is anonymised')}
      {canReadRealNames &&
        field(
          'aliases',
          'Also known as',
          'Other names, separated by commas, e.g. “Jay, JJ”; private to members like the real name',
        )}
      <HouseholdFields
        households={draft.households}
        onChange={(households) => onChange({ ...draft, households })}
        idPrefix={idPrefix}
      />
    </>
  );
}

/** The households the person lived in, each with partial dates, in the order entered. */
function HouseholdFields({
  households,
  onChange,
  idPrefix,
}: {
  households: HouseholdDraft[];
  onChange: (households: HouseholdDraft[]) => void;
  idPrefix: string;
}) {
  const change = (index: number, patch: Partial<HouseholdDraft>) =>
    onChange(households.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <fieldset className="registers__households-fields">
      <legend>Households</legend>
      {households.map((m, i) => {
        const id = `${idPrefix}-household-${i}`;
        return (
          <div
            className="registers__household"
            key={i}
            role="group"
            aria-label={`Household ${i + 1}`}
          >
            <span className="registers__field">
              <label htmlFor={`${id}-name`}>Household</label>
              <input
                id={`${id}-name`}
                value={m.household}
                maxLength={TEXT_LIMITS.household}
                onChange={(event) => change(i, { household: event.target.value })}
              />
            </span>
            <span className="registers__field">
              <label htmlFor={`${id}-from`}>From</label>
              <input
                id={`${id}-from`}
                value={m.from}
                placeholder="e.g. April 2022"
                onChange={(event) => change(i, { from: event.target.value })}
              />
            </span>
            <span className="registers__field">
              <label htmlFor={`${id}-to`}>To</label>
              <input
                id={`${id}-to`}
                value={m.to}
                onChange={(event) => change(i, { to: event.target.value })}
              />
            </span>
            <span className="registers__field registers__check">
              <input
                id={`${id}-known`}
                type="checkbox"
                checked={m.knownToAgencies}
                onChange={(event) => change(i, { knownToAgencies: event.target.checked })}
              />
              <label htmlFor={`${id}-known`}>Known to agencies</label>
            </span>
            <span className="registers__field">
              <label htmlFor={`${id}-note`}>Note</label>
              <input
                id={`${id}-note`}
                value={m.note}
                maxLength={TEXT_LIMITS.householdNote}
                onChange={(event) => change(i, { note: event.target.value })}
              />
            </span>
            <button
              type="button"
              className="button button--secondary registers__small"
              onClick={() => onChange(households.filter((_, k) => k !== i))}
            >
              Remove household {i + 1}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary registers__small"
        onClick={() => onChange([...households, EMPTY_HOUSEHOLD])}
      >
        Add a household
      </button>
    </fieldset>
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
  const [draft, setDraft] = useState<PersonDraft>(() => draftOf(person));
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict<PersonDraft> | null>(null);
  const [updatePerson, { loading }] = useMutation(REGISTERS_UPDATE_PERSON);
  const labels = canReadRealNames
    ? { ...PERSON_FIELD_LABELS, name: 'Real name', aliases: 'Also known as' }
    : PERSON_FIELD_LABELS;

  const submit = async (sent: PersonDraft, expectedVersion: number) => {
    setError(null);
    try {
      await updatePerson({
        variables: { id: person.id, expectedVersion, input: inputOf(sent, canReadRealNames) },
      });
      onDone();
    } catch (caught) {
      const found = saveConflictOf(caught, labels, sent, recordAsForm);
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
