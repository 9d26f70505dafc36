import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';
import { Review } from '../reviews/review.entity';

@ObjectType({ description: 'One recorded change: who, when, which record, what changed' })
@Index('ix_audit_event_actor_id', ['actorId'])
@Index('ix_audit_event_outside_reviews', ['id'], { where: `(review_id IS NULL)` })
@Entity({ name: 'audit_event' })
@Index('ix_audit_event_review', ['reviewId', 'id'])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'review_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Review, { name: 'audit_event_review_id_fkey' })
  reviewId: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'audit_event_actor_id_fkey' })
  actorId: string | null;

  @Field({ description: 'Email of the account that made the change' })
  @Column({ name: 'actor_email', type: 'text' })
  actorEmail: string;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;

  @Field()
  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Field()
  @Column({ type: 'text' })
  action: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  after: unknown;
}
