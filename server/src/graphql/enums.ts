import { registerEnumType } from '@nestjs/graphql';
import {
  AGENCY_SECTORS,
  BOARD_ACTION_STATUSES,
  CONVERSATION_FORMATS,
  CONVERSATION_KINDS,
  DATE_PRECISIONS,
  FACTOR_LEVELS,
  FACTOR_TIERS,
  FINDING_CATEGORIES,
  FINDING_TYPOLOGY_SOURCE,
  PATTERN_EFFECTS,
  PATTERN_EFFECT_LABELS,
  REFERENCE_KINDS,
  REFERENCE_KIND_LABELS,
  METHODOLOGIES,
  PERSON_RELATIONSHIP_KINDS,
  CONTACT_TYPES,
  CONTACT_TYPE_LABELS,
  SEXES,
  PRACTICE_APPRAISALS,
  REVIEW_ROLES,
  REVIEW_STATUSES,
  REVIEW_TYPES,
  THEME_KINDS,
  numberedCategoryLabel,
} from '@scr/shared';

function enumOf<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
}

/** The GraphQL enums of the contract, built from the shared vocabularies so they cannot drift. */
export const ReviewType = enumOf(REVIEW_TYPES);
export const ReviewStatus = enumOf(REVIEW_STATUSES);
export const ReviewRole = enumOf(REVIEW_ROLES);
export const AgencySector = enumOf(AGENCY_SECTORS);
export const DatePrecision = enumOf(DATE_PRECISIONS);
export const PracticeAppraisal = enumOf(PRACTICE_APPRAISALS);
export const FactorLevel = enumOf(FACTOR_LEVELS);
export const PatternEffect = enumOf(PATTERN_EFFECTS);
export const FactorTier = enumOf(FACTOR_TIERS);
export const Methodology = enumOf(METHODOLOGIES);
export const FindingCategory = enumOf(FINDING_CATEGORIES);
export const ReferenceKind = enumOf(REFERENCE_KINDS);
export const ThemeKind = enumOf(THEME_KINDS);
export const PersonRelationshipKind = enumOf(PERSON_RELATIONSHIP_KINDS);
export const BoardActionStatus = enumOf(BOARD_ACTION_STATUSES);
export const Sex = enumOf(SEXES);
export const ContactType = enumOf(CONTACT_TYPES);
export const ConversationKind = enumOf(CONVERSATION_KINDS);
export const ConversationFormat = enumOf(CONVERSATION_FORMATS);

registerEnumType(ReviewType, { name: 'ReviewType' });
registerEnumType(ReviewStatus, { name: 'ReviewStatus' });
registerEnumType(ReviewRole, { name: 'ReviewRole', description: 'Role on one review' });
registerEnumType(AgencySector, { name: 'AgencySector' });
registerEnumType(DatePrecision, { name: 'DatePrecision' });
registerEnumType(PracticeAppraisal, { name: 'PracticeAppraisal' });
registerEnumType(FactorLevel, { name: 'FactorLevel' });
registerEnumType(FactorTier, {
  name: 'FactorTier',
  description: 'The tier of the framework: frontline practice, local strategic or national',
});
registerEnumType(Methodology, { name: 'Methodology' });
registerEnumType(Sex, { name: 'Sex', description: 'Female, male or not known' });
registerEnumType(ContactType, {
  name: 'ContactType',
  description: 'The contact a professional had with a person at an event',
  valuesMap: Object.fromEntries(
    CONTACT_TYPES.map((contact) => [contact, { description: CONTACT_TYPE_LABELS[contact] }]),
  ),
});
registerEnumType(FindingCategory, {
  name: 'FindingCategory',
  description: `The six-category typology of findings, numbered 1–6 in this order: ${FINDING_CATEGORIES.join(', ')} (${FINDING_TYPOLOGY_SOURCE})`,
  valuesMap: Object.fromEntries(
    FINDING_CATEGORIES.map((category) => [
      category,
      { description: numberedCategoryLabel(category) },
    ]),
  ),
});
registerEnumType(PatternEffect, {
  name: 'PatternEffect',
  description:
    'Whether a pattern contributes to good practice or makes problematic practice more likely',
  valuesMap: Object.fromEntries(
    PATTERN_EFFECTS.map((effect) => [effect, { description: PATTERN_EFFECT_LABELS[effect] }]),
  ),
});
registerEnumType(ReferenceKind, {
  name: 'ReferenceKind',
  description: "What a reference backing a finding's prevalence points at",
  valuesMap: Object.fromEntries(
    REFERENCE_KINDS.map((kind) => [kind, { description: REFERENCE_KIND_LABELS[kind] }]),
  ),
});
registerEnumType(ThemeKind, { name: 'ThemeKind' });
registerEnumType(PersonRelationshipKind, { name: 'PersonRelationshipKind' });
registerEnumType(BoardActionStatus, { name: 'BoardActionStatus' });
registerEnumType(ConversationKind, {
  name: 'ConversationKind',
  description: 'Whom a conversation of the review was with',
});
registerEnumType(ConversationFormat, {
  name: 'ConversationFormat',
  description: 'How a conversation of the review took place',
});
