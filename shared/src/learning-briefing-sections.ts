/**
 * The sections of a learning-lessons briefing that its author writes (seeds `002_…`, `004_…`), in
 * the order the briefing prints them: three texts, then the lists. The emerging themes are not
 * here: they are computed from the cases, never written.
 */
export const LEARNING_BRIEFING_TEXT_SECTIONS = ['title', 'background', 'methodology'] as const;

export const LEARNING_BRIEFING_LIST_SECTIONS = [
  'goodPractice',
  'keyFindings',
  'learningPoints',
  'recommendations',
  'messagesForManagers',
  'messagesForPractitioners',
  'furtherInformation',
] as const;

export const LEARNING_BRIEFING_SECTIONS = [
  ...LEARNING_BRIEFING_TEXT_SECTIONS,
  ...LEARNING_BRIEFING_LIST_SECTIONS,
] as const;

export type LearningBriefingTextSection = (typeof LEARNING_BRIEFING_TEXT_SECTIONS)[number];
export type LearningBriefingListSection = (typeof LEARNING_BRIEFING_LIST_SECTIONS)[number];
