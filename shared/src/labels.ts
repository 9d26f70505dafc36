import type {
  AgencySectorName,
  BoardActionStatusName,
  ConversationFormatName,
  ConversationKindName,
  MethodologyName,
  PersonRelationshipKindName,
  PracticeAppraisalName,
  ReviewRoleName,
  ReviewStatusName,
} from './vocabulary';

/** The vocabularies in words, as reviewers read them on screen and in exports. */

export const REVIEW_STATUS_LABELS: Record<ReviewStatusName, string> = {
  SCOPING: 'Scoping',
  DATA_GATHERING: 'Data gathering',
  ANALYSIS: 'Analysis',
  DRAFTING: 'Drafting',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

export const REVIEW_ROLE_LABELS: Record<ReviewRoleName, string> = {
  LEAD_REVIEWER: 'Lead reviewer',
  REVIEW_TEAM: 'Review team',
  CASE_GROUP: 'Case group',
  OBSERVER: 'Observer',
};

export const AGENCY_SECTOR_LABELS: Record<AgencySectorName, string> = {
  CHILDRENS_SOCIAL_CARE: 'Children’s social care',
  EARLY_HELP: 'Early help',
  HEALTH: 'Health',
  POLICE: 'Police',
  EDUCATION: 'Education',
  PROBATION: 'Probation',
  ADULT_SERVICES: 'Adult services',
  HOUSING: 'Housing',
  VOLUNTARY: 'Voluntary sector',
  OTHER: 'Other',
};

export const METHODOLOGY_LABELS: Record<MethodologyName, string> = {
  LEARNING_TOGETHER: 'Learning Together (SCIE)',
  SILP: 'SILP',
  APPRECIATIVE_INQUIRY: 'Appreciative inquiry',
  OTHER: 'Other',
};

export const PRACTICE_APPRAISAL_LABELS: Record<PracticeAppraisalName, string> = {
  GOOD: 'Good practice',
  ADEQUATE: 'Adequate',
  BELOW_EXPECTED: 'Below what was expected',
  NOT_APPRAISED: 'Not yet appraised',
};

export const PERSON_RELATIONSHIP_LABELS: Record<PersonRelationshipKindName, string> = {
  PARENT_OF: 'parent of',
  PARTNER_OF: 'partner of',
  SIBLING_OF: 'sibling of',
  LIVES_WITH: 'lives with',
};

export const BOARD_ACTION_STATUS_LABELS: Record<BoardActionStatusName, string> = {
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  DROPPED: 'Dropped',
};

export const CONVERSATION_KIND_LABELS: Record<ConversationKindName, string> = {
  PRACTITIONERS: 'With practitioners',
  FAMILY: "The family's contribution",
};

export const CONVERSATION_FORMAT_LABELS: Record<ConversationFormatName, string> = {
  INDIVIDUAL_CONVERSATION: 'Individual conversation',
  GROUP_LEARNING_EVENT: 'Group or learning event',
  WRITTEN: 'Written contribution',
};
