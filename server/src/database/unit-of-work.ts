import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/**
 * An open transaction as a service sees it: a handle to pass on, to its own repositories
 * (`repository.in(transaction)`) and to other contexts' services (`audit.record(transaction, …)`), with nothing
 * to query through. At run time it is the transaction's EntityManager, which only repositories
 * open (`managerOf`). An EntityManager is assignable to it, so code not yet converted can still
 * hand its manager to a converted service.
 */
export interface Transaction {
  readonly '@instanceof': symbol;
}

/** The EntityManager behind a transaction handle: for repositories only. */
export function managerOf(transaction: Transaction): EntityManager {
  if (!(transaction instanceof EntityManager)) throw new Error('Not a transaction handle.');
  return transaction;
}

/**
 * What every repository extends. A repository works on the application's connection by
 * default; `in(transaction)` gives the same repository working inside a transaction, and
 * `transaction(work)` opens one. A service that needs several calls (of its own repositories,
 * or of other contexts' services) to succeed or fail together writes:
 *
 * ```ts
 * return this.themes.transaction(async (transaction) => {
 *   const theme = await this.themes.in(transaction).insert(input);
 *   await this.audit.record(transaction, user, { … });
 *   return theme;
 * });
 * ```
 */
export abstract class BaseRepository {
  protected readonly manager: EntityManager;

  protected constructor(dataSource: DataSource) {
    this.manager = dataSource.manager;
  }

  /** This repository, with every method running inside `transaction`. */
  in(transaction: Transaction): this {
    const bound = Object.create(this) as this;
    Object.defineProperty(bound, 'manager', { value: managerOf(transaction) });
    return bound;
  }

  /**
   * Runs `work` in one transaction, committed when it resolves and rolled back when it throws.
   * Inside a transaction already (`repository.in(transaction).transaction(…)`) it joins that one.
   */
  transaction<T>(
    work: (transaction: Transaction) => Promise<T>,
    isolation?: IsolationLevel,
  ): Promise<T> {
    if (this.manager.queryRunner?.isTransactionActive) return work(this.manager);
    return isolation ? this.manager.transaction(isolation, work) : this.manager.transaction(work);
  }
}
