import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';
import { TimelineEvent } from './timeline-event.entity';
import { Review } from '../reviews/review.entity';
import { PracticeEpisode } from '../analysis/practice-episode.entity';
import { Finding } from '../findings/finding.entity';

@ObjectType({
  description:
    'A remark on an event, an episode or a finding, e.g. from a practitioner of the case group; the lead reviewer marks it resolved',
})
@Check('ck_review_comment_one_target', `num_nonnulls(event_id, episode_id, finding_id) = 1`)
@Check('ck_review_comment_resolution', `(resolved_at IS NULL) = (resolved_by_name IS NULL)`)
@Check('review_comment_body_check', `length(btrim(body)) > 0`)
@Index('ix_review_comment_author_id', ['authorId'])
@Index('ix_review_comment_episode_id', ['episodeId'])
@Index('ix_review_comment_event_id', ['eventId'])
@Index('ix_review_comment_finding_id', ['findingId'])
@Index('ix_review_comment_resolved_by', ['resolvedById'])
@Index('ix_review_comment_review', ['reviewId'])
@Entity({ name: 'review_comment' })
export class Comment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'review_comment_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  @ForeignKey(() => TimelineEvent, { name: 'review_comment_event_id_fkey', onDelete: 'CASCADE' })
  eventId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'episode_id', type: 'uuid', nullable: true })
  @ForeignKey(() => PracticeEpisode, {
    name: 'review_comment_episode_id_fkey',
    onDelete: 'CASCADE',
  })
  episodeId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'finding_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Finding, { name: 'review_comment_finding_id_fkey', onDelete: 'CASCADE' })
  findingId: string | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'review_comment_author_id_fkey', onDelete: 'SET NULL' })
  authorId: string | null;

  @Field()
  @Column({ name: 'author_name', type: 'text' })
  authorName: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the lead reviewer marked it resolved; null while it is open',
  })
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'review_comment_resolved_by_fkey', onDelete: 'SET NULL' })
  resolvedById: string | null;

  @Field(() => String, { nullable: true, description: 'Who marked it resolved' })
  @Column({ name: 'resolved_by_name', type: 'text', nullable: true })
  resolvedBy: string | null;
}
