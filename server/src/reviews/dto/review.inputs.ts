import { Field, InputType, Int, PartialType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  AGENCY_SECTORS,
  AgencySectorName,
  MAX_PERSON_ALIASES,
  METHODOLOGIES,
  MethodologyName,
  PERSON_RELATIONSHIP_KINDS,
  PersonRelationshipKindName,
  REVIEW_STATUSES,
  REVIEW_TYPES,
  SEXES,
  SexName,
  ReviewStatusName,
  ReviewTypeName,
  TEXT_LIMITS,
} from '@scr/shared';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  IsCalendarDay,
  IsNotBlank,
  IsPartialDate,
  MayBeOmittedNotNull,
  TrimToNull,
} from '../../common/validators';
import {
  AgencySector,
  Methodology,
  PersonRelationshipKind,
  ReviewStatus,
  ReviewType,
  Sex,
} from '../../graphql/enums';

@InputType()
export class CreateReviewInput {
  @Field({ description: "The partnership's reference, unique in this installation" })
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.reviewReference)
  reference: string;

  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.reviewTitle)
  title: string;

  @Field({ nullable: true })
  @MayBeOmittedNotNull()
  @IsString()
  @MaxLength(TEXT_LIMITS.partnership)
  partnership?: string;

  @Field(() => ReviewType)
  @IsIn(REVIEW_TYPES)
  type: ReviewTypeName;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDay()
  periodStart?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDay()
  periodEnd?: string | null;

  @Field(() => Methodology, { nullable: true })
  @MayBeOmittedNotNull()
  @IsIn(METHODOLOGIES)
  methodology?: MethodologyName;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.reviewSummary)
  summary?: string | null;
}

/** The fields of CreateReviewInput, each optional, and the stage the review is in. */
@InputType()
export class UpdateReviewInput extends PartialType(CreateReviewInput, {
  skipNullProperties: false,
}) {
  @Field(() => ReviewStatus, { nullable: true })
  @MayBeOmittedNotNull()
  @IsIn(REVIEW_STATUSES)
  status?: ReviewStatusName;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the review moves to a later stage although something is still missing for it; kept in the audit trail',
  })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.stageOverrideReason)
  stageOverrideReason?: string | null;
}

@InputType()
export class ReviewFilter {
  @Field(() => [ReviewStatus], { nullable: true })
  @IsOptional()
  @IsIn(REVIEW_STATUSES, { each: true })
  statuses?: ReviewStatusName[];

  @Field(() => [ReviewType], { nullable: true })
  @IsOptional()
  @IsIn(REVIEW_TYPES, { each: true })
  types?: ReviewTypeName[];

  @Field({ nullable: true, description: 'Words of the reference, title or partnership' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.reviewSearch)
  search?: string;
}

@InputType()
export class AgencyInput {
  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.agencyName)
  name: string;

  @Field(() => AgencySector)
  @IsIn(AGENCY_SECTORS)
  sector: AgencySectorName;
}

@InputType({ description: 'A time the person lived in a household; dates may be partial' })
export class HouseholdMembershipInput {
  @Field({ description: 'The household, e.g. "Household 1"' })
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.household)
  household: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, YYYY-MM or YYYY' })
  @IsOptional()
  @IsPartialDate()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, YYYY-MM or YYYY' })
  @IsOptional()
  @IsPartialDate()
  to?: string | null;

  @Field({ nullable: true, description: 'Whether agencies knew; true when left out' })
  @MayBeOmittedNotNull()
  @IsBoolean()
  knownToAgencies?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.householdNote)
  note?: string | null;
}

@InputType()
export class PersonInput {
  @Field({
    nullable: true,
    description: 'The real name: visible to members only, used by the anonymisation check',
  })
  @MayBeOmittedNotNull()
  @IsString()
  @MaxLength(TEXT_LIMITS.personName)
  name?: string;

  @Field({
    description: 'How the person appears in everything published, e.g. "Child A", "Mother"',
  })
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.pseudonym)
  pseudonym: string;

  @Field(() => String, { nullable: true, description: 'Relationship to the child' })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.personRelationship)
  relationship?: string | null;

  @Field(() => String, {
    nullable: true,
    deprecationReason: 'Use households; a value here becomes the only membership, without dates',
  })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.household)
  household?: string | null;

  @Field(() => [HouseholdMembershipInput], {
    nullable: true,
    description: 'The households the person lived in; when given, replaces them all',
  })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => HouseholdMembershipInput)
  households?: HouseholdMembershipInput[];

  @Field(() => Sex, { nullable: true, description: 'NOT_KNOWN when left out of a new person' })
  @MayBeOmittedNotNull()
  @IsIn(SEXES)
  sex?: SexName;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, YYYY-MM or YYYY' })
  @IsOptional()
  @IsPartialDate()
  bornOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Whole years at the start of the period' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  ageAtPeriodStart?: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, YYYY-MM or YYYY' })
  @IsOptional()
  @IsPartialDate()
  diedOn?: string | null;

  @Field({ nullable: true, description: 'Has died; set by itself when diedOn is given' })
  @MayBeOmittedNotNull()
  @IsBoolean()
  deceased?: boolean;

  @Field({ nullable: true, description: 'A child the review is about' })
  @MayBeOmittedNotNull()
  @IsBoolean()
  isSubjectChild?: boolean;

  @Field(() => [String], {
    nullable: true,
    description:
      'Other names the person was known by ("Jay"): real names, visible to members only; replaces the list',
  })
  @MayBeOmittedNotNull()
  @Transform(({ value }) =>
    Array.isArray(value) ? value.map((a) => (typeof a === 'string' ? a.trim() : a)) : value,
  )
  @ArrayMaxSize(MAX_PERSON_ALIASES)
  @IsNotBlank({ each: true, message: 'aliases must not contain an empty name' })
  @MaxLength(TEXT_LIMITS.personAlias, { each: true })
  @ArrayUnique((a: unknown) => (typeof a === 'string' ? a.toLocaleLowerCase() : a), {
    message: 'aliases must not name the same alias twice',
  })
  aliases?: string[];
}

@InputType()
export class RelationshipInput {
  @Field()
  @IsUUID('all', { message: 'fromPersonId must be an id' })
  fromPersonId: string;

  @Field()
  @IsUUID('all', { message: 'toPersonId must be an id' })
  toPersonId: string;

  @Field(() => PersonRelationshipKind)
  @IsIn(PERSON_RELATIONSHIP_KINDS)
  kind: PersonRelationshipKindName;

  @Field({ nullable: true, description: 'The partners have separated; false when left out' })
  @MayBeOmittedNotNull()
  @IsBoolean()
  separated?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When it ended: YYYY-MM-DD, YYYY-MM or YYYY',
  })
  @IsOptional()
  @IsPartialDate()
  endedOn?: string | null;
}

@InputType()
export class CollectionInput {
  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.collectionName)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.collectionDescription)
  description?: string | null;
}
