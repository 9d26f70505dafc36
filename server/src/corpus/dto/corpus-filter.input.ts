import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import {
  AGENCY_SECTORS,
  AgencySectorName,
  FINDING_CATEGORIES,
  FindingCategoryName,
  PATTERN_EFFECTS,
  PatternEffectName,
  REVIEW_TYPES,
  ReviewTypeName,
  TEXT_LIMITS,
} from '@scr/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDay } from '../../common/validators';
import { AgencySector, FindingCategory, PatternEffect, ReviewType } from '../../graphql/enums';

/** The most keys one list of a filter (or one analysis) takes. */
export const MAX_FILTER_KEYS = 50;
/** The longest theme key accepted in a filter. */
export const MAX_KEY_LENGTH = 100;

/** Where the corpus's items come from: published native reviews, coded reports. */
export const CORPUS_SOURCES = ['REVIEW', 'REPORT'] as const;
export type CorpusSourceName = (typeof CORPUS_SOURCES)[number];
export const CorpusSource = { REVIEW: 'REVIEW', REPORT: 'REPORT' };
registerEnumType(CorpusSource, {
  name: 'CorpusSource',
  description:
    'Where a corpus item comes from: a published native review, or a report of the library marked coded',
});

/** Which year a trend counts a review under. */
export const TREND_BASES = ['PUBLICATION_YEAR', 'INCIDENT_YEAR'] as const;
export type TrendBasisName = (typeof TREND_BASES)[number];
export const TrendBasis = { PUBLICATION_YEAR: 'PUBLICATION_YEAR', INCIDENT_YEAR: 'INCIDENT_YEAR' };
registerEnumType(TrendBasis, {
  name: 'TrendBasis',
  description: "The year a review counts under: its publication, or the end of the review's period",
});

@InputType({
  description:
    'Which published reviews an analysis counts (all the given conditions hold). Theme keys match their narrower themes too.',
})
export class CorpusFilter {
  @Field({ nullable: true, description: 'The partnership, exactly as the reviews name it' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.partnership)
  partnership?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only the published reviews in this collection (with live, all its reviews as they are now)',
  })
  @IsOptional()
  @IsUUID()
  collectionId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "With collectionId: the collection's reviews as they are now, published or not, instead of their published snapshots. Only for whoever may read every review of the collection (Collection.canAnalyse).",
  })
  @IsOptional()
  @IsBoolean()
  live?: boolean;

  @Field(() => [CorpusSource], {
    nullable: true,
    description:
      'Published native reviews (REVIEW), coded reports (REPORT), or both (the default). A live analysis reads its collection only.',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(CORPUS_SOURCES.length)
  @IsIn(CORPUS_SOURCES, { each: true })
  sources?: CorpusSourceName[];

  @Field(() => [ReviewType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(REVIEW_TYPES.length)
  @IsIn(REVIEW_TYPES, { each: true })
  reviewTypes?: ReviewTypeName[];

  @Field({ nullable: true, description: 'Published on or after this day (YYYY-MM-DD, UTC)' })
  @IsOptional()
  @IsCalendarDay()
  publishedFrom?: string;

  @Field({ nullable: true, description: 'Published on or before this day (YYYY-MM-DD, UTC)' })
  @IsOptional()
  @IsCalendarDay()
  publishedTo?: string;

  @Field(() => Int, {
    nullable: true,
    description: "The review's period ended in this year or later (the year of the incident)",
  })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  incidentYearFrom?: number;

  @Field(() => Int, {
    nullable: true,
    description: "The review's period ended in this year or earlier (the year of the incident)",
  })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  incidentYearTo?: number;

  @Field(() => [FindingCategory], {
    nullable: true,
    description:
      'Reviews with a finding in any of these categories (of the given effects, when effects are given)',
  })
  @IsOptional()
  @ArrayMaxSize(FINDING_CATEGORIES.length)
  @IsIn(FINDING_CATEGORIES, { each: true })
  categories?: FindingCategoryName[];

  @Field(() => [String], {
    nullable: true,
    description: 'Reviews with every one of these themes (AND)',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_KEYS)
  @IsString({ each: true })
  @MaxLength(MAX_KEY_LENGTH, { each: true })
  themeKeys?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Reviews with at least one of these themes (OR)',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_KEYS)
  @IsString({ each: true })
  @MaxLength(MAX_KEY_LENGTH, { each: true })
  anyThemeKeys?: string[];

  @Field(() => [String], { nullable: true, description: 'Reviews with none of these themes (NOT)' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_KEYS)
  @IsString({ each: true })
  @MaxLength(MAX_KEY_LENGTH, { each: true })
  withoutThemeKeys?: string[];

  @Field(() => [AgencySector], {
    nullable: true,
    description: 'Reviews with an agency of any of these sectors',
  })
  @IsOptional()
  @ArrayMaxSize(AGENCY_SECTORS.length)
  @IsIn(AGENCY_SECTORS, { each: true })
  agencySectors?: AgencySectorName[];

  @Field(() => [PatternEffect], {
    nullable: true,
    description:
      'Which findings count: those of these effects. Narrows the findings (category counts, findings lists, and with categories the reviews), never the denominator.',
  })
  @IsOptional()
  @ArrayMaxSize(PATTERN_EFFECTS.length)
  @IsIn(PATTERN_EFFECTS, { each: true })
  effects?: PatternEffectName[];
}
