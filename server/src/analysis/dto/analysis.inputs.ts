import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import {
  FACTOR_LEVELS,
  FACTOR_TIERS,
  FactorLevelName,
  FactorTierName,
  PATTERN_EFFECTS,
  PatternEffectName,
  PRACTICE_APPRAISALS,
  PracticeAppraisalName,
  TEXT_LIMITS,
} from '@scr/shared';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  IsCalendarDay,
  IsNotBlank,
  MayBeOmittedNotNull,
  TrimToNull,
} from '../../common/validators';
import { FactorLevel, FactorTier, PatternEffect, PracticeAppraisal } from '../../graphql/enums';

@InputType()
export class EpisodeInput {
  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.episodeTitle)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.episodeSummary)
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
  @MayBeOmittedNotNull()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'eventIds must be ids' })
  eventIds?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.viewFromTheTunnel)
  viewFromTheTunnel?: string | null;

  @Field(() => PracticeAppraisal, { nullable: true })
  @MayBeOmittedNotNull()
  @IsIn(PRACTICE_APPRAISALS)
  appraisal?: PracticeAppraisalName;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.appraisalNarrative)
  appraisalNarrative?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it made sense at the time, apart from the appraisal and its reason',
  })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.episodeExplanation)
  explanation?: string | null;
}

/** The same fields as EpisodeInput, each optional: what is left out keeps its value. */
@InputType()
export class UpdateEpisodeInput extends PartialType(EpisodeInput, {
  skipNullProperties: false,
}) {}

@InputType()
export class FactorInput {
  @Field(() => FactorLevel)
  @IsIn(FACTOR_LEVELS)
  level: FactorLevelName;

  @Field(() => PatternEffect, {
    nullable: true,
    description: 'Helped or hindered; MAKES_PROBLEMS_MORE_LIKELY when left out',
  })
  @MayBeOmittedNotNull()
  @IsIn(PATTERN_EFFECTS)
  effect?: PatternEffectName;

  @Field(() => FactorTier, { nullable: true, description: 'FRONTLINE when left out' })
  @MayBeOmittedNotNull()
  @IsIn(FACTOR_TIERS)
  tier?: FactorTierName;

  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.factorDescription)
  description: string;

  @Field(() => [String], { nullable: true })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.themeKey, { each: true })
  themeKeys?: string[];
}

@InputType()
export class UpdateFactorInput extends PartialType(FactorInput, {
  skipNullProperties: false,
}) {}
