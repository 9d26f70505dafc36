/**
 * The anonymisation check run before a review is published: what in its texts could identify the
 * child, the family or the practitioners. Pure: it is given the names to look for and the texts,
 * and returns each problem with the record, the field, a short excerpt and where it is fixed.
 *
 * Agencies are named in published reviews, so the names in the review's agency register are not
 * problems, even when they name a school or a GP practice ("Northmoor Academy" as an agency).
 */

export enum PublicationProblemKind {
  REAL_NAME = 'REAL_NAME',
  PRACTITIONER_NAME = 'PRACTITIONER_NAME',
  DATE_OF_BIRTH = 'DATE_OF_BIRTH',
  POSTCODE = 'POSTCODE',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  ADDRESS = 'ADDRESS',
  NAMED_PLACE = 'NAMED_PLACE',
  READINESS = 'READINESS',
}

/** One text of the review to scan: which record, which field, and the client path to fix it. */
export interface ScannedText {
  recordType: string;
  recordId: string;
  field: string;
  text: string;
  /** a client path relative to the review, e.g. "episodes/<id>" */
  fixAt: string;
}

export interface PublicationProblem {
  recordType: string;
  recordId: string;
  field: string;
  excerpt: string;
  kind: PublicationProblemKind;
  fixAt: string;
}

/** A person of the review's people register, with the names that must not be published. */
export interface NamedPerson {
  name: string | null;
  aliases: readonly string[];
}

export interface AnonymisationInput {
  people: readonly NamedPerson[];
  /** practitioners' names recorded by the chronology import ("recorded by …") */
  practitioners: readonly string[];
  /** names the review may publish: its agencies' register names */
  allowedNames: readonly string[];
  texts: readonly ScannedText[];
}

/** At most this many characters in an excerpt. */
export const MAX_EXCERPT = 80;

/** Titles and words that are never a name on their own. */
const NOT_A_NAME = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'the',
  'and',
  'of',
  'de',
  'la',
  'van',
  'von',
]);

