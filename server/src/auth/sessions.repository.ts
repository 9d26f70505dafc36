import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { AuthSession } from './auth-session.entity';

@Injectable()
export class SessionsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Stores an open session; returns its id. */
  @GenerateSql({
    params: [DummyValue.UUID, DummyValue.TEXT, new Date('2023-01-31T12:00:00Z')],
  })
  async insert(userId: string, refreshHash: string, expiresAt: Date): Promise<string> {
    const { identifiers } = await this.manager
      .getRepository(AuthSession)
      .insert({ userId, refreshHash, expiresAt, revokedAt: null });
    return identifiers[0].id as string;
  }

  /**
   * The account and whether the session is still open, in one statement, since every request
   * asks: the account's table is joined here rather than read through the users context.
   * Null when the account has no such session.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async accountWithSession(
    userId: string,
    sessionId: string,
  ): Promise<{ user: User; open: boolean } | null> {
    const { entities, raw } = await this.manager
      .getRepository(User)
      .createQueryBuilder('user')
      .innerJoin('auth_session', 'session', 'session.user_id = user.id AND session.id = :sid', {
        sid: sessionId,
      })
      .addSelect('session.revoked_at IS NULL AND session.expires_at > now()', 'session_open')
      .where('user.id = :id', { id: userId })
      .getRawAndEntities<{ session_open: boolean }>();
    if (!entities[0]) return null;
    return { user: entities[0], open: raw[0].session_open };
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string): Promise<AuthSession | null> {
    return this.manager.getRepository(AuthSession).findOneBy({ id });
  }

  /** Ends a session unless it has ended already. */
  @GenerateSql({ params: [DummyValue.UUID, new Date('2023-01-31T12:00:00Z')] })
  async revoke(id: string, at: Date): Promise<void> {
    await this.manager
      .getRepository(AuthSession)
      .update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }
}
