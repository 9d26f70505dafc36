import { Field, InputType } from '@nestjs/graphql';
import { TEXT_LIMITS } from '@scr/shared';
import { ArrayMaxSize, IsString, MaxLength } from 'class-validator';

const LIST = {
  description: 'One item a line, in order; blank items are dropped',
};

/** Every section of a learning briefing: a save replaces them all. */
@InputType({ description: "A learning briefing's sections, as its author writes them" })
export class LearningBriefingInput {
  @Field({ description: 'Defaults to "Learning lessons briefing" when blank' })
  @IsString()
  @MaxLength(TEXT_LIMITS.learningBriefingTitle)
  title: string;

  @Field({ description: 'Paragraphs, separated by a blank line' })
  @IsString()
  @MaxLength(TEXT_LIMITS.learningBriefingText)
  background: string;

  @Field({ description: 'Paragraphs, separated by a blank line' })
  @IsString()
  @MaxLength(TEXT_LIMITS.learningBriefingText)
  methodology: string;

  @Field(() => [String], LIST)
  @ArrayMaxSize(TEXT_LIMITS.learningBriefingItems)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.learningBriefingItem, { each: true })
  goodPractice: string[];

  @Field(() => [String], LIST)
  @ArrayMaxSize(TEXT_LIMITS.learningBriefingItems)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.learningBriefingItem, { each: true })
  keyFindings: string[];

  @Field(() => [String], LIST)
  @ArrayMaxSize(TEXT_LIMITS.learningBriefingItems)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.learningBriefingItem, { each: true })
  learningPoints: string[];

  @Field(() => [String], LIST)
  @ArrayMaxSize(TEXT_LIMITS.learningBriefingItems)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.learningBriefingItem, { each: true })
  recommendations: string[];

  @Field(() => [String], LIST)
  @ArrayMaxSize(TEXT_LIMITS.learningBriefingItems)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.learningBriefingItem, { each: true })
  messagesForManagers: string[];

  @Field(() => [String], LIST)
  @ArrayMaxSize(TEXT_LIMITS.learningBriefingItems)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.learningBriefingItem, { each: true })
  messagesForPractitioners: string[];

  @Field(() => [String], LIST)
  @ArrayMaxSize(TEXT_LIMITS.learningBriefingItems)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.learningBriefingItem, { each: true })
  furtherInformation: string[];
}
