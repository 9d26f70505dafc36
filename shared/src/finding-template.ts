/**
 * The parts of a published Learning Together finding, in the order SCIE sets them out, each with
 * the question it answers in SCIE's words. Screens and exports show the parts in this order under
 * these headings.
 */
export const FINDING_TEMPLATE_PARTS = [
  {
    key: 'statement',
    heading: 'The finding',
    hint: 'One sentence: an underlying pattern in the system, not an individual’s failing.',
  },
  {
    key: 'manifestation',
    heading: 'How did the issue manifest in this case?',
    hint: 'What happened in the episodes behind it and the contributory factors that made it likely.',
  },
  {
    key: 'notPeculiar',
    heading: 'How do we know it is an underlying issue and not something peculiar to this case?',
    hint: 'The case group’s experience, other cases, what is known of how the system works for every family.',
  },
  {
    key: 'prevalence',
    heading: 'How widespread is the pattern?',
    hint: 'What other reviews, audits, research and national data show; list them as references.',
  },
  {
    key: 'significance',
    heading: 'What are the implications for the reliability of the multi-agency system?',
    hint: 'What the pattern means for how reliably the system protects children.',
  },
  {
    key: 'questions',
    heading: 'Questions for the board',
    hint: 'The partnership decides the response: pose questions rather than dictate recommendations.',
  },
] as const;

export type FindingTemplatePartKey = (typeof FINDING_TEMPLATE_PARTS)[number]['key'];

/** The heading of each part of the finding template. */
export const FINDING_PART_HEADINGS = Object.fromEntries(
  FINDING_TEMPLATE_PARTS.map((part) => [part.key, part.heading]),
) as Record<FindingTemplatePartKey, string>;

/** The hint under each part of the finding template. */
export const FINDING_PART_HINTS = Object.fromEntries(
  FINDING_TEMPLATE_PARTS.map((part) => [part.key, part.hint]),
) as Record<FindingTemplatePartKey, string>;
