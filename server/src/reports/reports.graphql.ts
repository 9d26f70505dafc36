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
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Connection } from '../common/pagination';

export enum ReportTextLayer {
  HAS_TEXT = 'HAS_TEXT',
  NEEDS_OCR = 'NEEDS_OCR',
}
registerEnumType(ReportTextLayer, {
  name: 'ReportTextLayer',
  description: 'Whether the report has text to read, or is a scan waiting for OCR',
});

export enum ReportStatus {
  UNCODED = 'UNCODED',
  CODED = 'CODED',
}
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'Whether an analyst has said the report is coded',
});

@ObjectType({ description: 'A published review report in the library, with its catalogue data' })
export class Report {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  partnership: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date, YYYY-MM-DD' })
  publishedOn: string | null;

  @Field(() => String, { nullable: true })
  reviewType: string | null;

  @Field(() => String, { nullable: true })
  methodology: string | null;

  @Field(() => String, { nullable: true })
  author: string | null;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field(() => String, { nullable: true })
  learning: string | null;

  @Field(() => String, { nullable: true })
  recommendations: string | null;

  @Field(() => [String])
  keywords: string[];

  @Field()
  fileName: string;

  @Field()
  mediaType: string;

  @Field(() => Int)
  byteSize: number;

  @Field(() => Int)
  pageCount: number;

  @Field(() => ReportTextLayer)
  textLayer: ReportTextLayer;

  @Field(() => ReportStatus)
  status: ReportStatus;

  @Field(() => Int, { description: 'Moves on when the report is marked coded or not' })
  version: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When an analyst said it is coded',
  })
  codedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When an administrator withdrew it (only administrators see withdrawn reports)',
  })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true })
  withdrawnReason: string | null;
}

@ObjectType({ description: 'A page of a report: its text as extracted, never rewritten' })
export class ReportPage {
  @Field(() => Int, { description: 'From 1' })
  number: number;

  @Field({
    description:
      'The page text (NFC); passages are located in it by code point offsets, which never change',
  })
  text: string;
}

@ObjectType({ description: 'A page of a report matching a search, best first' })
export class ReportHit {
  @Field(() => Report)
  report: Report;

  @Field(() => Int, { description: 'The matching page, from 1' })
  page: number;

  @Field({ description: 'The matching passage, HTML-escaped, matches in <mark>…</mark>' })
  snippet: string;

  @Field(() => Float)
  rank: number;
}

export const ReportConnection = Connection(Report, 'Report');

@InputType()
export class ReportFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  partnership?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of publication' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Type of review, as catalogued' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reviewType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  methodology?: string | null;
}
