import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FINDING_CATEGORIES, FindingCategoryName } from '@scr/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { FindingCategory } from '../graphql/enums';

@ObjectType({ description: 'An underlying pattern in the system that the case reveals' })
@Entity({ name: 'finding' })
export class Finding {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
