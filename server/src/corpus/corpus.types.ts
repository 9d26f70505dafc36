import { Extensions, Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  AgencySectorName,
  FindingCategoryName,
  PatternEffectName,
  ReviewTypeName,
} from '@scr/shared';
import { Connection } from '../common/pagination';
import { AgencySector, FindingCategory, PatternEffect, ReviewType } from '../graphql/enums';
import { CorpusSource, CorpusSourceName } from './dto/corpus-filter.input';

@ObjectType({
  description:
    "Where a coded report's finding comes from: the passage of the report (page, character range in Unicode code points, start inclusive, end exclusive, and the quoted text)",
})
export class CorpusPassage {
  @Field(() => Int)
  pageNumber: number;

  @Field(() => Int)
  startOffset: number;

  @Field(() => Int)
  endOffset: number;

  @Field()
  quote: string;
}

@ObjectType({ description: 'One key of a prevalence table' })
export class PrevalenceRow {
  @Field({ description: 'A theme key, or a finding category (TOOLS …)' })
  key: string;

  @Field({ description: 'The theme label, or the category numbered in SCIE order ("1. …")' })
  label: string;

  @Field(() => Int, { description: 'Reviews in the filtered set that have the key' })
  count: number;

  @Field(() => Float, {
    description: '100 × count / denominator, to one decimal; 0 when the set is empty',
  })
  percent: number;
}

@ObjectType({ description: 'How many of the filtered reviews have each key' })
export class PrevalenceTable {
  @Field(() => Int, { description: 'Reviews in the filtered set' })
  denominator: number;

  /** A row per theme of a kind (some fifty today) or per category. */
  @Extensions({ listSize: 100 })
  @Field(() => [PrevalenceRow])
  rows: PrevalenceRow[];
}

@ObjectType()
export class CooccurrenceCell {
  @Field()
  a: string;

  @Field()
  b: string;

  @Field(() => Int, { description: 'Reviews in the filtered set that have both' })
  count: number;
}

@ObjectType({ description: 'One cell per unordered pair of the given keys' })
export class CooccurrenceMatrix {
  @Field(() => [String])
  keys: string[];

  /** Up to 50 keys: 1,225 pairs; usually a dozen keys, 66 pairs. */
  @Extensions({ listSize: 300 })
  @Field(() => [CooccurrenceCell])
  cells: CooccurrenceCell[];
}

@ObjectType({ description: 'One key in one year' })
export class TrendPoint {
  @Field(() => Int)
  year: number;

  @Field()
  key: string;

  @Field(() => Int, { description: 'Reviews of the year that have the key' })
  count: number;

  @Field(() => Int, { description: 'Reviews of the year in the filtered set' })
  denominator: number;

  @Field(() => Float)
  percent: number;
}

@ObjectType({
  description:
    'A published review as the corpus holds it: its current, not withdrawn snapshot (in a live collection analysis, the review as it is now)',
})
export class CorpusReview {
  @Field(() => ID, {
    description: 'The snapshot (in a live analysis, the review; for a coded report, the report)',
  })
  id: string;

  @Field(() => ID, { description: 'The review (for a coded report, the report)' })
  reviewId: string;

  @Field(() => CorpusSource, {
    description: 'A published native review, or a coded report of the library',
  })
  source: CorpusSourceName;

  @Field(() => ID, { nullable: true, description: 'For a coded report: the report' })
  reportId: string | null;

  @Field()
  reference: string;

  @Field()
  title: string;

  @Field()
  partnership: string;

  @Field(() => ReviewType)
  type: ReviewTypeName;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Null only in a live analysis, for a review not published',
  })
  publishedAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Null only in a live analysis, for a review not published',
  })
  publicationYear: number | null;

  @Field(() => Int, { nullable: true, description: "The year the review's period ends" })
  incidentYear: number | null;

  @Field(() => Int, {
    description:
      'Which publication of the review this is: 1, 2, … (in a live analysis, its latest publication; 0 if never published)',
  })
  version: number;

  @Field(() => [String])
  caseCharacteristics: string[];

  @Field(() => [String])
  practiceThemes: string[];

  @Field(() => [FindingCategory])
  categories: FindingCategoryName[];

  @Field(() => [AgencySector])
  agencySectors: AgencySectorName[];
}

@ObjectType({ description: 'A finding of a published review, as its snapshot holds it' })
export class CorpusFinding {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The review (for a coded report, the report)' })
  reviewId: string;

  @Field(() => CorpusSource, {
    description: "A published review's finding, or a coded report's FINDING code",
  })
  source: CorpusSourceName;

  @Field(() => ID, { nullable: true, description: 'For a coded report: the report' })
  reportId: string | null;

  @Field(() => CorpusPassage, {
    nullable: true,
    description: 'For a coded report: the passage the finding was coded from',
  })
  passage: CorpusPassage | null;

  @Field({ description: "The review's reference (for a coded report, its title)" })
  reference: string;

  @Field(() => Int)
  ordinal: number;

  @Field()
  title: string;

  @Field(() => FindingCategory)
  category: FindingCategoryName;

  @Field(() => PatternEffect)
  effect: PatternEffectName;

  @Field(() => String, { nullable: true })
  statement: string | null;

  @Field(() => String, { nullable: true })
  manifestation: string | null;

  @Field(() => String, { nullable: true })
  notPeculiar: string | null;

  @Field(() => String, { nullable: true })
  prevalence: string | null;

  @Field(() => String, { nullable: true })
  significance: string | null;

  @Field(() => [String])
  questions: string[];

  @Field(() => [String])
  themeKeys: string[];
}

@ObjectType({ description: 'A finding that matches a search, best first' })
export class FindingHit {
  @Field(() => CorpusFinding)
  finding: CorpusFinding;

  @Field(() => CorpusReview)
  review: CorpusReview;

  @Field({ description: 'The matching passage, HTML-escaped, matches in <mark>…</mark>' })
  snippet: string;

  @Field(() => Float)
  rank: number;
}

export const CorpusReviewConnection = Connection(CorpusReview, 'CorpusReview');
export const CorpusFindingConnection = Connection(CorpusFinding, 'CorpusFinding');
