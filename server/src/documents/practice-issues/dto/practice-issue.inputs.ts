import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { TEXT_LIMITS } from '@scr/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank, MayBeOmittedNotNull, TrimToNull } from '../../../common/validators';

@InputType({ description: "A practitioner's words and the role they are attributed to" })
export class PractitionerQuoteInput {
  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.practiceQuote)
  text: string;

  @Field({ description: 'A role only ("Named Nurse"), never a name' })
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.practiceQuoteRole)
  role: string;
}

@InputType({ description: 'One reason practitioners gave: optional heading, text and quotes' })
export class PracticeReasonInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.practiceIssueTitle)
  heading?: string | null;

  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.practiceIssueText)
  text: string;

  @Field(() => [PractitionerQuoteInput], { nullable: true })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PractitionerQuoteInput)
  quotes?: PractitionerQuoteInput[];
}

@InputType({ description: 'A group of questions for practitioners to consider' })
export class PracticeQuestionGroupInput {
  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.practiceQuestionGroupTitle)
  title: string;

  @Field(() => [String])
  @ArrayMaxSize(50)
  @IsNotBlank({ each: true, message: 'questions must not contain an empty question' })
  @MaxLength(TEXT_LIMITS.practiceQuestion, { each: true })
  questions: string[];
}

@InputType({ description: 'A practice issue; lists replace the stored lists' })
export class PracticeIssueInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The set it belongs to; left out, a new set is started for it',
  })
  @IsOptional()
  @IsUUID('all', { message: 'setId must be an id' })
  setId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Its number within the set; left out, it goes last; others move up to make room',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  number?: number | null;

  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.practiceIssueTitle)
  title: string;

  @Field(() => String, { nullable: true, description: 'The one line of "What is the issue?"' })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.practiceIssueStatement)
  statement?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.practiceIssueText)
  whatIsTheIssue?: string | null;

  @Field(() => String, { nullable: true, description: 'Anonymised: no names, places or dates' })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.practiceIssueText)
  illustration?: string | null;

  @Field(() => [String], { nullable: true })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(50)
  @IsNotBlank({ each: true, message: 'reasonsFromReviews must not contain an empty reason' })
  @MaxLength(TEXT_LIMITS.practiceIssueItem, { each: true })
  reasonsFromReviews?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Reasons from practitioners as plain text; or give practiceReasons, not both',
  })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(50)
  @IsNotBlank({ each: true, message: 'reasonsFromPractice must not contain an empty reason' })
  @MaxLength(TEXT_LIMITS.practiceIssueText, { each: true })
  reasonsFromPractice?: string[];

  @Field(() => [PracticeReasonInput], {
    nullable: true,
    description: 'Reasons from practitioners with headings and quotes by role',
  })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PracticeReasonInput)
  practiceReasons?: PracticeReasonInput[];

  @Field(() => [String], { nullable: true })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(50)
  @IsNotBlank({ each: true, message: 'solutions must not contain an empty solution' })
  @MaxLength(TEXT_LIMITS.practiceIssueItem, { each: true })
  solutions?: string[];

  @Field(() => [PracticeQuestionGroupInput], {
    nullable: true,
    description: 'Left out on creation: the three standard groups and their questions',
  })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PracticeQuestionGroupInput)
  questions?: PracticeQuestionGroupInput[];
}

@InputType({ description: 'A practice issue; fields left out keep their value' })
export class UpdatePracticeIssueInput extends PartialType(PracticeIssueInput, {
  skipNullProperties: false,
}) {}

@InputType({ description: 'A set of practice-issue briefings' })
export class PracticeIssueSetInput {
  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.practiceSetTitle)
  title: string;

  @Field(() => String, { nullable: true, description: 'What the briefings are for (side box)' })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.practiceSetPurpose)
  purpose?: string | null;

  @Field(() => ID, { nullable: true, description: 'A collection whose reviews it draws on' })
  @IsOptional()
  @IsUUID('all', { message: 'collectionId must be an id' })
  collectionId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Published reviews it draws on (besides the collection); replaces the list',
  })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'reviewIds must be ids' })
  reviewIds?: string[];

  @Field(() => String, {
    nullable: true,
    description: "How practitioners' views were gathered: the events, where and when",
  })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.practiceSetGathering)
  gathering?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  participantCount?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the briefings come from, for the closing line',
  })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.practiceSetClosing)
  closingSource?: string | null;
}

@InputType({ description: 'A set of practice issues; fields left out keep their value' })
export class UpdatePracticeIssueSetInput extends PartialType(PracticeIssueSetInput, {
  skipNullProperties: false,
}) {}
