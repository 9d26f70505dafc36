import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum Role {
  ADMIN = 'ADMIN',
  REVIEWER = 'REVIEWER',
  ANALYST = 'ANALYST',
  TRAINER = 'TRAINER',
}
registerEnumType(Role, { name: 'Role', description: 'Account-wide role' });

@ObjectType({ description: 'A person who can sign in' })
@Entity({ name: 'user_account' })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Index('uq_user_account_email', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Field()
  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @Field(() => Int, { description: 'Raised by every change an administrator makes' })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When an administrator deactivated the account; it cannot sign in until reactivated',
  })
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;
}
