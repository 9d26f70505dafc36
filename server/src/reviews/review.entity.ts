import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  METHODOLOGIES,
  MethodologyName,
  REVIEW_STATUSES,
  REVIEW_TYPES,
  ReviewStatusName,
  ReviewTypeName,
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
import { User } from '../users/user.entity';
import { Methodology, ReviewStatus, ReviewType } from '../graphql/enums';

@ObjectType({ description: 'Where an imported review came from, as its bundle said' })
export class ImportedFrom {
  @Field({ description: 'The reference of the review the bundle was exported from' })
  reference: string;

  @Field(() => String, { nullable: true, description: 'Its id in the installation it came from' })
  sourceReviewId: string | null;

  @Field(() => String, { nullable: true, description: 'The id of the installation it came from' })
  installation: string | null;

  @Field(() => String, { nullable: true, description: 'When the bundle was exported (ISO 8601)' })
  exportedAt: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who exported it (e-mail); null for readers who may not see real names',
  })
  exportedBy: string | null;

  @Field({ description: 'Whether the bundle carried real names' })
  realNames: boolean;

  @Field({ description: 'When it was imported here (ISO 8601)' })
  importedAt: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who imported it (e-mail); null for readers who may not see real names',
  })
  importedBy: string | null;
}

@ObjectType({ description: 'One case review and everything its team records' })
@Check(
  'ck_review_period',
  `period_end IS NULL OR period_start IS NULL OR period_end >= period_start`,
)
@Check(
  'ck_review_case_group_sign_off',
  `(case_group_signed_off_at IS NULL) = (case_group_signed_off_by_name IS NULL)`,
)
@Index('ix_review_case_group_signed_off_by', ['caseGroupSignedOffById'])
@Index('ix_review_characteristics', ['caseCharacteristicKeys'], { type: 'gin' })
@Index('ix_review_created_by', ['createdById'])
@Index('ix_review_updated_by', ['updatedById'])
@Entity({ name: 'review' })
export class Review {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Index('uq_review_reference', { unique: true })
  @Column({ type: 'text' })
  reference: string;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field()
  @Column({ type: 'text', default: '' })
  partnership: string;

  @Field(() => ReviewType)
  @Column({ type: 'enum', enum: REVIEW_TYPES, enumName: 'review_type' })
  type: ReviewTypeName;

  @Field(() => ReviewStatus)
  @Column({ type: 'enum', enum: REVIEW_STATUSES, enumName: 'review_status', default: 'SCOPING' })
  status: ReviewStatusName;

  @Field(() => Methodology)
  @Column({
    type: 'enum',
    enum: METHODOLOGIES,
    enumName: 'methodology',
    default: 'LEARNING_TOGETHER',
  })
  methodology: MethodologyName;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'period_start', type: 'date', nullable: true })
  periodStart: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'period_end', type: 'date', nullable: true })
  periodEnd: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** Theme keys of kind CASE_CHARACTERISTIC; resolved to themes by the resolver. */
  @Column({ name: 'case_characteristics', type: 'text', array: true, default: () => "'{}'" })
  caseCharacteristicKeys: string[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the case group signed off the analysis; null until then or once withdrawn',
  })
  @Column({ name: 'case_group_signed_off_at', type: 'timestamptz', nullable: true })
  caseGroupSignedOffAt: Date | null;

  @Column({ name: 'case_group_signed_off_by', type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'review_case_group_signed_off_by_fkey', onDelete: 'SET NULL' })
  caseGroupSignedOffById: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Who recorded the case group's sign-off (the lead reviewer, after the case group met)",
  })
  @Column({ name: 'case_group_signed_off_by_name', type: 'text', nullable: true })
  caseGroupSignedOffBy: string | null;

  /** Where the review came from when it was imported from a bundle; null when made here. */
  @Column({ name: 'imported_from', type: 'jsonb', nullable: true })
  importedFrom: ImportedFrom | null;

  @Field(() => Int)
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'review_created_by_fkey', onDelete: 'SET NULL' })
  createdById: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'review_updated_by_fkey', onDelete: 'SET NULL' })
  updatedById: string | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
