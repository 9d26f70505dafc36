import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BOARD_ACTION_STATUSES, BoardActionStatusName } from '@scr/shared';
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
import { Review } from '../reviews/review.entity';
import { Finding } from './finding.entity';
import { BoardActionStatus } from '../graphql/enums';
import { Agency } from '../reviews/agency.entity';

@ObjectType({ description: "An action in the partnership's response to a finding" })
@Check('board_action_description_check', `length(btrim(description)) > 0`)
@Check(
  'ck_board_action_dropped',
  `status <> 'DROPPED' OR length(btrim(coalesce(dropped_reason, ''))) > 0`,
)
@Index('ix_board_action_finding', ['findingId'])
@Index('ix_board_action_owning_agency_id', ['owningAgencyId'])
@Index('ix_board_action_review_id', ['reviewId'])
@Entity({ name: 'board_action' })
export class BoardAction {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'board_action_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  @Field(() => ID)
  @Column({ name: 'finding_id', type: 'uuid' })
  @ForeignKey(() => Finding, { name: 'board_action_finding_id_fkey', onDelete: 'CASCADE' })
  findingId: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'owning_agency_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Agency, { name: 'board_action_owning_agency_id_fkey', onDelete: 'SET NULL' })
  owningAgencyId: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Field(() => BoardActionStatus)
  @Column({
    type: 'enum',
    enum: BOARD_ACTION_STATUSES,
    enumName: 'board_action_status',
    default: 'PLANNED',
  })
  status: BoardActionStatusName;

  @Field(() => String, { nullable: true })
  @Column({ name: 'dropped_reason', type: 'text', nullable: true })
  droppedReason: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Evidence that the action made a difference',
  })
  @Column({ name: 'impact_note', type: 'text', nullable: true })
  impactNote: string | null;

  // Filled in by the loaders for a whole list at once (RequestLoaders.withActionDetails).
  @Field(() => Agency, { nullable: true })
  owningAgency?: Agency | null;

  @Field({ description: 'Past its due date and neither done nor dropped' })
  overdue?: boolean;

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
