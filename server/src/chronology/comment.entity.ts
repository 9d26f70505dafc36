import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({
  description: 'A remark on an event or episode, e.g. from a practitioner of the case group',
})
@Entity({ name: 'review_comment' })
export class ReviewComment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'episode_id', type: 'uuid', nullable: true })
  episodeId: string | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
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
}
