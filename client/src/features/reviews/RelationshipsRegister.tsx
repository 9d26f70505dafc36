import { useMutation } from '@apollo/client/react';
import { PERSON_RELATIONSHIP_KINDS, PERSON_RELATIONSHIP_LABELS } from '@scr/shared';
import { FormEvent, useId, useState } from 'react';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { useConfirmRemoval } from '../../components/use-confirm-removal';
import { messageOf } from '../../components/graphql-errors';
import { PersonRelationshipKind, RegistersOfReviewQuery } from '../../gql/graphql';
import { RegisterPerson } from './PeopleRegister';
import { REGISTERS_ADD_RELATIONSHIP, REGISTERS_REMOVE_RELATIONSHIP } from './registers.graphql';

type Relationship = NonNullable<RegistersOfReviewQuery['review']>['relationships'][number];

const REFETCH = ['RegistersOfReview'];

/** "Mother — parent of — Child M". */
export function relationshipInWords(
  relationship: Pick<Relationship, 'fromPersonId' | 'kind' | 'toPersonId'>,
  pseudonyms: Map<string, string>,
): string {
  const who = (id: string) => pseudonyms.get(id) ?? 'someone no longer on the register';
  return `${who(relationship.fromPersonId)} — ${PERSON_RELATIONSHIP_LABELS[relationship.kind]} — ${who(relationship.toPersonId)}`;
}

/** The ties between people that the family network draws, listed in words. */
export function RelationshipsRegister({
  reviewId,
  people,
  relationships,
  canEdit,
}: {
  reviewId: string;
  people: RegisterPerson[];
  relationships: Relationship[];
  canEdit: boolean;
}) {
  const removalOf = useConfirmRemoval(REGISTERS_REMOVE_RELATIONSHIP, {
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });
  const pseudonyms = new Map(people.map((person) => [person.id, person.pseudonym]));

  return (
    <section className="registers__section" aria-labelledby="registers-relationships">
      <div className="section-header">
        <h2 id="registers-relationships">Relationships</h2>
      </div>
      {relationships.length === 0 ? (
        <p className="hint">
          No relationship is recorded yet. Relationships place people in the family network: parents
          above their children, partners side by side.
        </p>
      ) : (
        <ul className="registers__relationships">
          {[...relationships]
            .sort(
              (a, b) =>
                PERSON_RELATIONSHIP_KINDS.indexOf(a.kind) -
                PERSON_RELATIONSHIP_KINDS.indexOf(b.kind),
            )
            .map((relationship) => {
              const words = relationshipInWords(relationship, pseudonyms);
              return (
                <li key={relationship.id}>
                  <span>{words}</span>
                  {canEdit && (
                    <ConfirmRemoval
                      what={`the relationship “${words}”`}
                      className="button button--secondary registers__small"
                      {...removalOf({ id: relationship.id })}
                    />
                  )}
                </li>
              );
            })}
        </ul>
      )}
      {canEdit && people.length >= 2 && <AddRelationship reviewId={reviewId} people={people} />}
    </section>
  );
}

function AddRelationship({ reviewId, people }: { reviewId: string; people: RegisterPerson[] }) {
  const idPrefix = useId();
  const [fromPersonId, setFrom] = useState('');
  const [kind, setKind] = useState<PersonRelationshipKind | ''>('');
  const [toPersonId, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [addRelationship, { loading }] = useMutation(REGISTERS_ADD_RELATIONSHIP);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!kind) return;
    if (fromPersonId === toPersonId) {
      setError('Choose two different people.');
      return;
    }
    setError(null);
    try {
      await addRelationship({
        variables: { reviewId, input: { fromPersonId, kind, toPersonId } },
        refetchQueries: REFETCH,
        awaitRefetchQueries: true,
      });
      setFrom('');
      setKind('');
      setTo('');
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  const personSelect = (
    id: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
  ) => (
    <span className="registers__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} required onChange={(event) => onChange(event.target.value)}>
        <option value="">Choose a person</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.pseudonym}
          </option>
        ))}
      </select>
    </span>
  );

  return (
    <form
      className="registers__add"
      onSubmit={(event) => void submit(event)}
      aria-label="Add a relationship"
    >
      <h3 className="registers__add-title">Add a relationship</h3>
      <div className="registers__fields">
        {personSelect(`${idPrefix}-from`, 'Person', fromPersonId, setFrom)}
        <span className="registers__field">
          <label htmlFor={`${idPrefix}-kind`}>Relationship</label>
          <select
            id={`${idPrefix}-kind`}
            value={kind}
            required
            onChange={(event) => setKind(event.target.value as PersonRelationshipKind)}
          >
            <option value="">Choose a relationship</option>
            {PERSON_RELATIONSHIP_KINDS.map((option) => (
              <option key={option} value={option}>
                {PERSON_RELATIONSHIP_LABELS[option]}
              </option>
            ))}
          </select>
        </span>
        {personSelect(`${idPrefix}-to`, 'Other person', toPersonId, setTo)}
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Adding…' : 'Add relationship'}
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
