import { useMemo } from 'react';
import {
  Genogram,
  GenogramMarker,
  GenogramPerson,
  GenogramRelationship,
} from '../../charts/Genogram';
import { RegistersOfReviewQuery } from '../../gql/graphql';
import {
  AgencyContact,
  agencyMarkers,
  countAgencyContacts,
  seenByText,
} from './registers-agency-contacts';
import { EventContactsState } from './registers-use-event-contacts';
import { CONTACT_MARKS, contactCell, neverSeen } from './person-form';

type Registers = NonNullable<RegistersOfReviewQuery['review']>;

/**
 * The family network drawn from the people register and its relationships, each person marked with the
 * agencies whose chronology events involve them; with the same counts as a table for reading or copying.
 */
export function PeopleFamilyNetwork({
  registers,
  contacts: contactsState,
}: {
  registers: Registers;
  contacts: EventContactsState;
}) {
  const { people, relationships, agencies } = registers;
  const markers = useMemo(() => agencyMarkers(agencies), [agencies]);
  const contacts = useMemo(
    () =>
      contactsState.status === 'loaded'
        ? countAgencyContacts(contactsState.events, markers)
        : new Map<string, AgencyContact[]>(),
    [contactsState, markers],
  );
  const genogramPeople = useMemo<GenogramPerson[]>(
    () =>
      people.map((person) => {
        const own = contacts.get(person.id) ?? [];
        return {
          id: person.id,
          label: person.pseudonym,
          relationship: person.relationship ?? null,
          sex: person.sex,
          isSubjectChild: person.isSubjectChild,
          deceased: person.deceased,
          diedOn: person.diedOn ?? null,
          bornOn: person.bornOn ?? null,
          households: person.households.map((stay) => ({
            household: stay.household,
            from: stay.from ?? null,
            to: stay.to ?? null,
            knownToAgencies: stay.knownToAgencies,
          })),
          contact: {
            seen: person.contactSummary.seen,
            seenAlone: person.contactSummary.seenAlone,
            spokenTo: person.contactSummary.spokenTo,
            mentioned: person.contactSummary.mentioned,
          },
          markings: own.map((contact) => ({
            key: contact.marker.agencyId,
            detail: `${contact.events} ${contact.events === 1 ? 'event' : 'events'}`,
          })),
          description:
            contactsState.status === 'loaded'
              ? `${seenByText(contacts.get(person.id))}.`
              : 'Who saw them is still loading.',
        };
      }),
    [people, contacts, contactsState.status],
  );
  const genogramRelationships = useMemo<GenogramRelationship[]>(
    () =>
      relationships.map((relationship) => ({
        from: relationship.fromPersonId,
        to: relationship.toPersonId,
        kind: relationship.kind,
        separated: relationship.separated,
      })),
    [relationships],
  );
  const genogramMarkers = useMemo<GenogramMarker[]>(
    () =>
      markers.map((marker) => ({
        key: marker.agencyId,
        initials: marker.initials,
        name: marker.name,
        colour: marker.colour,
        ink: marker.ink,
      })),
    [markers],
  );
  const households = new Set(
    people
      .flatMap((person) => person.households.map((stay) => stay.household.trim()))
      .filter(Boolean),
  ).size;

  return (
    <>
      {contactsState.status === 'loading' && (
        <p className="status" role="status">
          Reading the chronology for who saw whom…
        </p>
      )}
      {contactsState.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          Who saw whom could not be read from the chronology: {contactsState.message}
        </p>
      )}
      <Genogram
        title="Family network"
        summary={`${people.length} ${people.length === 1 ? 'person' : 'people'} in ${households} ${
          households === 1 ? 'household' : 'households'
        }, drawn as a genogram: parents above their children, partners side by side, households as dashed boundaries. Each person shows how often agencies were in touch with them; focus a person to hear who saw them. The relationships are listed in words below.`}
        people={genogramPeople}
        relationships={genogramRelationships}
        markers={genogramMarkers}
      />
      <details className="registers__contacts">
        <summary>Who was seen by which agency, as a table</summary>
        <p className="registers__contacts-key" aria-label="Key to the marks">
          {CONTACT_MARKS.map((m) => (
            <span
              key={m.key}
              className={`registers__contact-mark registers__contact-mark--${m.key}`}
            >
              <span aria-hidden="true">{m.mark}</span> {m.word}
            </span>
          ))}
        </p>
        <div className="registers__scroll">
          <table className="data-table registers__contacts-table">
            <caption>
              Chronology events involving each person, by agency and by contact: seen, seen alone,
              spoken to, or only mentioned
            </caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                {markers.map((marker) => (
                  <th scope="col" key={marker.agencyId}>
                    {marker.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {people.map((person) => {
                const summary = person.contactSummary;
                const unseen = neverSeen(summary);
                return (
                  <tr key={person.id} className={unseen ? 'registers__unseen' : undefined}>
                    <th scope="row">
                      {person.pseudonym}
                      {unseen && <span className="registers__unseen-flag"> — never seen</span>}
                    </th>
                    {markers.map((marker) => {
                      const cell = contactCell(
                        summary.byAgency.find((counts) => counts.agencyId === marker.agencyId),
                      );
                      return (
                        <td key={marker.agencyId} aria-label={cell.words}>
                          {cell.parts.length === 0
                            ? '—'
                            : cell.parts.map((part) => (
                                <span key={part.word} className="registers__contact-count">
                                  <span aria-hidden="true">{part.mark}</span>
                                  {part.count}{' '}
                                </span>
                              ))}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
