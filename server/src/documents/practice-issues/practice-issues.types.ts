import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CorpusFinding } from '../../corpus/corpus.types';

@ObjectType({ description: 'A practitioner\'s words, attributed by role only ("Named Nurse")' })
export class PractitionerQuote {
  @Field()
  text: string;

  @Field({ description: 'The role of the person quoted; never a name' })
  role: string;
}

@ObjectType({
  description: 'One reason practitioners gave for the issue: an optional heading, text and quotes',
})
export class PracticeReason {
  @Field(() => String, { nullable: true })
  heading: string | null;

  @Field()
  text: string;

  @Field(() => [PractitionerQuote])
  quotes: PractitionerQuote[];
}

@ObjectType({ description: 'A group of "Questions for you to consider"' })
export class PracticeQuestionGroup {
  @Field()
  title: string;

  @Field(() => [String])
  questions: string[];
}

@ObjectType({ description: 'A published finding a practice issue draws on, as it was published' })
export class LinkedFinding {
  @Field(() => CorpusFinding)
  finding: CorpusFinding;

  @Field({ description: "The review's title, as published" })
  reviewTitle: string;

  @Field(() => GraphQLISODateTime)
  publishedAt: Date;

  @Field({
    description:
      'True when the review was withdrawn from the corpus, or published again with changed findings since the link was made',
  })
  stale: boolean;

  @Field(() => GraphQLISODateTime)
  addedAt: Date;
}

@ObjectType({ description: 'One briefing of a set of practice issues' })
export class PracticeIssue {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  setId: string;

  @Field(() => Int, { description: 'Its number within its set, from 1' })
  number: number;

  @Field()
  title: string;

  @Field(() => String, {
    nullable: true,
    description: 'The one line under "What is the issue?"',
  })
  statement: string | null;

  @Field(() => String, { nullable: true, description: 'The paragraph of "What is the issue?"' })
  whatIsTheIssue: string | null;

  @Field(() => String, { nullable: true, description: 'An anonymised illustration from one case' })
  illustration: string | null;

  @Field(() => [String], { description: 'Why does this occur? From the analysis of the reviews' })
  reasonsFromReviews: string[];

  @Field(() => [PracticeReason], {
    description: 'The reasons practitioners gave, with headings and quotes by role',
  })
  practiceReasons: PracticeReason[];

  @Field(() => [String], { description: 'Solutions suggested by practitioners' })
  solutions: string[];

  @Field(() => [PracticeQuestionGroup], {
    description: 'Questions for you to consider, in the three standard groups',
  })
  questions: PracticeQuestionGroup[];

  @Field(() => Int, {
    description: 'Goes up by one on every save; send it back as expectedVersion',
  })
  version: number;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType({ description: 'A review a set draws on that has been withdrawn from the corpus' })
export class WithdrawnLinkedReview {
  @Field(() => ID)
  reviewId: string;

  @Field()
  reference: string;

  @Field(() => GraphQLISODateTime)
  withdrawnAt: Date;
}

@ObjectType({
  description: "What a set draws on, counted from its reviews' current corpus entries: never typed",
})
export class PracticeSetBasis {
  @Field(() => Int, { description: 'Reviews published and not withdrawn' })
  reviewCount: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  firstPublishedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastPublishedAt: Date | null;

  @Field({ description: '"38 reviews published between May 2014 and April 2015"' })
  sentence: string;
}

@ObjectType({ description: 'A set of practice-issue briefings, numbered within it' })
export class PracticeIssueSet {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: 'What the briefings are for (side box)' })
  purpose: string | null;

  @Field(() => ID, { nullable: true, description: 'A collection whose reviews the set draws on' })
  collectionId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "How practitioners' views were gathered: the events",
  })
  gathering: string | null;

  @Field(() => Int, { nullable: true, description: 'How many practitioners took part' })
  participantCount: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the briefings come from, for the closing line (project, funder)',
  })
  closingSource: string | null;

  @Field(() => Int)
  version: number;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

/** The rows as the repository reads them. */
export interface PracticeIssueRow extends PracticeIssue {
  createdAt: Date;
}
export interface PracticeIssueSetRow extends PracticeIssueSet {
  createdAt: Date;
}
