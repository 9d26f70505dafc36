import {
  FINDING_CATEGORIES,
  numberedCategoryLabel,
  PATTERN_EFFECT_LABELS,
  PATTERN_EFFECTS,
  REFERENCE_KIND_LABELS,
  REFERENCE_KINDS,
} from '@scr/shared';
import { ConflictChoice, ConflictField, differingFields } from '../../components/ConflictDialog';
import {
  FindingCategory,
  FindingEditorQuery,
  FindingInput,
  PatternEffect,
  ReferenceKind,
} from '../../gql/graphql';

export type EditedFinding = NonNullable<FindingEditorQuery['review']>['findings'][number];

/** A reference as the editor holds it: an address not given is the empty text. */
export interface FormReference {
  kind: ReferenceKind;
  citation: string;
  url: string;
  reviewId: string | null;
}

/** What the editor holds while the reviewer works: the finding's parts, named as the server names them. */
export interface FindingForm {
  title: string;
  category: FindingCategory;
  effect: PatternEffect;
  statement: string;
  manifestation: string;
  notPeculiar: string;
  prevalence: string;
  references: FormReference[];
  significance: string;
  questions: string[];
  /** The review questions (terms of reference) the finding answers. */
  answersQuestionIds: string[];
  episodeIds: string[];
  factorIds: string[];
  eventIds: string[];
  themeKeys: string[];
}

export function formOf(finding: EditedFinding): FindingForm {
  return {
    title: finding.title,
    category: finding.category,
    effect: finding.effect,
    statement: finding.statement ?? '',
    manifestation: finding.manifestation ?? '',
    notPeculiar: finding.notPeculiar ?? '',
    prevalence: finding.prevalence ?? '',
    references: finding.references.map(({ kind, citation, url, reviewId }) => ({
      kind,
      citation,
      url: url ?? '',
      reviewId: reviewId ?? null,
    })),
    significance: finding.significance ?? '',
    questions: [...finding.questions],
    answersQuestionIds: [...finding.answersQuestionIds],
    episodeIds: finding.episodes.map((episode) => episode.id),
    factorIds: finding.factors.map((factor) => factor.id),
    eventIds: finding.events.map((event) => event.id),
    themeKeys: finding.themes.map((theme) => theme.key),
  };
}

/** The save's input: every part is sent, so the lists replace what is stored. */
export function inputOf(form: FindingForm): FindingInput {
  const text = (value: string) => value.trim() || null;
  return {
    title: form.title.trim(),
    category: form.category,
    effect: form.effect,
    statement: text(form.statement),
    manifestation: text(form.manifestation),
    notPeculiar: text(form.notPeculiar),
    prevalence: text(form.prevalence),
    references: form.references
      .filter((reference) => reference.citation.trim() || reference.url.trim())
      .map((reference) => ({
        kind: reference.kind,
        citation: reference.citation.trim(),
        url: text(reference.url),
        reviewId: reference.reviewId,
      })),
    significance: text(form.significance),
    questions: form.questions.map((question) => question.trim()).filter(Boolean),
    answersQuestionIds: form.answersQuestionIds,
    episodeIds: form.episodeIds,
    factorIds: form.factorIds,
    eventIds: form.eventIds,
    themeKeys: form.themeKeys,
  };
}

/** Whether saving `form` would change what `saved` holds (blank questions and spaces do not count). */
export function hasChanges(form: FindingForm, saved: FindingForm): boolean {
  return JSON.stringify(inputOf(form)) !== JSON.stringify(inputOf(saved));
}

/** Evidence as it now stands on the server, which the CONFLICT's record does not carry. */
export type SavedEvidence = Pick<FindingForm, 'episodeIds' | 'factorIds' | 'eventIds'>;

/**
 * The finding as someone else saved it, from the CONFLICT's `current` (the stored record, entity
 * field names) and, when it could be fetched, the evidence now linked to it.
 */
export function theirFinding(
  current: Record<string, unknown>,
  evidence: SavedEvidence | null,
): Partial<FindingForm> {
  const text = (key: string) => (typeof current[key] === 'string' ? (current[key] as string) : '');
  const list = (key: string) =>
    Array.isArray(current[key]) ? (current[key] as unknown[]).map(String) : [];
  const category = FINDING_CATEGORIES.find((name) => name === current.category);
  const effect = PATTERN_EFFECTS.find((name) => name === current.effect);
  return {
    title: text('title'),
    ...(category ? { category: category as FindingCategory } : {}),
    ...(effect ? { effect: effect as PatternEffect } : {}),
    statement: text('statement'),
    manifestation: text('manifestation'),
    notPeculiar: text('notPeculiar'),
    prevalence: text('prevalence'),
    ...(Array.isArray(current.references) ? { references: referencesOf(current.references) } : {}),
    significance: text('significance'),
    questions: list('questions'),
    themeKeys: list('themeKeys'),
    ...(evidence ?? {}),
  };
}

