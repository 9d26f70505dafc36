import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { updateVersioned } from '../database/versioned-update';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { rowsByIds } from '../database/loader-queries';
import { BaseRepository } from '../database/unit-of-work';
import { Role, User } from './user.entity';

export interface AccountMatch {
  id: string;
  displayName: string;
  email: string;
}

export type NewAccount = Pick<
  User,
  'email' | 'role' | 'displayName' | 'passwordHash' | 'lastSignInAt' | 'deactivatedAt'
>;

@Injectable()
export class UsersRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string): Promise<User | null> {
    return this.manager.getRepository(User).findOneBy({ id });
  }

  /** The accounts with the given ids, in no order: the batch of the request loaders. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  findByIds(ids: string[]): Promise<User[]> {
    return rowsByIds(this.manager, User, ids);
  }

  @GenerateSql()
  findAll(): Promise<User[]> {
    return this.manager.getRepository(User).find({ order: { email: 'ASC' } });
  }

  /** The account with its password hash, by its email as stored (lower case). */
  @GenerateSql({ params: ['someone@example.org'] })
  findForSignIn(email: string): Promise<User | null> {
    return this.manager
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
  }

  @GenerateSql()
  firstAdministrator(): Promise<User | null> {
    return this.manager
      .getRepository(User)
      .findOne({ where: { role: Role.ADMIN }, order: { createdAt: 'ASC' } });
  }

  @GenerateSql()
  count(): Promise<number> {
    return this.manager.getRepository(User).count();
  }

  /** Stores a new account and returns it as stored (without its password hash). */
  @GenerateSql({
    params: [
      {
        email: 'someone@example.org',
        role: Role.REVIEWER,
        displayName: DummyValue.TEXT,
        passwordHash: DummyValue.TEXT,
        lastSignInAt: null,
        deactivatedAt: null,
      },
    ],
  })
  async insert(account: NewAccount): Promise<User> {
    const users = this.manager.getRepository(User);
    const created = await users.save(users.create(account));
    return users.findOneByOrFail({ id: created.id });
  }

  @GenerateSql({ params: [DummyValue.UUID, new Date('2023-01-31T12:00:00Z')] })
  async recordSignIn(id: string, at: Date): Promise<void> {
    await this.manager.getRepository(User).update({ id }, { lastSignInAt: at });
  }

  /** Applies `changes` if the account is still at `expectedVersion` (see updateVersioned). */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { role: Role.ANALYST }] })
  updateVersioned(
    id: string,
    expectedVersion: number,
    changes: Partial<User>,
  ): Promise<{ before: User; after: User }> {
    return updateVersioned(this.manager, User, id, expectedVersion, changes, 'account');
  }

  /**
   * The active administrators' ids, locked until the transaction ends, so that two changes that
   * would each leave one administrator cannot both pass.
   */
  @GenerateSql()
  async lockActiveAdministrators(): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM user_account WHERE role = 'ADMIN' AND deactivated_at IS NULL ORDER BY id FOR UPDATE`,
    );
    return rows.map((row) => row.id);
  }

  /**
   * Ends every open session of an account, in the transaction that changes the account: its
   * access tokens stop working on every instance at the next request, and its refresh cookie no
   * longer signs it in. (The sessions are auth's, but auth builds on users, not the reverse.)
   */
  @GenerateSql({ params: [DummyValue.UUID] })
  async endSessionsOf(userId: string): Promise<void> {
    await this.manager.query(
      `UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
  }

  /**
   * Up to `limit` active accounts whose name or email matches the LIKE `pattern`, leaving out
   * those in `excluding`.
   */
  @GenerateSql(
    { name: 'anyone', params: ['%example%', [], 10] },
    { name: 'leaving some out', params: ['%example%', [DummyValue.UUID], 10] },
  )
  search(pattern: string, excluding: string[], limit: number): Promise<AccountMatch[]> {
    const query = this.manager
      .getRepository(User)
      .createQueryBuilder('user')
      .select(['user.id', 'user.displayName', 'user.email'])
      .where('user.deactivated_at IS NULL')
      .andWhere(
        "(user.display_name ILIKE :pattern ESCAPE '\\' OR user.email ILIKE :pattern ESCAPE '\\')",
        { pattern },
      );
    if (excluding.length > 0) query.andWhere('user.id NOT IN (:...excluding)', { excluding });
    return query
      .orderBy('user.display_name', 'ASC')
      .addOrderBy('user.email', 'ASC')
      .limit(limit)
      .getMany();
  }
}
