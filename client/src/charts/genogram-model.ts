import { formatPartialDate } from '@scr/shared';
import type { GenogramTieKind } from './genogram-layout';

/**
 * What the genogram draws, in the chart's own terms: the feature that owns the review's registers maps its
 * query onto these, so the chart never depends on the API's shapes.
 */

export type GenogramSex = 'FEMALE' | 'MALE' | 'NOT_KNOWN';

/** A stay in a household, with partial dates ("2022-04", "2019") or null where not known. */
export interface GenogramHouseholdMembership {
  household: string;
  from: string | null;
  to: string | null;
  /** False when the person lived there without agencies knowing; left out, known. */
  knownToAgencies?: boolean;
}

/** How often agencies were in touch with the person, by the kind of contact the chronology records. */
export interface GenogramContact {
  seen: number;
  /** Seen on their own: for children, the voice of the child. */
  seenAlone: number;
  /** By phone or message, not seen. */
  spokenTo: number;
  /** Talked about, with no contact. */
  mentioned: number;
}

export interface GenogramPerson {
  id: string;
  /** The pseudonym. */
  label: string;
  relationship: string | null;
  sex: GenogramSex;
  isSubjectChild: boolean;
  deceased: boolean;
  diedOn: string | null;
  bornOn: string | null;
  /** Oldest first is not required: the one with no end (or the latest) is where they are drawn. */
  households: GenogramHouseholdMembership[];
  contact: GenogramContact;
  /** The agency markers of who was in touch, each with a word on how much: "12 events" (shown in the tip). */
  markings: { key: string; detail: string }[];
  /** Who they are and who saw them, in words: said on focus, last in the person's label. */
  description: string;
}

/** "from" is PARENT_OF "to"; the other kinds read both ways. */
export interface GenogramRelationship {
  from: string;
  to: string;
  kind: GenogramTieKind;
  /** For partners: no longer together (one slash across the partnership line). */
  separated: boolean;
}

/** "2022-04" → "Apr 2022"; nothing for nothing. */
export function partialDate(value: string | null | undefined): string {
  if (!value?.trim()) return '';
  return formatPartialDate(value.trim(), 'EXACT');
}

/** The stay the person is drawn in: the one with no end, else the one that ended last, else none. */
export function currentStay(
  person: Pick<GenogramPerson, 'households'>,
): GenogramHouseholdMembership | null {
  const stays = person.households.filter((stay) => stay.household.trim());
  if (stays.length === 0) return null;
  const open = stays.filter((stay) => !stay.to);
  const pool = open.length > 0 ? open : stays;
  return [...pool].sort((a, b) => (b.to ?? b.from ?? '').localeCompare(a.to ?? a.from ?? ''))[0];
}

/** The household the person is drawn in (see currentStay). */
export function currentHousehold(person: Pick<GenogramPerson, 'households'>): string | null {
  return currentStay(person)?.household.trim() ?? null;
}

/** "from Apr 2022", "2019 – Mar 2023", "until 2021", or nothing when no date is known. */
export function spanText(from: string | null, to: string | null): string {
  const start = partialDate(from);
  const end = partialDate(to);
  if (start && end) return `${start} – ${end}`;
  if (start) return `from ${start}`;
  if (end) return `until ${end}`;
  return '';
}

/**
 * The dates on a household's boundary: from the earliest known start of anyone's stay to the latest end, open
 * when someone still lives there (or their end is not known).
 */
export function householdSpan(name: string, people: Pick<GenogramPerson, 'households'>[]): string {
  const stays = people.flatMap((person) =>
    person.households.filter((stay) => stay.household.trim() === name),
  );
  const starts = stays.map((stay) => stay.from).filter((from): from is string => !!from);
  const open = stays.some((stay) => !stay.to);
  const ends = stays.map((stay) => stay.to).filter((to): to is string => !!to);
  const from = starts.length === stays.length && starts.length > 0 ? starts.sort()[0] : null;
  const to = open || ends.length === 0 ? null : ends.sort()[ends.length - 1];
  return spanText(from, to);
}

const SEX_WORDS: Record<GenogramSex, string> = {
  FEMALE: 'female',
  MALE: 'male',
  NOT_KNOWN: 'sex not known',
};

export function sexWord(sex: GenogramSex): string {
  return SEX_WORDS[sex];
}

export type ContactKind = 'seen' | 'seenAlone' | 'spokenTo' | 'mentioned';

export const CONTACT_KINDS: { kind: ContactKind; name: string }[] = [
  { kind: 'seen', name: 'Seen' },
  { kind: 'seenAlone', name: 'Seen alone' },
  { kind: 'spokenTo', name: 'Spoken to (phone or message)' },
  { kind: 'mentioned', name: 'Only mentioned (no contact)' },
];

/** "seen 3 times, seen alone once, only mentioned 4 times", or "no contact recorded". */
export function contactText(contact: GenogramContact): string {
  const times = (n: number) => (n === 1 ? 'once' : `${n} times`);
  const parts = [
    contact.seen ? `seen ${times(contact.seen)}` : null,
    contact.seenAlone ? `seen alone ${times(contact.seenAlone)}` : null,
    contact.spokenTo ? `spoken to ${times(contact.spokenTo)}` : null,
    contact.mentioned ? `only mentioned ${times(contact.mentioned)}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no contact recorded';
}
