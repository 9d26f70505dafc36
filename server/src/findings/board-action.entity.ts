import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BOARD_ACTION_STATUSES, BoardActionStatusName } from '@scr/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { BoardActionStatus } from '../graphql/enums';
import { Agency } from '../reviews/agency.entity';

@ObjectType({ description: "An action in the partnership's response to a finding" })
@Entity({ name: 'board_action' })
export class BoardAction {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @Field(() => ID)
  @Column({ name: 'finding_id', type: 'uuid' })
  findingId: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'owning_agency_id', type: 'uuid', nullable: true })
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
