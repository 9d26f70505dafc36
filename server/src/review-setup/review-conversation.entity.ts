import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  CONVERSATION_FORMATS,
  CONVERSATION_KINDS,
  ConversationFormatName,
  ConversationKindName,
  DATE_PRECISIONS,
  DatePrecisionName,
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
import { ConversationFormat, ConversationKind, DatePrecision } from '../graphql/enums';
import { Review } from '../reviews/review.entity';

@ObjectType({ description: 'Someone who took part, by role and agency: no names' })
export class ConversationParticipant {
  @Field({ description: 'Their role, e.g. "health visitor", "team manager"' })
  role: string;

  @Field(() => ID, { nullable: true, description: "An agency of the review's register" })
  agencyId: string | null;
}

@ObjectType({
  description:
    "A conversation of the review with practitioners, or the family's contribution to it",
})
@Check('review_conversation_participants_check', `jsonb_typeof(participants) = 'array'`)
@Check(
  'review_conversation_date_check',
  `(held_on IS NULL) = (precision IS NULL) AND (held_on IS NULL) = (sort_date IS NULL)`,
)
@Index('ix_review_conversation_review_id', ['reviewId'])
@Entity({ name: 'review_conversation' })
export class ReviewConversation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'review_conversation_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  @Field(() => ConversationKind)
  @Column({ type: 'enum', enum: CONVERSATION_KINDS, enumName: 'conversation_kind' })
  kind: ConversationKindName;

  @Field(() => ConversationFormat)
  @Column({ type: 'enum', enum: CONVERSATION_FORMATS, enumName: 'conversation_format' })
  format: ConversationFormatName;

  @Field(() => String, { nullable: true, description: 'When: YYYY-MM-DD, YYYY-MM or YYYY' })
  @Column({ name: 'held_on', type: 'text', nullable: true })
  heldOn: string | null;

  @Field(() => DatePrecision, { nullable: true })
  @Column({ type: 'enum', enum: DATE_PRECISIONS, enumName: 'date_precision', nullable: true })
  precision: DatePrecisionName | null;

  @Column({ name: 'sort_date', type: 'date', nullable: true })
  sortDate: string | null;

  @Field(() => [ConversationParticipant], { description: 'Who took part, by role and agency' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  participants: ConversationParticipant[];

  @Field(() => String, {
    nullable: true,
    description: 'The family members involved, in words, beside or instead of the register',
  })
  @Column({ name: 'family_description', type: 'text', nullable: true })
  familyDescription: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  // Filled in by the loaders for a whole list at once.
  @Field(() => [ID], { description: "Family members involved: people of the review's register" })
  familyPersonIds?: string[];

  @Field(() => [ID], { description: 'The key practice episodes it informs' })
  episodeIds?: string[];

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
