import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import {
  BOARD_ACTION_STATUSES,
  BoardActionStatusName,
  FINDING_CATEGORIES,
  FindingCategoryName,
  PATTERN_EFFECTS,
  PatternEffectName,
  REFERENCE_KINDS,
  ReferenceKindName,
  TEXT_LIMITS,
} from '@scr/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  IsCalendarDay,
  IsNotBlank,
  IsWebAddress,
  MayBeOmittedNotNull,
  TrimToNull,
} from '../../common/validators';
import {
  BoardActionStatus,
  FindingCategory,
  PatternEffect,
  ReferenceKind,
} from '../../graphql/enums';

@InputType({ description: "A reference backing a finding's prevalence" })
export class FindingReferenceInput {
  @Field(() => ReferenceKind)
  @IsIn(REFERENCE_KINDS)
  kind: ReferenceKindName;

  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.referenceCitation)
  citation: string;

  @Field(() => String, { nullable: true, description: 'An http or https address' })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.referenceUrl)
  @IsWebAddress()
  url?: string | null;

  @Field(() => ID, { nullable: true, description: 'The review referred to, when it is held here' })
  @IsOptional()
  @IsUUID('all', { message: 'reviewId must be an id' })
  reviewId?: string | null;
}

@InputType({ description: 'A finding; on update, fields left out keep their value' })
export class FindingInput {
  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.findingTitle)
  title: string;

  @Field(() => FindingCategory)
  @IsIn(FINDING_CATEGORIES)
  category: FindingCategoryName;

  @Field(() => PatternEffect, {
    nullable: true,
    description:
      'Whether the pattern supports good practice or makes problems more likely; required on a new finding',
  })
  @MayBeOmittedNotNull()
  @IsIn(PATTERN_EFFECTS)
  effect?: PatternEffectName;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.findingStatement)
  statement?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.findingPart)
  manifestation?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.findingPart)
  notPeculiar?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.findingPart)
  prevalence?: string | null;

  @Field(() => [FindingReferenceInput], {
    nullable: true,
    description: 'What shows how widespread the pattern is, in order; replaces the list',
  })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FindingReferenceInput)
  references?: FindingReferenceInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.findingPart)
  significance?: string | null;

  @Field(() => [String], { nullable: true, description: 'Questions for the board, in order' })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(50)
  @IsNotBlank({ each: true, message: 'questions must not contain an empty question' })
  @MaxLength(TEXT_LIMITS.findingQuestion, { each: true })
  questions?: string[];

  @Field(() => [ID], { nullable: true })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'episodeIds must be ids' })
  episodeIds?: string[];

  @Field(() => [ID], { nullable: true })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'factorIds must be ids' })
  factorIds?: string[];

  @Field(() => [ID], { nullable: true })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'eventIds must be ids' })
  eventIds?: string[];

  @Field(() => [String], { nullable: true })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.themeKey, { each: true })
  themeKeys?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "The review questions the finding answers (the review's own); replaces the list",
  })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'answersQuestionIds must be ids' })
  answersQuestionIds?: string[];
}

@InputType()
export class BoardActionInput {
  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.boardActionDescription)
  description: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'owningAgencyId must be an id' })
  owningAgencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDay()
  dueDate?: string | null;

  @Field(() => BoardActionStatus, { nullable: true })
  @MayBeOmittedNotNull()
  @IsIn(BOARD_ACTION_STATUSES)
  status?: BoardActionStatusName;

  @Field(() => String, { nullable: true, description: 'Required when the status is DROPPED' })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.droppedReason)
  droppedReason?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.impactNote)
  impactNote?: string | null;
}

@InputType()
export class UpdateBoardActionInput extends PartialType(BoardActionInput, {
  skipNullProperties: false,
}) {}
