import { Extensions, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  FINDING_CATEGORIES,
  FindingCategoryName,
  PATTERN_EFFECTS,
  PatternEffectName,
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
import { FindingCategory, PatternEffect } from '../graphql/enums';
import { Theme } from '../themes/theme.entity';
import { BoardAction } from './board-action.entity';

@ObjectType({ description: 'An underlying pattern in the system that the case reveals' })
@Check('finding_title_check', `length(btrim(title)) > 0`)
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
    description: 'How we know it is not peculiar to this case',
  })
  @Column({ type: 'text', nullable: true })
  prevalence: string | null;

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
