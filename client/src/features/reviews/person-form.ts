import {
  ContactTypeName,
  formatPartialDate,
  granularityOf,
  MAX_PERSON_ALIASES,
  readUkDate,
  SexName,
  TEXT_LIMITS,
} from '@scr/shared';
import { HouseholdMembershipInput, PersonInput } from '../../gql/graphql';

/** A household membership as the form holds it: dates as typed, in UK order. */
export interface HouseholdDraft {
  household: string;
  from: string;
  to: string;
  knownToAgencies: boolean;
  note: string;
}

export interface PersonDraft {
  pseudonym: string;
  relationship: string;
  name: string;
  /** The other names the person was known by, as typed: separated by commas. */
  aliases: string;
  sex: SexName;
  bornOn: string;
  ageAtPeriodStart: string;
  diedOn: string;
  deceased: boolean;
  isSubjectChild: boolean;
  households: HouseholdDraft[];
}

export const EMPTY_PERSON: PersonDraft = {
  pseudonym: '',
  relationship: '',
  name: '',
  aliases: '',
  sex: 'NOT_KNOWN',
  bornOn: '',
  ageAtPeriodStart: '',
  diedOn: '',
  deceased: false,
  isSubjectChild: false,
  households: [],
};

export const EMPTY_HOUSEHOLD: HouseholdDraft = {
  household: '',
  from: '',
  to: '',
  knownToAgencies: true,
  note: '',
};

/** A stored partial date as a reader writes it: "3 Apr 2022", "Apr 2022", "2022"; '' for none. */
export function showPartialDate(value: string | null | undefined): string {
  if (!value) return '';
  return formatPartialDate(value, granularityOf(value) ?? 'DAY');
}

/**
 * A date typed in UK order ("3/4/2022", "April 2022", "2022") as stored (`YYYY-MM-DD`, `YYYY-MM`
 * or `YYYY`); null when blank. An approximate date ("c. 2022") keeps its day, month or year.
 * Throws a sentence naming the field when the text is not a date.
 */
export function partialDateOf(text: string, label: string): string | null {
  if (!text.trim()) return null;
  const read = readUkDate(text);
  if (typeof read === 'string') throw new Error(`${label}: ${read}`);
  if (read.time) throw new Error(`${label}: a date without a time of day, please`);
  return read.occurredOn;
}

/** The form of a person as stored. */
export function draftOf(person: {
  pseudonym: string;
  relationship?: string | null;
  name?: string | null;
  aliases?: string[];
  sex: SexName;
  bornOn?: string | null;
  ageAtPeriodStart?: number | null;
  diedOn?: string | null;
  deceased: boolean;
  isSubjectChild: boolean;
  households: {
    household: string;
    from?: string | null;
    to?: string | null;
    knownToAgencies: boolean;
    note?: string | null;
  }[];
}): PersonDraft {
  return {
    pseudonym: person.pseudonym,
    relationship: person.relationship ?? '',
    name: person.name ?? '',
    aliases: (person.aliases ?? []).join(', '),
    sex: person.sex,
    bornOn: showPartialDate(person.bornOn),
    ageAtPeriodStart: person.ageAtPeriodStart == null ? '' : String(person.ageAtPeriodStart),
    diedOn: showPartialDate(person.diedOn),
    deceased: person.deceased,
    isSubjectChild: person.isSubjectChild,
    households: person.households.map((m) => ({
      household: m.household,
      from: showPartialDate(m.from),
      to: showPartialDate(m.to),
      knownToAgencies: m.knownToAgencies,
      note: m.note ?? '',
    })),
  };
}

/** A saved person as the form holds it where the two differ: the other names as one text. */
export function recordAsForm(record: Record<string, unknown>): Record<string, unknown> {
  return Array.isArray(record.aliases) ? { ...record, aliases: record.aliases.join(', ') } : record;
}

