import { Extensions, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  FINDING_CATEGORIES,
  FindingCategoryName,
  PATTERN_EFFECTS,
  PatternEffectName,
  ReferenceKindName,
} from '@scr/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Review } from '../reviews/review.entity';
import { ContributoryFactor } from '../analysis/contributory-factor.entity';
import { PracticeEpisode } from '../analysis/practice-episode.entity';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import { FindingCategory, PatternEffect, ReferenceKind } from '../graphql/enums';
import { Theme } from '../themes/theme.entity';
import { BoardAction } from './board-action.entity';

@ObjectType({
  description:
    'Evidence that the pattern is widespread: another review, an audit, research, national data',
})
export class FindingReference {
  @Field(() => ReferenceKind)
  kind: ReferenceKindName;

  @Field()
  citation: string;

  @Field(() => String, { nullable: true, description: 'An http or https address' })
  url: string | null;

  @Field(() => ID, { nullable: true, description: 'The review referred to, when it is held here' })
  reviewId: string | null;
}

@ObjectType({ description: 'An underlying pattern in the system that the case reveals' })
@Check('finding_title_check', `length(btrim(title)) > 0`)
@Check('finding_references_check', `jsonb_typeof(prevalence_references) = 'array'`)
@Index('ix_finding_themes', ['themeKeys'], { type: 'gin' })
@Unique('uq_finding_ordinal', ['reviewId', 'ordinal'], { deferrable: 'INITIALLY IMMEDIATE' })
@Entity({ name: 'finding' })
export class Finding {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'finding_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  ordinal: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => FindingCategory)
  @Column({ type: 'enum', enum: FINDING_CATEGORIES, enumName: 'finding_category' })
  category: FindingCategoryName;

  @Field(() => PatternEffect, {
    description: 'Whether the pattern supports good practice or makes problems more likely',
  })
  @Column({ type: 'enum', enum: PATTERN_EFFECTS, enumName: 'pattern_effect' })
  effect: PatternEffectName;

  @Field(() => String, { nullable: true, description: 'The pattern, in one sentence' })
  @Column({ type: 'text', nullable: true })
  statement: string | null;

  @Field(() => String, { nullable: true, description: 'How it showed in this case' })
  @Column({ type: 'text', nullable: true })
  manifestation: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'How do we know it is an underlying issue and not something peculiar to this case?',
  })
  @Column({ name: 'not_peculiar', type: 'text', nullable: true })
  notPeculiar: string | null;

  @Field(() => String, { nullable: true, description: 'How widespread is the pattern?' })
  @Column({ type: 'text', nullable: true })
  prevalence: string | null;

  @Field(() => [FindingReference], {
    description: 'What shows how widespread the pattern is, in order',
  })
  @Column({ name: 'prevalence_references', type: 'jsonb', default: () => "'[]'" })
  references: FindingReference[];

  @Field(() => String, { nullable: true, description: 'Why it matters' })
  @Column({ type: 'text', nullable: true })
  significance: string | null;

  @Field(() => [String], { description: 'Questions for the board, in order' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  questions: string[];

  @Column({ name: 'theme_keys', type: 'text', array: true, default: () => "'{}'" })
  themeKeys: string[];

  @Field(() => Int)
  @Column({ type: 'integer', default: 1 })
  version: number;

  // Filled in by the loaders for a whole list at once (RequestLoaders.withFindingDetails).
  @Field({ description: 'The typology category in words' })
  categoryLabel?: string;

  @Field(() => [PracticeEpisode], { description: 'Evidence: the episodes the finding rests on' })
  episodes?: PracticeEpisode[];

  @Field(() => [ContributoryFactor], { description: 'Evidence: the contributory factors' })
  factors?: ContributoryFactor[];

  @Field(() => [TimelineEvent], { description: 'Evidence: events of the chronology' })
  events?: TimelineEvent[];

  // A record carries a few theme tags, not a page of them: what the query cost counts it at.
  @Field(() => [Theme])
  @Extensions({ listSize: 5 })
  themes?: Theme[];

  @Field(() => [BoardAction], { description: "The board's response: actions on this finding" })
  boardActions?: BoardAction[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
