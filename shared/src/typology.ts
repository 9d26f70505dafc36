/**
 * The six-category typology of findings of the Learning Together model: SCIE's "underlying
 * patterns that contribute to good practice or make problematic practice more likely", in SCIE's
 * order. Number and list the categories in this order wherever they appear.
 */
export const FINDING_CATEGORIES = [
  'TOOLS',
  'MANAGEMENT_SYSTEMS',
  'INCIDENTS_AND_CRISES',
  'LONGER_TERM_WORK',
  'FAMILY_PROFESSIONAL_INTERACTION',
  'HUMAN_REASONING',
] as const;
export type FindingCategoryName = (typeof FINDING_CATEGORIES)[number];

/** Where the typology's wording and order come from. */
export const FINDING_TYPOLOGY_SOURCE =
  'SCIE guide 24, Learning together to safeguard children: a "systems" model for case reviews, appendix 6';

export interface FindingCategoryDescription {
  label: string;
  /** What belongs in the category. */
  typicalPatterns: string;
}

export const FINDING_CATEGORY_DESCRIPTIONS: Record<
  FindingCategoryName,
  FindingCategoryDescription
> = {
  TOOLS: {
    label: 'Patterns in human–tool operation',
    typicalPatterns:
      'assessment frameworks, forms and IT systems, and how they shape what gets seen and recorded',
  },
  MANAGEMENT_SYSTEMS: {
    label: 'Patterns in human–management system operation',
    typicalPatterns:
      'demand and capacity, targets, supervision, procedures, and how they shape practice',
  },
  INCIDENTS_AND_CRISES: {
    label:
      'Patterns in communication and collaboration in multi-agency working in response to incidents/crises',
    typicalPatterns:
      'referrals, the front door, strategy discussions, feedback after a referral, access to expert assessments, gaps in provision, disputes over funding or responsibility, overlooking the wider needs of the children',
  },
  LONGER_TERM_WORK: {
    label:
      'Patterns in communication and collaboration in multi-agency working in assessment and longer-term work',
    typicalPatterns:
      'roles and responsibility over time, who holds the whole picture, access to expert assessments, gaps in provision, disputes over funding or responsibility, overlooking the wider needs of the children, drift',
  },
  FAMILY_PROFESSIONAL_INTERACTION: {
    label: 'Patterns in family–professional interaction',
    typicalPatterns:
      "engagement, hostility, apparent co-operation, the child's voice, men in the household",
  },
  HUMAN_REASONING: {
    label: 'Patterns in human judgement and reasoning (innate cognitive and emotional biases)',
    typicalPatterns: 'fixed views, optimism, confirmation bias, anxiety, attention',
  },
};

/** The category's number in the typology, 1–6. */
export function findingCategoryNumber(category: FindingCategoryName): number {
  return FINDING_CATEGORIES.indexOf(category) + 1;
}

/** The category as listed: its number and label, e.g. "1. Patterns in human–tool operation". */
export function numberedCategoryLabel(category: FindingCategoryName): string {
  return `${findingCategoryNumber(category)}. ${FINDING_CATEGORY_DESCRIPTIONS[category].label}`;
}

/** What a reference backing a finding's prevalence points at. */
export const REFERENCE_KINDS = ['OTHER_REVIEW', 'AUDIT', 'RESEARCH', 'NATIONAL_DATA'] as const;
export type ReferenceKindName = (typeof REFERENCE_KINDS)[number];

export const REFERENCE_KIND_LABELS: Record<ReferenceKindName, string> = {
  OTHER_REVIEW: 'Another review',
  AUDIT: 'Audit',
  RESEARCH: 'Research',
  NATIONAL_DATA: 'National data',
};

/** Whether a reference's address may be stored and shown as a link: http or https only. */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i.test(url);
}