/**
 * The other names typed in "Also known as", separated by commas or line breaks: each trimmed,
 * blanks dropped, a name typed twice (in any case) kept once. Throws a sentence when there are
 * too many or one is too long.
 */
export function aliasesOf(text: string): string[] {
  const aliases: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const alias = part.trim();
    if (!alias) continue;
    if (aliases.some((a) => a.toLocaleLowerCase() === alias.toLocaleLowerCase())) continue;
    if (alias.length > TEXT_LIMITS.personAlias)
      throw new Error(
        `Also known as: “${alias.slice(0, 20)}…” is longer than ${TEXT_LIMITS.personAlias} characters`,
      );
    aliases.push(alias);
  }
  if (aliases.length > MAX_PERSON_ALIASES)
    throw new Error(`Also known as: at most ${MAX_PERSON_ALIASES} names, please`);
  return aliases;
}

/**
 * What is sent: blanks become null, dates are read in UK order, and the real name and other
 * names only from someone allowed to see them. Throws a sentence when a date, the age or the
 * other names cannot be read.
 */
export function inputOf(draft: PersonDraft, canReadRealNames: boolean): PersonInput {
  const blankToNull = (value: string) => value.trim() || null;
  const age = draft.ageAtPeriodStart.trim();
  if (age && !/^\d{1,3}$/.test(age)) throw new Error('Age at the start: whole years, please');
  const households: HouseholdMembershipInput[] = draft.households
    .filter((m) => m.household.trim())
    .map((m) => ({
      household: m.household.trim(),
      from: partialDateOf(m.from, `${m.household.trim()} from`),
      to: partialDateOf(m.to, `${m.household.trim()} to`),
      knownToAgencies: m.knownToAgencies,
      note: blankToNull(m.note),
    }));
  const diedOn = partialDateOf(draft.diedOn, 'Died');
  return {
    pseudonym: draft.pseudonym.trim(),
    relationship: blankToNull(draft.relationship),
    sex: draft.sex,
    bornOn: partialDateOf(draft.bornOn, 'Born'),
    ageAtPeriodStart: age ? Number(age) : null,
    diedOn,
    deceased: draft.deceased || diedOn !== null,
    isSubjectChild: draft.isSubjectChild,
    households,
    ...(canReadRealNames ? { name: draft.name.trim(), aliases: aliasesOf(draft.aliases) } : {}),
  };
}

/** The marks of the person × agency table, each with its word for the key and for screen readers. */
export const CONTACT_MARKS: {
  key: ContactKey;
  contact: ContactTypeName;
  mark: string;
  word: string;
}[] = [
  { key: 'seen', contact: 'SEEN', mark: '●', word: 'seen' },
  { key: 'seenAlone', contact: 'SEEN_ALONE', mark: '◉', word: 'seen alone' },
  { key: 'spokenTo', contact: 'SPOKEN_TO', mark: '☎', word: 'spoken to' },
  { key: 'mentioned', contact: 'MENTIONED', mark: '○', word: 'only mentioned' },
];

type ContactKey = 'seen' | 'seenAlone' | 'spokenTo' | 'mentioned';
export type ContactCounts = Record<ContactKey, number>;

/** One cell of the table: the marks with their counts, and the same in words; empty when none. */
export function contactCell(counts: ContactCounts | undefined): {
  parts: { mark: string; count: number; word: string }[];
  words: string;
} {
  const parts = CONTACT_MARKS.filter((m) => (counts?.[m.key] ?? 0) > 0).map((m) => ({
    mark: m.mark,
    count: counts![m.key],
    word: m.word,
  }));
  return {
    parts,
    words: parts.length ? parts.map((p) => `${p.count} ${p.word}`).join(', ') : 'no events',
  };
}

/** Named in events but never seen by anyone: the row the table flags. */
export function neverSeen(counts: (ContactCounts & { total: number }) | undefined): boolean {
  return !!counts && counts.total > 0 && counts.seen + counts.seenAlone === 0;
}
