import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byIdLoader, LoaderContribution, RequestLoadersFactory } from '../common/request-loaders';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

/** The users context's members of every request's loaders. */
export interface UserLoaders {
  userById: DataLoader<string, User | null>;
}

declare module '../common/request-loaders' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds the users' members
  interface RequestLoaders extends UserLoaders {}
}

@Injectable()
export class UserLoadersProvider implements LoaderContribution {
  constructor(
    factory: RequestLoadersFactory,
    private readonly users: UsersRepository,
  ) {
    factory.register(this);
  }

  loadersFor(): UserLoaders {
    return { userById: byIdLoader((ids) => this.users.findByIds(ids)) };
  }
}
