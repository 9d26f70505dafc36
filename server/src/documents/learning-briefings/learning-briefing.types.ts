import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';

@ObjectType({ description: 'One case characteristic as a share of the cases' })
export class EmergingThemeRow {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => Int, { description: 'Cases with it or a narrower characteristic, each once' })
  count: number;

  @Field(() => Int, { description: '100 × count / caseCount, to the whole percent' })
  percent: number;

  @Field({ description: 'As the briefing prints it: "75% of cases had parental substance misuse"' })
  sentence: string;
}

@ObjectType({
  description:
    "Computed from the case characteristics of the review, or of the collection's reviews that you may read, as they are now",
})
export class EmergingThemesTable {
  @Field(() => Int)
  caseCount: number;

  @Field(() => Int)
  casesWithoutCharacteristics: number;

  @Field(() => [EmergingThemeRow])
  rows: EmergingThemeRow[];

  @Field(() => [String])
  reviewTypes: string[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  periodStart: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  periodEnd: string | null;

  @Field(() => [String])
  partnerships: string[];

  @Field()
  message: string;
}

@ObjectType({ description: 'A text of the briefing that may name a person or identify the family' })
export class BriefingAnonymisationWarning {
  @Field({ description: 'The section, with the item for lists: "keyFindings[2]"' })
  field: string;

  @Field()
  excerpt: string;

  @Field({ description: 'REAL_NAME, DATE_OF_BIRTH, POSTCODE, …' })
  kind: string;
}

@ObjectType({
  description:
    "A partnership's learning-lessons briefing about one review or one collection: the sections its author writes, and the numbers computed from the cases",
})
export class LearningBriefing {
  @Field(() => ID, { nullable: true, description: 'Null until the briefing is first saved' })
  id: string | null;

  @Field(() => ID, { nullable: true })
  reviewId: string | null;

  @Field(() => ID, { nullable: true })
  collectionId: string | null;

  @Field(() => Int, {
    description:
      'Goes up by one on every save (0 before the first); send it back as expectedVersion',
  })
  version: number;

  @Field({ description: 'Whether the account may change the sections' })
  editable: boolean;

  @Field()
  title: string;

  @Field()
  background: string;

  @Field()
  methodology: string;

  @Field(() => [String])
  goodPractice: string[];

  @Field(() => [String])
  keyFindings: string[];

  @Field(() => [String])
  learningPoints: string[];

  @Field(() => [String])
  recommendations: string[];

  @Field(() => [String])
  messagesForManagers: string[];

  @Field(() => [String])
  messagesForPractitioners: string[];

  @Field(() => [String])
  furtherInformation: string[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  updatedAt: Date | null;

  @Field(() => EmergingThemesTable)
  emergingThemes: EmergingThemesTable;

  @Field(() => [BriefingAnonymisationWarning], {
    description:
      'Texts that may name someone of the people register or identify the family: the briefing prints pseudonyms only',
  })
  anonymisationWarnings: BriefingAnonymisationWarning[];

  @Field(() => GraphQLJSON, {
    description:
      'The briefing as it will print (the document model every format is rendered from), for the preview',
  })
  document: unknown;
}
