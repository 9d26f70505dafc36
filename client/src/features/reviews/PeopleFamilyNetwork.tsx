import { useMemo } from 'react';
import { Genogram, GenogramMarker, GenogramPerson } from '../../charts/Genogram';
import { RegistersOfReviewQuery } from '../../gql/graphql';
import {
  AgencyContact,
  agencyMarkers,
  countAgencyContacts,
  seenByText,
} from './registers-agency-contacts';
import { EventContactsState } from './registers-use-event-contacts';

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
      people.map((person) => ({
        id: person.id,
        pseudonym: person.pseudonym,
        relationship: person.relationship ?? null,
        household: person.household ?? null,
        markings: (contacts.get(person.id) ?? []).map((contact) => ({
          key: contact.marker.agencyId,
          detail: `${contact.events} ${contact.events === 1 ? 'event' : 'events'}`,
        })),
        description:
          contactsState.status === 'loaded'
            ? `${seenByText(contacts.get(person.id))}.`
            : 'Who saw them is still loading.',
      })),
    [people, contacts, contactsState.status],
  );
  const ties = useMemo(
    () =>
      relationships.map((relationship) => ({
        fromId: relationship.fromPersonId,
        toId: relationship.toPersonId,
        kind: relationship.kind,
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
  const households = new Set(people.map((person) => person.household?.trim()).filter(Boolean)).size;

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
        }, drawn with parents above their children and partners side by side. Each person shows the agencies whose chronology events involve them; focus a person to hear who saw them. The relationships are listed in words below.`}
        people={genogramPeople}
        ties={ties}
        markers={genogramMarkers}
        markerLegendTitle="Seen by (events in the chronology)"
      />
      {contactsState.status === 'loaded' && (
        <details className="registers__contacts">
          <summary>Who was seen by which agency, as a table</summary>
          <div className="registers__scroll">
            <table className="data-table registers__contacts-table">
              <caption>Chronology events involving each person, by agency</caption>
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
                  const own = contacts.get(person.id) ?? [];
                  return (
                    <tr key={person.id}>
                      <th scope="row">{person.pseudonym}</th>
                      {markers.map((marker) => (
                        <td key={marker.agencyId}>
                          {own.find((contact) => contact.marker.agencyId === marker.agencyId)
                            ?.events ?? 0}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}
