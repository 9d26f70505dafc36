import {
  agencyInitials,
  agencyMarkers,
  countAgencyContacts,
  seenByText,
} from './registers-agency-contacts';

const police = { id: 'a-police', name: 'Northmoor Police' };
const health = { id: 'a-health', name: 'Health visiting' };
const school = { id: 'a-school', name: 'Kestrel Vale Primary School' };

describe('agencyInitials', () => {
  it('takes the first letter of each main word, or an acronym the name holds', () => {
    expect(agencyInitials('Northmoor Children’s Social Care')).toBe('NCSC');
    expect(agencyInitials('Moorshire Police')).toBe('MP');
    expect(
      agencyInitials(
        'NHS Northmoor health services (health visiting, general practice and hospital)',
      ),
    ).toBe('NHS');
    expect(agencyInitials('Office of the Police and Crime Commissioner for Northmoor')).toBe(
      'OPCC',
    );
  });
});

describe('agencyMarkers', () => {
  it('gives each agency its own colour and initials that differ', () => {
    const markers = agencyMarkers([
      police,
      { id: 'a-probation', name: 'Northmoor Probation' },
      health,
    ]);
    expect(markers.map((m) => m.initials)).toEqual(['NP', 'NP2', 'HV']);
    expect(new Set(markers.map((m) => m.colour)).size).toBe(3);
    expect(markers[0]).toMatchObject({ colour: '#0072B2', ink: '#FFFFFF' });
  });
});

describe('countAgencyContacts', () => {
  const markers = agencyMarkers([police, health, school]);
  const event = (agency: typeof police | null, ...people: string[]) => ({
    agency,
    people: people.map((id) => ({ id })),
  });

  it('counts, per person, the events of each agency that involve them', () => {
    const contacts = countAgencyContacts(
      [
        event(health, 'child', 'mother'),
        event(police, 'mother'),
        event(health, 'child'),
        event(health, 'child'),
        event(null, 'child'),
        event(police, 'mother', 'mother'),
      ],
      markers,
    );
    expect(
      [...contacts].map(([person, list]) => [
        person,
        list.map((c) => [c.marker.initials, c.events]),
      ]),
    ).toEqual([
      ['child', [['HV', 3]]],
      [
        'mother',
        [
          ['NP', 2],
          ['HV', 1],
        ],
      ],
    ]);
  });

  it('says who was seen by whom, in words', () => {
    const contacts = countAgencyContacts(
      [event(police, 'mother'), ...Array.from({ length: 12 }, () => event(health, 'mother'))],
      markers,
    );
    expect(seenByText(contacts.get('mother'))).toBe(
      'Seen by Northmoor Police (1 event), Health visiting (12 events)',
    );
    expect(seenByText(contacts.get('nobody'))).toBe('No agency’s chronology events involve them');
  });
});
