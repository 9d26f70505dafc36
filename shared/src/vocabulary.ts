/** The vocabularies of the review model; the GraphQL enums and the database use the same names. */

export const REVIEW_TYPES = [
  'SERIOUS_CASE_REVIEW',
  'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
  'RAPID_REVIEW',
  'MULTI_AGENCY_CASE_AUDIT',
  'LEARNING_REVIEW',
] as const;
export type ReviewTypeName = (typeof REVIEW_TYPES)[number];

export const REVIEW_TYPE_LABELS: Record<ReviewTypeName, string> = {
  SERIOUS_CASE_REVIEW: 'Serious case review',
  LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW: 'Local child safeguarding practice review',
  RAPID_REVIEW: 'Rapid review',
  MULTI_AGENCY_CASE_AUDIT: 'Multi-agency case file audit',
  LEARNING_REVIEW: 'Learning review',
};

/** The stages of a review, in the order a review passes through them. */
export const REVIEW_STATUSES = [
  'SCOPING',
  'DATA_GATHERING',
  'ANALYSIS',
  'DRAFTING',
  'PUBLISHED',
  'ARCHIVED',
] as const;
export type ReviewStatusName = (typeof REVIEW_STATUSES)[number];

export const REVIEW_ROLES = ['LEAD_REVIEWER', 'REVIEW_TEAM', 'CASE_GROUP', 'OBSERVER'] as const;
export type ReviewRoleName = (typeof REVIEW_ROLES)[number];

export const AGENCY_SECTORS = [
  'CHILDRENS_SOCIAL_CARE',
  'EARLY_HELP',
  'HEALTH',
  'POLICE',
  'EDUCATION',
  'PROBATION',
  'ADULT_SERVICES',
  'HOUSING',
  'VOLUNTARY',
  'OTHER',
] as const;
export type AgencySectorName = (typeof AGENCY_SECTORS)[number];

export const METHODOLOGIES = [
  'LEARNING_TOGETHER',
  'SILP',
  'APPRECIATIVE_INQUIRY',
  'OTHER',
] as const;
export type MethodologyName = (typeof METHODOLOGIES)[number];

export const PRACTICE_APPRAISALS = ['GOOD', 'ADEQUATE', 'BELOW_EXPECTED', 'NOT_APPRAISED'] as const;
export type PracticeAppraisalName = (typeof PRACTICE_APPRAISALS)[number];

/** SCIE's levels of contributory factors, from the family outwards to the wider context. */
export const FACTOR_LEVELS = [
  'FAMILY',
  'PERSONAL',
  'ROLE',
  'CONDITIONS_OF_WORK',
  'OWN_TEAM',
  'INTER_AGENCY',
  'ORGANISATION',
  'WIDER_CONTEXT',
] as const;
export type FactorLevelName = (typeof FACTOR_LEVELS)[number];

export const FACTOR_LEVEL_LABELS: Record<FactorLevelName, string> = {
  FAMILY: 'The family',
  PERSONAL: 'Personal (mindset, reasoning, attention)',
  ROLE: 'The role',
  CONDITIONS_OF_WORK: 'Conditions of work',
  OWN_TEAM: "The practitioner's own team",
  INTER_AGENCY: 'The inter-agency team',
  ORGANISATION: 'Organisational culture and management',
  WIDER_CONTEXT: 'The wider political and social context',
};

export const THEME_KINDS = ['CASE_CHARACTERISTIC', 'PRACTICE_THEME'] as const;
export type ThemeKindName = (typeof THEME_KINDS)[number];

export const PERSON_RELATIONSHIP_KINDS = [
  'PARENT_OF',
  'PARTNER_OF',
  'SIBLING_OF',
  'LIVES_WITH',
] as const;
export type PersonRelationshipKindName = (typeof PERSON_RELATIONSHIP_KINDS)[number];

export const BOARD_ACTION_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const;
export type BoardActionStatusName = (typeof BOARD_ACTION_STATUSES)[number];

/** Statuses of an action still to be done: past its due date, such an action is overdue. */
export const OPEN_BOARD_ACTION_STATUSES: readonly BoardActionStatusName[] = [
  'PLANNED',
  'IN_PROGRESS',
];

/** Whom a conversation of the review was with: practitioners, or the family. */
export const CONVERSATION_KINDS = ['PRACTITIONERS', 'FAMILY'] as const;
export type ConversationKindName = (typeof CONVERSATION_KINDS)[number];

/** How a conversation of the review took place. */
export const CONVERSATION_FORMATS = [
  'INDIVIDUAL_CONVERSATION',
  'GROUP_LEARNING_EVENT',
  'WRITTEN',
] as const;
export type ConversationFormatName = (typeof CONVERSATION_FORMATS)[number];

