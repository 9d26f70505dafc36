import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AGENCY_SECTORS, AgencySectorName } from '@scr/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Review } from './review.entity';
import { AgencySector } from '../graphql/enums';

@ObjectType({ description: 'An agency involved with the family during the period under review' })
@Entity({ name: 'agency' })
@Index('uq_agency_review_name', ['reviewId', 'name'], { unique: true })
export class Agency {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'agency_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => AgencySector)
  @Column({ type: 'enum', enum: AGENCY_SECTORS, enumName: 'agency_sector' })
  sector: AgencySectorName;

  @Field(() => Int, {
    description: 'Goes up by one on every save; send it back as expectedVersion',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