/** References from the CONFLICT's stored record, keeping only what reads as a reference. */
function referencesOf(stored: unknown[]): FormReference[] {
  return stored.flatMap((item) => {
    const reference = (item ?? {}) as Record<string, unknown>;
    const kind = REFERENCE_KINDS.find((name) => name === reference.kind);
    if (!kind || typeof reference.citation !== 'string') return [];
    return [
      {
        kind: kind as ReferenceKind,
        citation: reference.citation,
        url: typeof reference.url === 'string' ? reference.url : '',
        reviewId: typeof reference.reviewId === 'string' ? reference.reviewId : null,
      },
    ];
  });
}

export const PART_LABELS: Record<keyof FindingForm, string> = {
  title: 'Title',
  category: 'Typology category',
  effect: 'Effect of the pattern',
  statement: 'The pattern, in one sentence',
  manifestation: 'How it showed in this case',
  notPeculiar: 'How we know it is not peculiar to this case',
  prevalence: 'How widespread the pattern is',
  references: 'References',
  significance: 'Why it matters',
  questions: 'Questions for the board',
  answersQuestionIds: 'Review questions it answers',
  episodeIds: 'Evidence: episodes',
  factorIds: 'Evidence: contributory factors',
  eventIds: 'Evidence: events',
  themeKeys: 'Practice themes',
};

/** How to name the records a finding points at, so that a conflict reads as words, not ids. */
export interface EvidenceNames {
  episode(id: string): string;
  factor(id: string): string;
  event(id: string): string;
  theme(key: string): string;
}

function readable(form: Partial<FindingForm>, names: EvidenceNames): Record<string, string> {
  const lines = (ids: string[] | undefined, name: (id: string) => string) =>
    ids === undefined ? undefined : ids.map(name).join('\n');
  const text = (value: string | undefined) => (value === undefined ? undefined : value.trim());
  const shown: Record<string, string | undefined> = {
    title: text(form.title),
    category: form.category && numberedCategoryLabel(form.category),
    effect: form.effect && PATTERN_EFFECT_LABELS[form.effect],
    statement: text(form.statement),
    manifestation: text(form.manifestation),
    notPeculiar: text(form.notPeculiar),
    prevalence: text(form.prevalence),
    references: form.references
      ?.filter((reference) => reference.citation.trim() || reference.url.trim())
      .map(
        (reference) =>
          `${REFERENCE_KIND_LABELS[reference.kind]}: ${reference.citation.trim()}${reference.url.trim() ? ` (${reference.url.trim()})` : ''}`,
      )
      .join('\n'),
    significance: text(form.significance),
    questions: form.questions
      ?.map((question) => question.trim())
      .filter(Boolean)
      .map((question, index) => `${index + 1}. ${question}`)
      .join('\n'),
    episodeIds: lines(form.episodeIds, names.episode),
    factorIds: lines(form.factorIds, names.factor),
    eventIds: lines(form.eventIds, names.event),
    themeKeys: lines(form.themeKeys, names.theme),
  };
  return Object.fromEntries(
    Object.entries(shown).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** The parts where the reviewer's version and the saved one differ, in words, for the ConflictDialog. */
export function conflictingParts(
  mine: FindingForm,
  theirs: Partial<FindingForm>,
  names: EvidenceNames,
): ConflictField[] {
  const comparable = Object.fromEntries(
    Object.entries(PART_LABELS).filter(([key]) => theirs[key as keyof FindingForm] !== undefined),
  );
  return differingFields(comparable, readable(mine, names), readable(theirs, names));
}

/** The finding to save after the reviewer chose, part by part, whose version to keep. */
export function resolvedFinding(
  mine: FindingForm,
  theirs: Partial<FindingForm>,
  choice: ConflictChoice,
): FindingForm {
  const resolved: FindingForm = { ...mine };
  for (const key of Object.keys(PART_LABELS) as (keyof FindingForm)[]) {
    const their = theirs[key];
    if (choice[key] === 'theirs' && their !== undefined) {
      (resolved as unknown as Record<string, unknown>)[key] = their;
    }
  }
  return resolved;
}
