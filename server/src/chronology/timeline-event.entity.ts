import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DATE_PRECISIONS, DatePrecisionName } from '@scr/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Generated,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Review } from '../reviews/review.entity';
import { DatePrecision } from '../graphql/enums';
import { Agency } from '../reviews/agency.entity';

@ObjectType({ description: 'One entry of the multi-agency chronology' })
@Check('ck_timeline_event_time', `time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`)
@Check('timeline_event_title_check', `length(btrim(title)) > 0`)
@Index('ix_timeline_event_agency_id', ['agencyId'])
@Index('ix_timeline_event_group', ['eventGroup'], { where: `(event_group IS NOT NULL)` })
@Entity({ name: 'timeline_event' })
@Index('ix_timeline_event_order', ['reviewId', 'sortDate', 'sequence'])
// Trigram indexes on an expression, which an entity cannot describe: made by the migration
// (duplicate-candidates), and left alone by TypeORM's comparison.
@Index('ix_timeline_event_words', { synchronize: false })
@Index('ix_timeline_event_month_words', { synchronize: false })
export class TimelineEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'timeline_event_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  @Field({ description: 'As recorded: YYYY-MM-DD, YYYY-MM or YYYY' })
  @Column({ name: 'occurred_on', type: 'text' })
  occurredOn: string;

  @Field(() => DatePrecision)
  @Column({ type: 'enum', enum: DATE_PRECISIONS, enumName: 'date_precision' })
  precision: DatePrecisionName;

  @Field(() => String, {
    nullable: true,
    description: 'Time of day HH:MM, when the record gave one',
  })
  @Column({ name: 'time_of_day', type: 'text', nullable: true })
  timeOfDay: string | null;

  @Field({ description: 'First day the date can mean (YYYY-MM-DD): where it sorts' })
  @Column({ name: 'sort_date', type: 'date' })
  sortDate: string;

  @Field({ description: 'Last day the date can mean (YYYY-MM-DD)' })
  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Agency, { name: 'timeline_event_agency_id_fkey', onDelete: 'SET NULL' })
  agencyId: string | null;

  /** Filled in by the loaders from the review's agency list (see RequestLoaders.withAgencies). */
  @Field(() => Agency, { nullable: true })
  agency?: Agency | null;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'The record or conversation it came from' })
  @Column({ type: 'text', nullable: true })
  source: string | null;

  /** Shared by the records of one occasion made by several agencies (see linkEvents). */
  @Column({ name: 'event_group', type: 'uuid', nullable: true })
  eventGroup: string | null;

  /** Insertion order, so that events of the same date keep the order they were added in. */
  @Column({ name: 'sequence', type: 'bigint', insert: false, update: false })
  @Generated('increment')
  sequence: string;

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
