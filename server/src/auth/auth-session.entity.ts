import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

/**
 * One sign-in. Access tokens name it; it ends when the person signs out, when it expires, or
 * when an administrator changes the account (role, deactivation, password).
 */
@Index('ix_auth_session_user_live', ['userId'], { where: `(revoked_at IS NULL)` })
@Entity({ name: 'auth_session' })
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => User, { name: 'auth_session_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  /** SHA-256 of the refresh secret held in the browser's httpOnly cookie. */
  @Column({ name: 'refresh_hash', type: 'text' })
  refreshHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
