import { PRACTICE_APPRAISAL_LABELS, type PracticeAppraisalName } from '@scr/shared';
import type { UpdateEpisodeInput } from '../../gql/graphql';

/** The episode's own fields as the form holds them: text fields never null, '' when empty. */
export interface EpisodeFields {
  title: string;
  summary: string;
  startDate: string;
  endDate: string;
  viewFromTheTunnel: string;
  appraisal: PracticeAppraisalName;
  appraisalNarrative: string;
  explanation: string;
}

/** The form: the fields and the chronology events the episode is made of. */
export interface EpisodeDraft extends EpisodeFields {
  eventIds: string[];
}

type TextField = Exclude<keyof EpisodeFields, 'appraisal'>;
const TEXT_FIELDS: TextField[] = [
  'title',
  'summary',
  'startDate',
  'endDate',
  'viewFromTheTunnel',
  'appraisalNarrative',
  'explanation',
];

/** The parts of an episode the conflict dialog compares, in the order the editor shows them. */
export const EPISODE_FIELD_LABELS: Record<keyof EpisodeFields, string> = {
  title: 'Title',
  startDate: 'From',
  endDate: 'To',
  summary: 'What happened',
  viewFromTheTunnel: 'The view from the tunnel',
  appraisal: 'Appraisal',
  appraisalNarrative: 'Reason for the appraisal',
  explanation: 'Explanation: why it made sense at the time',
};

/** The fields of a saved episode, or of the record a CONFLICT sends back. */
export function fieldsOf(source: object): EpisodeFields {
  const record = source as Record<string, unknown>;
  const text = (key: TextField) => (typeof record[key] === 'string' ? (record[key] as string) : '');
  return {
    title: text('title'),
    summary: text('summary'),
    startDate: text('startDate'),
    endDate: text('endDate'),
    viewFromTheTunnel: text('viewFromTheTunnel'),
    appraisalNarrative: text('appraisalNarrative'),
    explanation: text('explanation'),
    appraisal: (record.appraisal as PracticeAppraisalName | undefined) ?? 'NOT_APPRAISED',
  };
}

export function draftOf(
  episode: Record<string, unknown> & { events: readonly { id: string }[] },
): EpisodeDraft {
  return { ...fieldsOf(episode), eventIds: episode.events.map((event) => event.id) };
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/** What the draft changes of the saved episode, as the server takes it; {} when nothing. */
export function changesOf(saved: EpisodeDraft, draft: EpisodeDraft): UpdateEpisodeInput {
  const input: UpdateEpisodeInput = {};
  for (const key of TEXT_FIELDS) {
    if (draft[key] !== saved[key]) input[key] = key === 'title' ? draft[key] : draft[key] || null;
  }
  if (draft.appraisal !== saved.appraisal) input.appraisal = draft.appraisal;
  if (!sameMembers(saved.eventIds, draft.eventIds)) input.eventIds = draft.eventIds;
  return input;
}

/** Every field, for a save that must leave the episode exactly as the user chose. */
export function allFieldsOf(fields: EpisodeFields): UpdateEpisodeInput {
  const input: UpdateEpisodeInput = { appraisal: fields.appraisal };
  for (const key of TEXT_FIELDS) input[key] = key === 'title' ? fields[key] : fields[key] || null;
  return input;
}

/** The fields as the conflict dialog shows them: the appraisal in words. */
export function displayedFields(fields: EpisodeFields): Record<string, string> {
  return { ...fields, appraisal: PRACTICE_APPRAISAL_LABELS[fields.appraisal] };
}

/** The fields after the user picked, part by part, their version or the saved one. */
export function chosenFields(
  mine: EpisodeFields,
  theirs: EpisodeFields,
  choice: Record<string, 'mine' | 'theirs'>,
): EpisodeFields {
  const chosen = { ...mine };
  for (const key of Object.keys(mine) as (keyof EpisodeFields)[]) {
    if (choice[key] === 'theirs') (chosen as Record<string, string>)[key] = theirs[key];
  }
  return chosen;
}
