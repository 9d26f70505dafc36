import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { passwordProblem } from '@scr/shared';
import * as argon2 from 'argon2';
import { Repository } from 'typeorm';
import { badInput } from '../common/app-error';
import { Role, User } from './user.entity';

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  displayName?: string;
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findAll(): Promise<User[]> {
    return this.users.find({ order: { email: 'ASC' } });
  }

  /** The account with its password hash, for sign-in only. */
  findForSignIn(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  /** The administrator created first, who owns what the installation seeds. */
  firstAdministrator(): Promise<User | null> {
    return this.users.findOne({ where: { role: Role.ADMIN }, order: { createdAt: 'ASC' } });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  async create(input: NewUser): Promise<User> {
    const problem = passwordProblem(input.password);
    if (problem) throw badInput(problem, { field: 'password' });
    const email = input.email.trim().toLowerCase();
    const user = this.users.create({
      email,
      role: input.role,
      displayName: input.displayName?.trim() || email.split('@')[0],
      passwordHash: await argon2.hash(input.password, { type: argon2.argon2id }),
      lastSignInAt: null,
    });
    try {
      return await this.users.save(user);
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
    await this.users.update({ id }, { lastSignInAt: signedInAt });
    return signedInAt;
  }
}
