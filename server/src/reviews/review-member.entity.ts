import { Field, ObjectType } from '@nestjs/graphql';
import { REVIEW_ROLES, ReviewRoleName } from '@scr/shared';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Review } from './review.entity';
import { ReviewRole } from '../graphql/enums';

@ObjectType({ description: "A person's role on one review" })
@Index('ix_review_member_user', ['userId'])
@Entity({ name: 'review_member' })
export class ReviewMember {
  @PrimaryColumn({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'review_member_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => User, { name: 'review_member_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  @Field(() => ReviewRole)
  @Column({ type: 'enum', enum: REVIEW_ROLES, enumName: 'review_role' })
  role: ReviewRoleName;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
