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
import { Collection } from '../../reviews/collection.entity';
import { Review } from '../../reviews/review.entity';
import { User } from '../../users/user.entity';

/**
 * A partnership's learning-lessons briefing after a review or an audit round (seeds 002, 004):
 * the sections its author writes. It belongs to one review or to one collection, never both; the
 * numbers it prints (emerging themes over the cases) are computed when it is read, never stored.
 */
@Check('ck_learning_briefing_one_subject', `(review_id IS NULL) <> (collection_id IS NULL)`)
@Index('uq_learning_briefing_review', ['reviewId'], { unique: true })
@Index('uq_learning_briefing_collection', ['collectionId'], { unique: true })
@Index('ix_learning_briefing_updated_by', ['updatedById'])
@Entity({ name: 'learning_briefing' })
export class LearningBriefingRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Review, { name: 'learning_briefing_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string | null;

  @Column({ name: 'collection_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Collection, {
    name: 'learning_briefing_collection_id_fkey',
    onDelete: 'CASCADE',
  })
  collectionId: string | null;

  @Column({ type: 'text', default: '' })
  title: string;

  @Column({ type: 'text', default: '' })
  background: string;

  @Column({ type: 'text', default: '' })
  methodology: string;

  @Column({ name: 'good_practice', type: 'text', array: true, default: () => "'{}'" })
  goodPractice: string[];

  @Column({ name: 'key_findings', type: 'text', array: true, default: () => "'{}'" })
  keyFindings: string[];

  @Column({ name: 'learning_points', type: 'text', array: true, default: () => "'{}'" })
  learningPoints: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  recommendations: string[];

  @Column({ name: 'messages_for_managers', type: 'text', array: true, default: () => "'{}'" })
  messagesForManagers: string[];

  @Column({ name: 'messages_for_practitioners', type: 'text', array: true, default: () => "'{}'" })
  messagesForPractitioners: string[];

  @Column({ name: 'further_information', type: 'text', array: true, default: () => "'{}'" })
  furtherInformation: string[];

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'learning_briefing_updated_by_fkey', onDelete: 'SET NULL' })
  updatedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
