import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SEXES, SexName } from '@scr/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Review } from './review.entity';
import { Sex } from '../graphql/enums';

const PARTIAL_DATE = `'^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'`;

@ObjectType({ description: 'A family member or other person in the review, shown by pseudonym' })
@Index('ix_person_review', ['reviewId'])
@Check('ck_person_born_on', `born_on ~ ${PARTIAL_DATE}`)
@Check('ck_person_died_on', `died_on ~ ${PARTIAL_DATE}`)
@Check('ck_person_age', `age_at_period_start BETWEEN 0 AND 130`)
@Entity({ name: 'person' })
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'person_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  /** The real name: resolved only for the review's members and administrators. */
  @Column({ type: 'text', default: '' })
  name: string;

  /**
   * Other names the person was known by ("Jay"): real names too, resolved only for those who
   * may read real names.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Field()
  @Column({ type: 'text' })
  pseudonym: string;

  @Field(() => String, { nullable: true, description: 'Relationship to the child' })
  @Column({ type: 'text', nullable: true })
  relationship: string | null;

  @Field(() => Sex, { description: 'Square, circle or diamond on the genogram' })
  @Column({ type: 'enum', enum: SEXES, enumName: 'person_sex', default: 'NOT_KNOWN' })
  sex: SexName;

  @Field(() => String, {
    nullable: true,
    description: 'Date of birth as known: YYYY-MM-DD, YYYY-MM or YYYY',
  })
  @Column({ name: 'born_on', type: 'text', nullable: true })
  bornOn: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Age in whole years at the start of the period under review, when no birth date',
  })
  @Column({ name: 'age_at_period_start', type: 'integer', nullable: true })
  ageAtPeriodStart: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Date of death as known: YYYY-MM-DD, YYYY-MM or YYYY; null when alive or unknown',
  })
  @Column({ name: 'died_on', type: 'text', nullable: true })
  diedOn: string | null;

  @Field({ description: 'Has died (true whenever diedOn is set; also when the date is unknown)' })
  @Column({ type: 'boolean', default: false })
  deceased: boolean;

  @Field({ description: 'A child the review is about (siblings may each be one)' })
  @Column({ name: 'is_subject_child', type: 'boolean', default: false })
  isSubjectChild: boolean;

  @Field(() => Int, {
    description: 'Goes up by one on every save; send it back as expectedVersion',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
