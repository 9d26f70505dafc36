/** Sex as a genogram draws it: square, circle, or diamond when not known. */
export const SEXES = ['FEMALE', 'MALE', 'NOT_KNOWN'] as const;
export type SexName = (typeof SEXES)[number];

export const SEX_LABELS: Record<SexName, string> = {
  FEMALE: 'Female',
  MALE: 'Male',
  NOT_KNOWN: 'Not known',
};

/**
 * What contact a professional had with a person at an event. `MENTIONED` means no contact: the
 * person was talked about, not seen or spoken to. `SEEN_ALONE` is meant for children.
 */
export const CONTACT_TYPES = ['SEEN', 'SEEN_ALONE', 'SPOKEN_TO', 'MENTIONED'] as const;
export type ContactTypeName = (typeof CONTACT_TYPES)[number];

export const CONTACT_TYPE_LABELS: Record<ContactTypeName, string> = {
  SEEN: 'Seen',
  SEEN_ALONE: 'Seen alone',
  SPOKEN_TO: 'Spoken to (phone or message)',
  MENTIONED: 'Only mentioned (no contact)',
};

/** A partial date as the people register stores it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The most other names ("also known as") one person may have. */
export const MAX_PERSON_ALIASES = 20;