const LETTER = '\\p{L}\\p{N}';
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The name as a whole word, in any case, possibly possessive; never inside another word. */
export function wordPattern(terms: readonly string[]): RegExp | null {
  const unique = [...new Set(terms.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean))];
  if (unique.length === 0) return null;
  // Longest first, so "Maisie Ward" is one match rather than "Maisie".
  unique.sort((a, b) => b.length - a.length);
  const alternatives = unique.map((t) => escape(t).replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![${LETTER}])(?:${alternatives})(?:['’]s)?(?![${LETTER}])`, 'giu');
}

/** The full name and each word of it that can stand for the person. */
export function nameTerms(name: string): string[] {
  const full = name.trim();
  if (!full) return [];
  const words = full
    .split(/[\s]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}'’-]+$/gu, ''))
    .filter((w) => w.length >= 2 && !NOT_A_NAME.has(w.toLowerCase()));
  return [full, words.join(' '), ...words];
}

/** A practitioner's name without the role in front ("HV Patel" → "HV Patel", "Patel"). */
export function practitionerTerms(name: string): string[] {
  const full = name.trim();
  if (!full) return [];
  // Role abbreviations (HV, SW, GP, PC) are written in capitals; the name words are not.
  const words = full
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}'’-]+$/gu, ''))
    .filter((w) => w.length >= 2 && w !== w.toUpperCase() && !NOT_A_NAME.has(w.toLowerCase()));
  return [full, words.join(' '), ...words];
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+\\d{4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`;

const STREET =
  '(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Court|Place|Terrace|Gardens|Grove|Rise|Walk|Row|Square|Mews|Parade|Hill|View)';
const PLACE =
  "(?:Primary School|Infant School|Junior School|Secondary School|High School|Nursery School|Grammar School|School|Academy|College|Medical Practice|Medical Centre|Health Centre|Surgery|Children's Centre|Children’s Centre)";
const PROPER = "[A-Z][\\p{L}'’.-]*";

/** Words that start a phrase without naming anything: "The School", "Primary School". */
const GENERIC_START = new Set([
  'the',
  'a',
  'an',
  'her',
  'his',
  'their',
  'our',
  'this',
  'that',
  'its',
  'primary',
  'secondary',
  'infant',
  'junior',
  'high',
  'nursery',
  'grammar',
  'local',
  'special',
  'new',
  'gp',
  'medical',
  'health',
  'in',
  'at',
  'to',
  'from',
  'by',
  'with',
]);

interface Detector {
  kind: PublicationProblemKind;
  pattern: RegExp;
  /** the part of the match to show and to test, when not all of it */
  accept?: (match: RegExpExecArray) => string | null;
}

const FIXED_DETECTORS: Detector[] = [
  {
    kind: PublicationProblemKind.DATE_OF_BIRTH,
    pattern: new RegExp(
      `(?<![${LETTER}])(?:d\\.o\\.b\\.?|dob|date\\s+of\\s+birth)(?![${LETTER}])|(?<![${LETTER}])born\\s+(?:on\\s+)?(?:the\\s+)?${DATE}`,
      'giu',
    ),
  },
  {
    kind: PublicationProblemKind.EMAIL,
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gu,
  },
  {
    kind: PublicationProblemKind.POSTCODE,
    pattern:
      /(?<![\p{L}\p{N}])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/gu,
  },
  {
    kind: PublicationProblemKind.PHONE,
    pattern:
      /(?<![\p{L}\p{N}+])(?:\+44\s?(?:\(0\)\s?)?[1-9]|\(?0[1-9])(?:[\s-]?\)?\s?\d){8,9}(?![\p{L}\p{N}])/gu,
  },
  {
    kind: PublicationProblemKind.ADDRESS,
    pattern: new RegExp(
      `(?<![${LETTER}/.-])\\d{1,4}[a-zA-Z]?,?\\s+(?:${PROPER}\\s+){1,3}${STREET}\\.?(?![${LETTER}])`,
      'gu',
    ),
  },
  {
    kind: PublicationProblemKind.NAMED_PLACE,
    pattern: new RegExp(
      `(?<![${LETTER}])(?:(?:St\\.?|Saint)\\s+)?(?:${PROPER}\\s+){1,3}${PLACE}(?![${LETTER}])`,
      'gu',
    ),
    accept: (match) => {
      // Leading generic words are dropped; what is left must still name something.
      const words = match[0].split(/\s+/);
      const placeWords = PLACE_WORDS.exec(match[0])?.[0].split(/\s+/).length ?? 1;
      let start = 0;
      while (
        start < words.length - placeWords &&
        GENERIC_START.has(words[start].toLowerCase()) &&
        !/^(st\.?|saint)$/i.test(words[start])
      )
        start++;
      if (start >= words.length - placeWords) return null;
      return words.slice(start).join(' ');
    },
  },
];
const PLACE_WORDS = new RegExp(`${PLACE}$`, 'u');

/** A short window around the match, with the match itself, never longer than MAX_EXCERPT. */
export function excerptOf(text: string, index: number, length: number): string {
  const shown = Math.min(length, MAX_EXCERPT - 2);
  const room = Math.max(0, MAX_EXCERPT - 2 - shown);
  const before = Math.min(index, Math.floor(room / 2));
  const after = room - before;
  const start = index - before;
  const end = Math.min(text.length, index + shown + after);
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

/** Every problem in the texts, in the order of the texts and, within one, of the matches. */
export function findProblems(input: AnonymisationInput): PublicationProblem[] {
  const realNames = wordPattern(
    input.people.flatMap((p) => [...nameTerms(p.name ?? ''), ...p.aliases.flatMap(nameTerms)]),
  );
  const practitioners = wordPattern(input.practitioners.flatMap(practitionerTerms));
  const allowed = input.allowedNames.map((n) => n.trim().toLowerCase()).filter(Boolean);
  const detectors: Detector[] = [
    ...(realNames ? [{ kind: PublicationProblemKind.REAL_NAME, pattern: realNames }] : []),
    ...(practitioners
      ? [{ kind: PublicationProblemKind.PRACTITIONER_NAME, pattern: practitioners }]
      : []),
    ...FIXED_DETECTORS,
  ];

  const problems: PublicationProblem[] = [];
  for (const scanned of input.texts) {
    const text = scanned.text;
    if (!text) continue;
    const lower = text.toLowerCase();
    // Where the agencies' own names stand: nothing found inside them is a problem.
    const allowedSpans: [number, number][] = [];
    for (const name of allowed) {
      for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1))
        allowedSpans.push([at, at + name.length]);
    }
    const taken: [number, number][] = [];
    for (const detector of detectors) {
      detector.pattern.lastIndex = 0;
      for (let match = detector.pattern.exec(text); match; match = detector.pattern.exec(text)) {
        const shown = detector.accept ? detector.accept(match) : match[0];
        if (!shown) continue;
        const index = match.index + match[0].length - shown.length;
        const end = index + shown.length;
        if (allowedSpans.some(([from, to]) => index >= from && end <= to)) continue;
        // A span already reported (a real name that is also a practitioner's) is reported once.
        if (taken.some(([from, to]) => index < to && end > from)) continue;
        taken.push([index, end]);
        problems.push({
          recordType: scanned.recordType,
          recordId: scanned.recordId,
          field: scanned.field,
          excerpt: excerptOf(text, index, shown.length),
          kind: detector.kind,
          fixAt: scanned.fixAt,
        });
      }
    }
  }
  return problems;
}

/** The practitioners' names in an event's source as the chronology import writes it. */
export function practitionersInSource(source: string | null | undefined): string[] {
  if (!source) return [];
  return [...source.matchAll(/recorded by\s+([^;]+)/giu)].map((m) => m[1].trim()).filter(Boolean);
}
