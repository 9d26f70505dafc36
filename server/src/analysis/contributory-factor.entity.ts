import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FACTOR_LEVELS, FactorLevelName } from '@scr/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { FactorLevel } from '../graphql/enums';
import { Theme } from '../themes/theme.entity';

@ObjectType({ description: 'Something that made the practice of an episode more or less likely' })
@Entity({ name: 'contributory_factor' })
export class ContributoryFactor {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @Field(() => ID)
  @Column({ name: 'episode_id', type: 'uuid' })
  episodeId: string;

  @Field(() => FactorLevel)
  @Column({ type: 'enum', enum: FACTOR_LEVELS, enumName: 'factor_level' })
  level: FactorLevelName;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'theme_keys', type: 'text', array: true, default: () => "'{}'" })
  themeKeys: string[];

  /** Filled in by the loaders from the vocabulary (see RequestLoaders.withThemes). */
  @Field(() => [Theme])
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
