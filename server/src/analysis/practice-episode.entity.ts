import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PRACTICE_APPRAISALS, PracticeAppraisalName } from '@scr/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Review } from '../reviews/review.entity';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import { PracticeAppraisal } from '../graphql/enums';
import { ContributoryFactor } from './contributory-factor.entity';

@ObjectType({ description: 'A key practice episode (KPE): a moment or period that mattered' })
@Check(
  'ck_practice_episode_dates',
  `end_date IS NULL OR start_date IS NULL OR end_date >= start_date`,
)
@Check('practice_episode_title_check', `length(btrim(title)) > 0`)
@Unique('uq_practice_episode_ordinal', ['reviewId', 'ordinal'], {
  deferrable: 'INITIALLY IMMEDIATE',
})
@Entity({ name: 'practice_episode' })
export class PracticeEpisode {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'practice_episode_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  ordinal: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What it looked like from inside at the time',
  })
  @Column({ name: 'view_from_the_tunnel', type: 'text', nullable: true })
  viewFromTheTunnel: string | null;

  @Field(() => PracticeAppraisal)
  @Column({
    type: 'enum',
    enum: PRACTICE_APPRAISALS,
    enumName: 'practice_appraisal',
    default: 'NOT_APPRAISED',
  })
  appraisal: PracticeAppraisalName;

  @Field(() => String, { nullable: true })
  @Column({ name: 'appraisal_narrative', type: 'text', nullable: true })
  appraisalNarrative: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the practice made sense at the time: the narrative that the contributory factors support',
  })
  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  @Field(() => Int)
  @Column({ type: 'integer', default: 1 })
  version: number;

  // Filled in by the loaders for a whole list at once (RequestLoaders.withEpisodeDetails), so
  // that they are plain data and cost GraphQL no resolver call per episode.
  @Field(() => [TimelineEvent], { description: 'The events of the episode, in date order' })
  events?: TimelineEvent[];

  @Field(() => [ContributoryFactor], { description: 'Contributory factors, by level' })
  factors?: ContributoryFactor[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
