import { DatePrecisionName, formatPartialDate, readUkDate } from '@scr/shared';
import type { TimelineEventInput } from '../../gql/graphql';

/** What the form for a new event holds while someone types: every field as its input shows it. */
export interface EventFormDraft {
  /** As UK records write it: 03/04/2014, 3 April 2014, 04/2014, April 2014, 2014. */
  date: string;
  /** How exact the date is: DAY, MONTH or YEAR as written, or APPROXIMATE. */
  precision: 'AS_WRITTEN' | 'APPROXIMATE';
  timeOfDay: string;
  agencyId: string;
  title: string;
  description: string;
  personIds: string[];
  source: string;
}

export const EMPTY_EVENT_FORM: EventFormDraft = {
  date: '',
  precision: 'AS_WRITTEN',
  timeOfDay: '',
  agencyId: '',
  title: '',
  description: '',
  personIds: [],
  source: '',
};

const pad = (n: string) => n.padStart(2, '0');

/** A stored date (YYYY-MM-DD, YYYY-MM or YYYY) as the form shows it: 03/04/2014, 04/2014, 2014. */
export function ukDateText(occurredOn: string): string {
  const [year, month, day] = occurredOn.split('-');
  if (day) return `${pad(day)}/${pad(month)}/${year}`;
  if (month) return `${pad(month)}/${year}`;
  return year;
}

/** The form for a copy of an event: everything but its id, the people to come when loaded. */
export function draftFromEvent(event: {
  occurredOn: string;
  precision: DatePrecisionName;
  timeOfDay?: string | null;
  agency?: { id: string } | null;
  title: string;
  description?: string | null;
  source?: string | null;
}): EventFormDraft {
  return {
    date: ukDateText(event.occurredOn),
    precision: event.precision === 'APPROXIMATE' ? 'APPROXIMATE' : 'AS_WRITTEN',
    timeOfDay: event.timeOfDay ?? '',
    agencyId: event.agency?.id ?? '',
    title: event.title,
    description: event.description ?? '',
    personIds: [],
    source: event.source ?? '',
  };
}

export interface EventFormProblem {
  field: 'date' | 'timeOfDay' | 'title';
  message: string;
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** How the date will be read, in words, or null when it cannot be. */
export function dateReading(draft: EventFormDraft): string | null {
  const read = readUkDate(draft.date);
  if (typeof read === 'string') return null;
  const precision = draft.precision === 'APPROXIMATE' ? 'APPROXIMATE' : read.precision;
  const what: Record<DatePrecisionName, string> = {
    DAY: 'a day',
    MONTH: 'a month',
    YEAR: 'a year',
    APPROXIMATE: 'approximate',
  };
  return `${formatPartialDate(read.occurredOn, precision)} (${what[precision]})`;
}

/** The event the form asks to add, or what to correct first. */
export function inputFromEventDraft(draft: EventFormDraft): TimelineEventInput | EventFormProblem {
  if (!draft.date.trim())
    return { field: 'date', message: 'Give the date, such as 03/04/2014, 04/2014 or 2014.' };
  const read = readUkDate(draft.date);
  if (typeof read === 'string') return { field: 'date', message: `${read}.` };
  const timeOfDay = draft.timeOfDay.trim() || read.time || '';
  if (timeOfDay && !TIME.test(timeOfDay))
    return { field: 'timeOfDay', message: 'Give the time of day as HH:MM, such as 09:30.' };
  const title = draft.title.trim();
  if (!title) return { field: 'title', message: 'Give the event a title.' };
  return {
    occurredOn: read.occurredOn,
    precision: draft.precision === 'APPROXIMATE' ? 'APPROXIMATE' : read.precision,
    timeOfDay: timeOfDay || null,
    agencyId: draft.agencyId || null,
    title,
    description: draft.description.trim() || null,
    personIds: draft.personIds,
    source: draft.source.trim() || null,
  };
}

export function isFormProblem(
  result: TimelineEventInput | EventFormProblem,
): result is EventFormProblem {
  return 'message' in result;
}
