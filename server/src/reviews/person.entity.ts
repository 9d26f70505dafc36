import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Review } from './review.entity';

@ObjectType({ description: 'A family member or other person in the review, shown by pseudonym' })
@Index('ix_person_review', ['reviewId'])
@Entity({ name: 'person' })
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'person_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  /** The real name: resolved only for the review's members and administrators. */
  @Column({ type: 'text', default: '' })
  name: string;

  @Field()
  @Column({ type: 'text' })
  pseudonym: string;

  @Field(() => String, { nullable: true, description: 'Relationship to the child' })
  @Column({ type: 'text', nullable: true })
  relationship: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  household: string | null;

  @Field(() => Int, {
    description: 'Goes up by one on every save; send it back as expectedVersion',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
