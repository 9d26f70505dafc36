import { Extensions, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  FACTOR_LEVELS,
  FACTOR_TIERS,
  FactorLevelName,
  FactorTierName,
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
  UpdateDateColumn,
} from 'typeorm';
import { Review } from '../reviews/review.entity';
import { PracticeEpisode } from './practice-episode.entity';
import { FactorLevel, FactorTier, PatternEffect } from '../graphql/enums';
import { Theme } from '../themes/theme.entity';

@ObjectType({ description: 'Something that made the practice of an episode more or less likely' })
@Check('contributory_factor_description_check', `length(btrim(description)) > 0`)
@Index('ix_contributory_factor_episode', ['episodeId'])
@Index('ix_contributory_factor_review', ['reviewId'])
@Entity({ name: 'contributory_factor' })
export class ContributoryFactor {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'contributory_factor_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  @Field(() => ID)
  @Column({ name: 'episode_id', type: 'uuid' })
  @ForeignKey(() => PracticeEpisode, {
    name: 'contributory_factor_episode_id_fkey',
    onDelete: 'CASCADE',
  })
  episodeId: string;

  @Field(() => FactorLevel)
  @Column({ type: 'enum', enum: FACTOR_LEVELS, enumName: 'factor_level' })
  level: FactorLevelName;

  @Field(() => PatternEffect, { description: 'Whether the factor helped or hindered' })
  @Column({
    type: 'enum',
    enum: PATTERN_EFFECTS,
    enumName: 'factor_effect',
    default: 'MAKES_PROBLEMS_MORE_LIKELY',
  })
  effect: PatternEffectName;

  @Field(() => FactorTier)
  @Column({ type: 'enum', enum: FACTOR_TIERS, enumName: 'factor_tier', default: 'FRONTLINE' })
  tier: FactorTierName;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'theme_keys', type: 'text', array: true, default: () => "'{}'" })
  themeKeys: string[];

  /** Filled in by the loaders from the vocabulary (see RequestLoaders.withThemes). */
  // A record carries a few theme tags, not a page of them: what the query cost counts it at.
  @Field(() => [Theme])
  @Extensions({ listSize: 5 })
  themes?: Theme[];

  @Field(() => Int, {
    description: 'Goes up by one on every save; send it back as expectedVersion',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
