import { Field, InputType, PartialType } from '@nestjs/graphql';
import {
  AGENCY_SECTORS,
  AgencySectorName,
  METHODOLOGIES,
  MethodologyName,
  PERSON_RELATIONSHIP_KINDS,
  PersonRelationshipKindName,
  REVIEW_STATUSES,
  REVIEW_TYPES,
  ReviewStatusName,
  ReviewTypeName,
  TEXT_LIMITS,
} from '@scr/shared';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  IsCalendarDay,
  IsNotBlank,
  MayBeOmittedNotNull,
  TrimToNull,
} from '../../common/validators';
import {
  AgencySector,
  Methodology,
  PersonRelationshipKind,
  ReviewStatus,
  ReviewType,
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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.household)
  household?: string | null;
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
