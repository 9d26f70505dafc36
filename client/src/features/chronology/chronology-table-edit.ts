import { parsePartialDate } from '@scr/shared';
import { readUkDateInput, ukDateText } from '../../components/UkDateInput';
import type { ContactType, UpdateTimelineEventInput } from '../../gql/graphql';
import type { ChronologyRow } from './chronology-table-rows';

/** What the inline editor holds while someone types: every field as the input shows it (the date day-month-year). */
export interface ChronologyDraft {
  occurredOn: string;
  approximate: boolean;
  timeOfDay: string;
  agencyId: string;
  title: string;
  description: string;
  source: string;
  /** The people named and the contact with each; absent when the row did not say. */
  personContacts?: { personId: string; contact: ContactType }[];
}

function contactsOf(row: ChronologyRow) {
  return row.peopleContacts
    ? {
        personContacts: row.peopleContacts.map((c) => ({
          personId: c.person.id,
          contact: c.contact,
        })),
      }
    : {};
}

export function draftFromRow(row: ChronologyRow): ChronologyDraft {
  return {
    ...contactsOf(row),
    occurredOn: ukDateText(row.occurredOn),
    approximate: row.precision === 'APPROXIMATE',
    timeOfDay: row.timeOfDay ?? '',
    agencyId: row.agency?.id ?? '',
    title: row.title,
    description: row.description ?? '',
    source: row.source ?? '',
  };
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** What to correct before saving, and in which input. */
export interface DraftProblem {
  field: 'occurredOn' | 'timeOfDay' | 'title';
  message: string;
}

/**
 * The update the draft asks for, or what to correct. Without "approximate" the
 * precision is left to the date's own form (a day, a month or a year).
 */
export function inputFromDraft(draft: ChronologyDraft): UpdateTimelineEventInput | DraftProblem {
  const read = readUkDateInput(draft.occurredOn, true);
  if ('problem' in read) return { field: 'occurredOn', message: read.problem };
  const occurredOn = read.iso;
  const date = parsePartialDate(occurredOn, draft.approximate ? 'APPROXIMATE' : null);
  if (typeof date === 'string') {
    const message = occurredOn
      ? `${date}.`
      : 'Give the date as dd/mm/yyyy, or mm/yyyy or yyyy when only the month or year is known.';
    return { field: 'occurredOn', message };
  }
  const timeOfDay = draft.timeOfDay.trim();
  if (timeOfDay && !TIME.test(timeOfDay)) {
    return { field: 'timeOfDay', message: 'Give the time of day as HH:MM, such as 09:30.' };
  }
  const title = draft.title.trim();
  if (!title) return { field: 'title', message: 'Give the entry a title.' };
  return {
    occurredOn,
    precision: draft.approximate ? 'APPROXIMATE' : null,
    timeOfDay: timeOfDay || null,
    agencyId: draft.agencyId || null,
    title,
    description: draft.description.trim() || null,
    source: draft.source.trim() || null,
    ...(draft.personContacts ? { personContacts: draft.personContacts } : {}),
  };
}

export function isProblem(result: UpdateTimelineEventInput | DraftProblem): result is DraftProblem {
  return 'message' in result;
}

/** The update that puts a row back as it was: what "Undo" sends. */
export function inputFromRow(row: ChronologyRow): UpdateTimelineEventInput {
  return {
    occurredOn: row.occurredOn,
    precision: row.precision,
    timeOfDay: row.timeOfDay ?? null,
    agencyId: row.agency?.id ?? null,
    title: row.title,
    description: row.description ?? null,
    source: row.source ?? null,
    ...contactsOf(row),
  };
}

/**
 * The row as someone else saved it, from the record a CONFLICT carries (plain columns: the
 * agency by id), over the row as it was read.
 */
export function rowFromSaved(row: ChronologyRow, saved: Record<string, unknown>): ChronologyRow {
  const text = (key: string, fallback: string | null | undefined) =>
    key in saved ? ((saved[key] as string | null) ?? null) : (fallback ?? null);
  const agencyId = 'agencyId' in saved ? (saved.agencyId as string | null) : row.agency?.id;
  return {
    ...row,
    occurredOn: text('occurredOn', row.occurredOn) ?? row.occurredOn,
    precision: (saved.precision as ChronologyRow['precision'] | undefined) ?? row.precision,
    timeOfDay: text('timeOfDay', row.timeOfDay),
    title: text('title', row.title) ?? row.title,
    description: text('description', row.description),
    source: text('source', row.source),
    agency: agencyId
      ? { id: agencyId, name: agencyId === row.agency?.id ? row.agency.name : '' }
      : null,
    version: typeof saved.version === 'number' ? saved.version : row.version,
  };
}
