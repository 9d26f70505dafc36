/** The six-category typology of findings of the Learning Together model (SCIE guide 24). */
export const FINDING_CATEGORIES = [
  'INCIDENTS_AND_CRISES',
  'LONGER_TERM_WORK',
  'FAMILY_PROFESSIONAL_INTERACTION',
  'HUMAN_REASONING',
  'TOOLS',
  'MANAGEMENT_SYSTEMS',
] as const;
export type FindingCategoryName = (typeof FINDING_CATEGORIES)[number];

export interface FindingCategoryDescription {
  label: string;
  typicalPatterns: string;
}

export const FINDING_CATEGORY_DESCRIPTIONS: Record<
  FindingCategoryName,
  FindingCategoryDescription
> = {
  INCIDENTS_AND_CRISES: {
    label: 'Multi-agency working in response to incidents and crises',
    typicalPatterns:
      'referral and feedback cultures, the front door, strategy discussions, knowing each other, reserve capacity',
  },
  LONGER_TERM_WORK: {
    label: 'Multi-agency working in assessment and longer-term work',
    typicalPatterns:
      'clarity of roles, shared responsibility, who is responsible for thinking, what is shared, drift, step-up and step-down',
  },
  FAMILY_PROFESSIONAL_INTERACTION: {
    label: 'Family–professional interaction',
    typicalPatterns: 'engagement, disguised compliance, voice of the child, fathers unseen',
  },
  HUMAN_REASONING: {
    label: 'Human judgement and reasoning',
    typicalPatterns: 'fixed views, optimism, confirmation bias, anxiety, attention',
  },
  TOOLS: {
    label: 'Human–tool operation',
    typicalPatterns:
      'assessment forms and frameworks (early help assessment, Graded Care Profile), IT systems shaping what gets recorded',
  },
  MANAGEMENT_SYSTEMS: {
    label: 'Human–management system operation',
    typicalPatterns:
      'demand outstripping resources, performance indicators, competing priorities, supervision, escalation procedures',
  },
};
