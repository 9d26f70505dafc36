import { LEARNING_BRIEFING_LIST_SECTIONS } from '@scr/shared';
import type { LearningBriefingFieldsFragment, LearningBriefingInput } from '../../gql/graphql';

/** The sections as the editor holds them: lists as one text, an item a line. */
export interface LearningBriefingForm {
  title: string;
  background: string;
  methodology: string;
  goodPractice: string;
  keyFindings: string;
  learningPoints: string;
  recommendations: string;
  messagesForManagers: string;
  messagesForPractitioners: string;
  furtherInformation: string;
}

export const LIST_SECTIONS = LEARNING_BRIEFING_LIST_SECTIONS;
type ListSection = (typeof LIST_SECTIONS)[number];

/** The sections in the order the briefing prints them, with their headings. */
export const SECTION_LABELS: Record<keyof LearningBriefingForm, string> = {
  title: 'Title',
  background: 'Background',
  methodology: 'Methodology',
  goodPractice: 'Good practice',
  keyFindings: 'Key findings',
  learningPoints: 'Learning points',
  recommendations: 'Recommendations',
  messagesForManagers: 'Key messages for managers',
  messagesForPractitioners: 'Key messages for practitioners',
  furtherInformation: 'Further information',
};

const isList = (key: string): key is ListSection =>
  (LIST_SECTIONS as readonly string[]).includes(key);

const asText = (value: unknown): string =>
  Array.isArray(value) ? value.join('\n') : typeof value === 'string' ? value : '';

/** The form of a briefing as the server gives it, or of the record a CONFLICT carries. */
export function formOf(
  record: Partial<LearningBriefingFieldsFragment> | Record<string, unknown>,
): LearningBriefingForm {
  const source = record as Record<string, unknown>;
  return Object.fromEntries(
    (Object.keys(SECTION_LABELS) as (keyof LearningBriefingForm)[]).map((key) => [
      key,
      asText(source[key]),
    ]),
  ) as unknown as LearningBriefingForm;
}

/** What the save sends: every section, lists split a line an item, blank lines dropped. */
export function inputOf(form: LearningBriefingForm): LearningBriefingInput {
  const entries = (Object.keys(SECTION_LABELS) as (keyof LearningBriefingForm)[]).map((key) => [
    key,
    isList(key)
      ? form[key]
          .split('\n')
          .map((line) => line.replace(/^\s*(?:[-•✓*]|\d+[.)])\s+/, '').trim())
          .filter(Boolean)
      : form[key],
  ]);
  return Object.fromEntries(entries) as unknown as LearningBriefingInput;
}

/** Whether the form differs from the saved sections, ignoring what a save would drop. */
export function hasChanges(form: LearningBriefingForm, saved: LearningBriefingForm): boolean {
  return JSON.stringify(inputOf(form)) !== JSON.stringify(inputOf(saved));
}

/** The heading a warning's field names: "messagesForManagers[1]" → "Key messages for managers, item 2". */
export function warningPlace(field: string): string {
  const match = /^(\w+)(?:\[(\d+)\])?$/.exec(field);
  if (!match) return field;
  const label = SECTION_LABELS[match[1] as keyof LearningBriefingForm] ?? match[1];
  return match[2] === undefined ? label : `${label}, item ${Number(match[2]) + 1}`;
}
