import { Injectable } from '@nestjs/common';
import { passwordProblem } from '@scr/shared';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { badInput } from '../common/app-error';
import { Transaction } from '../database/unit-of-work';
import { Role, User } from './user.entity';
import { AccountMatch, UsersRepository } from './users.repository';

export type { AccountMatch } from './users.repository';

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  displayName?: string;
}

const UNIQUE_VIOLATION = '23505';
export const ACCOUNT_SEARCH_MIN_LENGTH = 2;
export const ACCOUNT_SEARCH_LIMIT = 10;

const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

/** 16 random bytes, readable in groups of four: about 128 bits, well over the minimum length. */
const generatePassword = () =>
  randomBytes(16)
    .toString('base64url')
    .slice(0, 20)
    .replace(/(.{4})(?!$)/g, '$1-');

/** Escapes the LIKE wildcards in what a person typed, so `_` and `%` match themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  findAll(): Promise<User[]> {
    return this.users.findAll();
  }

  /** The account with its password hash, for sign-in only. */
  findForSignIn(email: string): Promise<User | null> {
    return this.users.findForSignIn(email.trim().toLowerCase());
  }

  /** The administrator created first, who owns what the installation seeds. */
  firstAdministrator(): Promise<User | null> {
    return this.users.firstAdministrator();
  }

  count(): Promise<number> {
    return this.users.count();
  }

  /**
   * Creates an account. With an actor (an administrator through the API) the creation is
   * recorded in the audit trail; the first administrator, made by the installation, has none.
   */
  async create(input: NewUser, actor?: User): Promise<User> {
    const problem = passwordProblem(input.password);
    if (problem) throw badInput(problem, { field: 'password' });
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.users.transaction(async (transaction) => {
        const user = await this.users.in(transaction).insert({
          email,
          role: input.role,
          displayName: input.displayName?.trim() || email.split('@')[0],
          passwordHash,
          lastSignInAt: null,
          deactivatedAt: null,
        });
        if (actor) await this.recordChange(transaction, actor, 'create', null, user);
        return user;
      });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw badInput(`An account with the email ${email} already exists.`, {
          field: 'email',
          value: email,
        });
      }
      throw error;
    }
  }

  async recordSignIn(id: string): Promise<Date> {
    const signedInAt = new Date();
    await this.users.recordSignIn(id, signedInAt);
    return signedInAt;
  }

  /** Gives an account another role; its sessions end, so the new role applies from its next sign-in. */
  changeRole(actor: User, id: string, expectedVersion: number, role: Role): Promise<User> {
    return this.users.transaction(async (transaction) => {
      const users = this.users.in(transaction);
      if (role !== Role.ADMIN) await this.keepAnAdministrator(transaction, id, 'role');
      const { before, after } = await users.updateVersioned(id, expectedVersion, { role });
      if (before.role !== role) await users.endSessionsOf(id);
      await this.recordChange(transaction, actor, 'change-role', before, after);
      return after;
    });
  }

  /** Stops an account signing in and ends its sessions at once; its history stays. */
  deactivate(actor: User, id: string, expectedVersion: number): Promise<User> {
    return this.users.transaction(async (transaction) => {
      const users = this.users.in(transaction);
      await this.keepAnAdministrator(transaction, id, 'id');
      const current = await users.findById(id);
      const { before, after } = await users.updateVersioned(id, expectedVersion, {
        deactivatedAt: current?.deactivatedAt ?? new Date(),
      });
      await users.endSessionsOf(id);
      await this.recordChange(transaction, actor, 'deactivate', before, after);
      return after;
    });
  }

  reactivate(actor: User, id: string, expectedVersion: number): Promise<User> {
    return this.users.transaction(async (transaction) => {
      const { before, after } = await this.users
        .in(transaction)
        .updateVersioned(id, expectedVersion, { deactivatedAt: null });
      await this.recordChange(transaction, actor, 'reactivate', before, after);
      return after;
    });
  }

  /**
   * Sets a new password, the administrator's or a generated one (returned once, never stored in
   * clear or recorded), and ends the account's sessions.
   */
  async resetPassword(
    actor: User,
    id: string,
    expectedVersion: number,
    newPassword: string | null | undefined,
  ): Promise<{ user: User; generatedPassword: string | null }> {
    const generatedPassword = newPassword ? null : generatePassword();
    const password = newPassword ?? generatedPassword!;
    const problem = passwordProblem(password);
    if (problem) throw badInput(problem, { field: 'newPassword' });
    const passwordHash = await hashPassword(password);
    const user = await this.users.transaction(async (transaction) => {
      const users = this.users.in(transaction);
      const { before, after } = await users.updateVersioned(id, expectedVersion, { passwordHash });
      await users.endSessionsOf(id);
      await this.recordChange(transaction, actor, 'reset-password', before, after, {
        generated: generatedPassword !== null,
      });
      return after;
    });
    return { user, generatedPassword };
  }

  /**
   * Up to ten active accounts whose name or email contains `search`, leaving out those in
   * `excluding`: enough to pick a colleague, never the whole list.
   */
  search(search: string, excluding: string[]): Promise<AccountMatch[]> {
    return this.users.search(likePattern(search), excluding, ACCOUNT_SEARCH_LIMIT);
  }

  /**
   * Refuses a change that would leave no active administrator. The active administrators are
   * locked first, so two administrators demoting each other at once cannot both succeed.
   */
  private async keepAnAdministrator(
    transaction: Transaction,
    id: string,
    field: 'role' | 'id',
  ): Promise<void> {
    const admins = await this.users.in(transaction).lockActiveAdministrators();
    if (admins.length === 1 && admins[0] === id) {
      throw badInput(
        'This is the only active administrator: make another account an administrator first.',
        { field, value: id },
      );
    }
  }

  private recordChange(
    transaction: Transaction,
    actor: User,
    action: string,
    before: User | null,
    after: User,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const view = (user: User | null) =>
      user && {
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        deactivatedAt: user.deactivatedAt,
        version: user.version,
        ...extra,
      };
    return this.audit.record(transaction, actor, {
      reviewId: null,
      entityType: 'User',
      entityId: after.id,
      action,
      before: view(before),
      after: view(after),
    });
  }
}
