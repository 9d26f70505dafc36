import { Injectable } from '@nestjs/common';
import { EntitySchema, EntityTarget } from 'typeorm';
import { RemovalResult } from '../common/removal-result';
import { managerOf, Transaction } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  reviewId: string | null;
  entityType: string;
  entityId: string | null;
  /** What was done, in a word: create, update, remove, import, reorder, link, change-role… */
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Strips what an audit trail must not copy (password hashes) and dates to plain JSON. */
function snapshot(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (key, inner) => (key === 'passwordHash' ? undefined : inner)),
  );
}

@Injectable()
export class AuditService {
  /** Records a change inside the transaction that makes it, so the trail never disagrees with the data. */
  async record(tx: Transaction, actor: User, entries: AuditEntry | AuditEntry[]): Promise<void> {
    const manager = managerOf(tx);
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    await manager.getRepository(AuditEvent).insert(
      list.map((entry) => ({
        reviewId: entry.reviewId,
        actorId: actor.id,
        actorEmail: actor.email,
        entityType: entry.entityType,
        entityId: entry.entityId,
        action: entry.action,
        before: snapshot(entry.before) as object,
        after: snapshot(entry.after) as object,
      })),
    );
  }

  /** Applies `changes` to a record of a review and records the change; returns the record as it now is. */
  async update<T extends ReviewRecord>(
    tx: Transaction,
    actor: User,
    entity: EntityTarget<T>,
    before: T,
    changes: Partial<T>,
  ): Promise<T> {
    const manager = managerOf(tx);
    const repository = manager.getRepository(entity);
    await repository.update({ id: before.id } as never, changes as never);
    const after = await repository.findOneByOrFail({ id: before.id } as never);
    await this.record(manager, actor, {
      reviewId: before.reviewId,
      entityType: nameOf(entity),
      entityId: before.id,
      action: 'update',
      before,
      after,
    });
    return after;
  }

  /** Removes a record of a review and records it, unless this is a dry run that only reports the consequences. */
  async remove<T extends ReviewRecord>(
    tx: Transaction,
    actor: User,
    entity: EntityTarget<T>,
    before: T,
    consequences: string[],
    dryRun: boolean,
  ): Promise<RemovalResult> {
    const manager = managerOf(tx);
    if (dryRun) return { removed: false, consequences };
    await manager.getRepository(entity).delete({ id: before.id } as never);
    await this.record(manager, actor, {
      reviewId: before.reviewId,
      entityType: nameOf(entity),
      entityId: before.id,
      action: 'remove',
      before,
    });
    return { removed: true, consequences };
  }
}

interface ReviewRecord {
  id: string;
  reviewId: string;
}

const nameOf = (entity: EntityTarget<unknown>) =>
  typeof entity === 'function'
    ? entity.name
    : typeof entity === 'string'
      ? entity
      : entity instanceof EntitySchema
        ? entity.options.name
        : entity.name;
