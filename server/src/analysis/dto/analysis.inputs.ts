import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import {
  FACTOR_LEVELS,
  FactorLevelName,
  PRACTICE_APPRAISALS,
  PracticeAppraisalName,
} from '@scr/shared';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDay, IsNotBlank, TrimToNull } from '../../common/validators';
import { FactorLevel, PracticeAppraisal } from '../../graphql/enums';

@InputType()
export class EpisodeInput {
  @Field()
  @IsNotBlank()
  @MaxLength(500)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(20000)
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDay()
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDay()
  endDate?: string | null;

  @Field(() => [ID], { nullable: true, description: "Events of this review's chronology" })
  @IsOptional()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'eventIds must be ids' })
  eventIds?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(50000)
  viewFromTheTunnel?: string | null;

  @Field(() => PracticeAppraisal, { nullable: true })
  @IsOptional()
  @IsIn(PRACTICE_APPRAISALS)
  appraisal?: PracticeAppraisalName;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(50000)
  appraisalNarrative?: string | null;
}

/** The same fields as EpisodeInput, each optional: what is left out keeps its value. */
@InputType()
export class UpdateEpisodeInput extends PartialType(EpisodeInput) {}

@InputType()
export class FactorInput {
  @Field(() => FactorLevel)
  @IsIn(FACTOR_LEVELS)
  level: FactorLevelName;

  @Field()
  @IsNotBlank()
  @MaxLength(20000)
  description: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  themeKeys?: string[];
}

@InputType()
export class UpdateFactorInput extends PartialType(FactorInput) {}
