import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'One recorded change: who, when, which record, what changed' })
@Entity({ name: 'audit_event' })
@Index('ix_audit_event_review', ['reviewId', 'id'])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'review_id', type: 'uuid', nullable: true })
  reviewId: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
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
