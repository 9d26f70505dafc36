import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Review } from '../reviews/review.entity';

@ObjectType({
  description: "A question of the review's terms of reference, which its findings answer",
})
@Check('review_question_text_check', `length(btrim(text)) > 0`)
@Unique('uq_review_question_ordinal', ['reviewId', 'ordinal'], {
  deferrable: 'INITIALLY IMMEDIATE',
})
@Entity({ name: 'review_question' })
export class ReviewQuestion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'review_question_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  @Field(() => Int, { description: 'Its place in the list, from 1' })
  @Column({ type: 'integer' })
  ordinal: number;

  @Field()
  @Column({ type: 'text' })
  text: string;

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