/** The themes every installation starts with; administrators add more. */
export const STARTER_THEMES: { key: string; label: string; kind: ThemeKindName }[] = [
  {
    key: 'previous-social-care-involvement',
    label: 'Previous social care involvement',
    kind: 'CASE_CHARACTERISTIC',
  },
  { key: 'neglect', label: 'Neglect', kind: 'CASE_CHARACTERISTIC' },
  { key: 'domestic-abuse', label: 'Domestic abuse', kind: 'CASE_CHARACTERISTIC' },
  {
    key: 'parental-mental-health',
    label: 'Parental mental ill-health',
    kind: 'CASE_CHARACTERISTIC',
  },
  { key: 'parental-alcohol-misuse', label: 'Parental alcohol misuse', kind: 'CASE_CHARACTERISTIC' },
  { key: 'parental-drug-misuse', label: 'Parental drug misuse', kind: 'CASE_CHARACTERISTIC' },
  {
    key: 'parental-learning-disability',
    label: 'Parental learning disability',
    kind: 'CASE_CHARACTERISTIC',
  },
  { key: 'disguised-compliance', label: 'Disguised compliance', kind: 'CASE_CHARACTERISTIC' },
  { key: 'child-under-one', label: 'Child under one', kind: 'CASE_CHARACTERISTIC' },
  { key: 'child-with-disability', label: 'Child with a disability', kind: 'CASE_CHARACTERISTIC' },
  {
    key: 'previous-child-protection-plan',
    label: 'Previous child protection plan',
    kind: 'CASE_CHARACTERISTIC',
  },
  {
    key: 'graded-care-profile-used',
    label: 'Graded Care Profile used',
    kind: 'CASE_CHARACTERISTIC',
  },
  {
    key: 'child-criminal-exploitation',
    label: 'Child criminal exploitation',
    kind: 'CASE_CHARACTERISTIC',
  },
  {
    key: 'child-sexual-exploitation',
    label: 'Child sexual exploitation',
    kind: 'CASE_CHARACTERISTIC',
  },
  { key: 'going-missing', label: 'Going missing', kind: 'CASE_CHARACTERISTIC' },
  {
    key: 'exclusion-from-school',
    label: 'Exclusion from school or not in education',
    kind: 'CASE_CHARACTERISTIC',
  },
  { key: 'extra-familial-harm', label: 'Extra-familial harm', kind: 'CASE_CHARACTERISTIC' },
  { key: 'escalation', label: 'Escalation of concerns', kind: 'PRACTICE_THEME' },
  { key: 'thresholds', label: 'Thresholds', kind: 'PRACTICE_THEME' },
  { key: 'early-help-assessment', label: 'Early help assessment', kind: 'PRACTICE_THEME' },
  { key: 'information-sharing', label: 'Information sharing', kind: 'PRACTICE_THEME' },
  { key: 'voice-of-the-child', label: 'Voice of the child', kind: 'PRACTICE_THEME' },
  { key: 'professional-curiosity', label: 'Professional curiosity', kind: 'PRACTICE_THEME' },
  { key: 'supervision', label: 'Supervision', kind: 'PRACTICE_THEME' },
  { key: 'recording', label: 'Recording', kind: 'PRACTICE_THEME' },
  { key: 'involving-fathers', label: 'Involving fathers and male carers', kind: 'PRACTICE_THEME' },
  { key: 'assessment-quality', label: 'Quality of assessment', kind: 'PRACTICE_THEME' },
  { key: 'smart-planning', label: 'SMART planning', kind: 'PRACTICE_THEME' },
  { key: 'referrals-and-contacts', label: 'Referrals and contacts', kind: 'PRACTICE_THEME' },
  { key: 'strategy-discussions', label: 'Strategy discussions', kind: 'PRACTICE_THEME' },
  {
    key: 'child-protection-conferences',
    label: 'Child protection conferences',
    kind: 'PRACTICE_THEME',
  },
  { key: 'medical-information', label: 'Interpreting medical information', kind: 'PRACTICE_THEME' },
  { key: 'step-up-step-down', label: 'Step-up and step-down', kind: 'PRACTICE_THEME' },
  { key: 'drift', label: 'Drift', kind: 'PRACTICE_THEME' },
  { key: 'workload', label: 'Workload and capacity', kind: 'PRACTICE_THEME' },
  {
    key: 'transitional-safeguarding',
    label: 'Transitional safeguarding (moving to adult services)',
    kind: 'PRACTICE_THEME',
  },
  { key: 'contextual-safeguarding', label: 'Contextual safeguarding', kind: 'PRACTICE_THEME' },
];
