import { Field, ObjectType } from '@nestjs/graphql';
import { REVIEW_ROLES, ReviewRoleName } from '@scr/shared';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ReviewRole } from '../graphql/enums';

@ObjectType({ description: "A person's role on one review" })
@Entity({ name: 'review_member' })
export class ReviewMember {
  @PrimaryColumn({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Field(() => ReviewRole)
  @Column({ type: 'enum', enum: REVIEW_ROLES, enumName: 'review_role' })
  role: ReviewRoleName;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
