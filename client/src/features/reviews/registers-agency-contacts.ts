/**
 * Who was seen by which agency: from the chronology, how many events of each agency involve each person of
 * the people register, and the marker (initials and colour) that stands for each agency on the family network.
 */

export interface ContactEvent {
  agency: { id: string; name: string } | null;
  people: { id: string }[];
}

export interface AgencyMarker {
  agencyId: string;
  name: string;
  /** Two to four letters, unique among the review's agencies. */
  initials: string;
  colour: string;
  /** Black or white, whichever reads on the colour. */
  ink: string;
}

export interface AgencyContact {
  marker: AgencyMarker;
  events: number;
}

/** Okabe–Ito, distinguishable with the common colour-vision deficiencies; the initials carry it too. */
const OKABE_ITO: { colour: string; ink: string }[] = [
  { colour: '#0072B2', ink: '#FFFFFF' },
  { colour: '#E69F00', ink: '#000000' },
  { colour: '#009E73', ink: '#000000' },
  { colour: '#CC79A7', ink: '#000000' },
  { colour: '#56B4E9', ink: '#000000' },
  { colour: '#D55E00', ink: '#000000' },
  { colour: '#F0E442', ink: '#000000' },
  { colour: '#000000', ink: '#FFFFFF' },
];

const MINOR_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', '&']);

/** "Northmoor Children's Social Care" → "NCSC"; an acronym in the name wins: "NHS Northmoor health" → "NHS". */
export function agencyInitials(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s\-–/]+/)
    .map((word) => word.replace(/[’'`]s$/i, '').replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word && !MINOR_WORDS.has(word.toLowerCase()));
  const acronym = words.find(
    (word) => word.length >= 2 && word === word.toUpperCase() && /\p{L}/u.test(word),
  );
  if (acronym) return acronym.slice(0, 4);
  const initials = words.map((word) => word[0].toUpperCase()).join('');
  return (initials || name.trim().slice(0, 2).toUpperCase()).slice(0, 4);
}

/** One marker per agency, in the register's order; equal initials are told apart by a number. */
export function agencyMarkers(agencies: { id: string; name: string }[]): AgencyMarker[] {
  const taken = new Map<string, number>();
  return agencies.map((agency, index) => {
    const base = agencyInitials(agency.name);
    const seen = (taken.get(base) ?? 0) + 1;
    taken.set(base, seen);
    const palette = OKABE_ITO[index % OKABE_ITO.length];
    return {
      agencyId: agency.id,
      name: agency.name,
      initials: seen === 1 ? base : `${base.slice(0, 3)}${seen}`,
      colour: palette.colour,
      ink: palette.ink,
    };
  });
}

/**
 * Per person, the agencies whose events involve them and how many, in the order of the markers (the
 * register's order, so each agency sits in the same place on every person). Events of no agency are left out.
 */
export function countAgencyContacts(
  events: ContactEvent[],
  markers: AgencyMarker[],
): Map<string, AgencyContact[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const event of events) {
    if (!event.agency) continue;
    for (const person of new Set(event.people.map((p) => p.id))) {
      const byAgency = counts.get(person) ?? new Map<string, number>();
      counts.set(person, byAgency);
      byAgency.set(event.agency.id, (byAgency.get(event.agency.id) ?? 0) + 1);
    }
  }
  const contacts = new Map<string, AgencyContact[]>();
  for (const [person, byAgency] of counts) {
    contacts.set(
      person,
      markers
        .filter((marker) => byAgency.has(marker.agencyId))
        .map((marker) => ({ marker, events: byAgency.get(marker.agencyId) ?? 0 })),
    );
  }
  return contacts;
}

/** "Seen by Northmoor Police (4 events), Health visiting (1 event)". */
export function seenByText(contacts: AgencyContact[] | undefined): string {
  if (!contacts?.length) return 'No agency’s chronology events involve them';
  const parts = contacts.map(
    ({ marker, events }) => `${marker.name} (${events} ${events === 1 ? 'event' : 'events'})`,
  );
  return `Seen by ${parts.join(', ')}`;
}
