/**
 * The longest text each field of the review model takes, in characters. The one place for these
 * numbers: the server's input validation, the bundle import and the client's inputs read them.
 */
export const TEXT_LIMITS = {
  reviewReference: 100,
  reviewTitle: 300,
  partnership: 300,
  reviewSummary: 5000,
  agencyName: 300,
  personName: 300,
  /** One other name a person was known by ("Jay"). */
  personAlias: 100,
  pseudonym: 100,
  personRelationship: 200,
  household: 200,
  householdNote: 2000,
  eventDate: 10,
  eventTitle: 500,
  eventDescription: 20000,
  eventSource: 500,
  episodeTitle: 500,
  episodeSummary: 20000,
  viewFromTheTunnel: 50000,
  appraisalNarrative: 50000,
  episodeExplanation: 50000,
  factorDescription: 20000,
  findingTitle: 500,
  findingStatement: 5000,
  /** Manifestation, not peculiar to this case, prevalence and significance. */
  findingPart: 50000,
  /** A reference backing a finding's prevalence: its citation and its address. */
  referenceCitation: 2000,
  referenceUrl: 2000,
  findingQuestion: 2000,
  /** A question of the review's terms of reference. */
  reviewQuestion: 2000,
  /** A conversation with practitioners or the family: a participant's role, the family, notes. */
  conversationRole: 200,
  conversationFamily: 2000,
  conversationNotes: 50000,
  boardActionDescription: 5000,
  droppedReason: 5000,
  /** Why a review moves to a later stage with something still missing. */
  stageOverrideReason: 2000,
  /** Why a review is published although the anonymisation check found problems. */
  publicationOverrideReason: 2000,
  /** Why a published review is reopened for correction. */
  reopenReason: 2000,
  /** Why a review is withdrawn from the corpus. */
  withdrawReason: 2000,
  impactNote: 20000,
  collectionName: 300,
  collectionDescription: 5000,
  commentBody: 5000,
  themeKey: 80,
  themeLabel: 200,
  displayName: 200,
  reviewSearch: 200,
  /** A learning briefing's title, and its background and methodology (paragraphs). */
  learningBriefingTitle: 300,
  learningBriefingText: 20000,
  /** One item of a learning briefing's lists (a finding, a learning point, a key message). */
  learningBriefingItem: 2000,
  /** Items in one list of a learning briefing. */
  learningBriefingItems: 100,
  /** A set of practice-issue briefings: its title, what it is for, how views were gathered, its source. */
  practiceSetTitle: 300,
  practiceSetPurpose: 5000,
  practiceSetGathering: 5000,
  practiceSetClosing: 2000,
  /** A practice issue: its title, one-line statement, paragraphs, and each listed reason or solution. */
  practiceIssueTitle: 300,
  practiceIssueStatement: 1000,
  practiceIssueText: 20000,
  practiceIssueItem: 5000,
  /** A practitioner's words and the role they are attributed to ("Named Nurse"). */
  practiceQuote: 5000,
  practiceQuoteRole: 200,
  practiceQuestion: 2000,
  practiceQuestionGroupTitle: 300,
} as const;

/**
 * Fields of free, multi-line text (by name, wherever they appear): these may hold line breaks
 * and tabs. Every other text is one line.
 */
export const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set([
  'summary',
  'description',
  'statement',
  'manifestation',
  'notPeculiar',
  'prevalence',
  'significance',
  'questions',
  'viewFromTheTunnel',
  'appraisalNarrative',
  'explanation',
  'droppedReason',
  'impactNote',
  'body',
  'text',
  'familyDescription',
  'notes',
  'background',
  'methodology',
  'purpose',
  'gathering',
  'whatIsTheIssue',
  'illustration',
  'reasonsFromReviews',
  'reasonsFromPractice',
  'solutions',
]);

const LINE_BREAKS_AND_TABS = new Set([0x09, 0x0a, 0x0d]);

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why a text cannot be stored, if it holds a control character (NUL among them: PostgreSQL text
 * refuses it): none is allowed but tab, line feed and carriage return, and those only in
 * multi-line text. Null when the text is fine.
 */
export function controlCharacterProblem(text: string, multiLine: boolean): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControl(code)) continue;
    if (LINE_BREAKS_AND_TABS.has(code)) {
      if (multiLine) continue;
      return `must be one line, without line breaks or tabs (found ${codePoint(code)} at character ${i + 1})`;
    }
    return `must not contain control characters (found ${codePoint(code)} at character ${i + 1})`;
  }
  return null;
}

/** Whether a field of this name holds multi-line text (`questions[2]` counts as `questions`). */
export function isMultiLineField(name: string): boolean {
  return MULTI_LINE_FIELDS.has(name.replace(/\[\d+\]$/, ''));
}
