import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  FINDING_CATEGORIES,
  FindingCategoryName,
  PATTERN_EFFECTS,
  PatternEffectName,
} from '@scr/shared';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { FindingCategory, PatternEffect } from '../graphql/enums';

export const REPORT_CODE_KINDS = ['FINDING', 'CASE_CHARACTERISTICS'] as const;
export type ReportCodeKindName = (typeof REPORT_CODE_KINDS)[number];
export const ReportCodeKind = { FINDING: 'FINDING', CASE_CHARACTERISTICS: 'CASE_CHARACTERISTICS' };
registerEnumType(ReportCodeKind, {
  name: 'ReportCodeKind',
  description: "What a coded passage is: a finding, or case characteristics of the report's case",
});

/** The longest passage one code quotes, in characters. */
export const MAX_QUOTE = 20000;
/** The most theme keys one code carries. */
export const MAX_CODE_THEMES = 30;

@ObjectType({
  description:
    "A passage of a report coded by an analyst: the page, the character range (Unicode code points, start inclusive, end exclusive, as the page's text is served) and the quoted text",
})
export class ReportCode {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  reportId: string;

  @Field(() => ID)
  coderId: string;

  @Field(() => String, { description: "The coder's display name" })
  coderName: string;

  @Field(() => ReportCodeKind)
  kind: ReportCodeKindName;

  @Field(() => Int)
  pageNumber: number;

  @Field(() => Int)
  startOffset: number;

  @Field(() => Int)
  endOffset: number;

  @Field({ description: 'The text of the page between the offsets' })
  quote: string;

  @Field(() => FindingCategory, { nullable: true, description: 'For a finding' })
  category: FindingCategoryName | null;

  @Field(() => PatternEffect, { nullable: true, description: 'For a finding' })
  effect: PatternEffectName | null;

  @Field(() => String, { nullable: true, description: "For a finding: the analyst's words" })
  statement: string | null;

  @Field(() => [String], {
    description: 'Practice themes (finding) or case characteristics (case characteristics)',
  })
  themeKeys: string[];

  @Field(() => Int)
  version: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set when removed (restoreReportCode undoes it)',
  })
  removedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@InputType({ description: 'A passage and what it is coded as' })
export class ReportCodeInput {
  @Field(() => ReportCodeKind)
  @IsIn(REPORT_CODE_KINDS)
  kind: ReportCodeKindName;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100000)
  pageNumber: number;

  @Field(() => Int, { description: 'First character, counted from 0 in Unicode code points' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  startOffset: number;

  @Field(() => Int, { description: 'One past the last character' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  endOffset: number;

  @Field({ description: "Exactly the page's text between the offsets" })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_QUOTE)
  quote: string;

  @Field(() => FindingCategory, { nullable: true, description: 'Required for a finding' })
  @IsOptional()
  @IsIn(FINDING_CATEGORIES)
  category?: FindingCategoryName | null;

  @Field(() => PatternEffect, { nullable: true, description: 'Required for a finding' })
  @IsOptional()
  @IsIn(PATTERN_EFFECTS)
  effect?: PatternEffectName | null;

  @Field(() => String, {
    nullable: true,
    description: "Required for a finding: the finding in the analyst's words",
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  statement?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Practice theme keys for a finding; case characteristic keys for case characteristics',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_CODE_THEMES)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  themeKeys?: string[] | null;
}

@ObjectType({ description: "Two coders' agreement on one key, over the report's characters" })
export class CodingAgreement {
  @Field({ description: 'A finding category (TOOLS …) or a theme key' })
  key: string;

  @Field()
  label: string;

  @Field(() => Float, {
    description: "Cohen's kappa, (po − pe) / (1 − pe); 1 when pe = 1 (e.g. neither coded the key)",
  })
  kappa: number;

  @Field(() => Float, { description: '100 × characters both treated alike / all characters' })
  percentAgreement: number;

  @Field(() => Int, { description: 'Characters both coded with the key' })
  both: number;

  @Field(() => Int, { description: 'Characters only the first coder coded with it' })
  aOnly: number;

  @Field(() => Int, { description: 'Characters only the second coder coded with it' })
  bOnly: number;

  @Field(() => Int, { description: 'Characters neither coded with it' })
  neither: number;
}

@ObjectType({ description: "Coding comparison of two coders on one report, as NVivo's" })
export class CodingComparison {
  @Field(() => ID)
  reportId: string;

  @Field(() => ID)
  userA: string;

  @Field(() => ID)
  userB: string;

  @Field(() => Int, { description: "The report's characters: the units compared" })
  characters: number;

  @Field(() => [CodingAgreement], { description: 'Every finding category, in SCIE order' })
  categories: CodingAgreement[];

  @Field(() => [CodingAgreement], { description: 'Every theme either coder used' })
  themes: CodingAgreement[];
}
