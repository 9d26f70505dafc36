import { Injectable } from '@nestjs/common';
import { EntitySchema, EntityTarget } from 'typeorm';
import { decodeCursor, lazily, pageSize, toConnection } from '../common/pagination';
import { RemovalResult } from '../common/removal-result';
import { Transaction } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { AuditRepository } from './audit.repository';

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
  constructor(private readonly events: AuditRepository) {}

  /** Records a change inside the transaction that makes it, so the trail never disagrees with the data. */
  async record(
    transaction: Transaction,
    actor: User,
    entries: AuditEntry | AuditEntry[],
  ): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    await this.events.in(transaction).insert(
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
    transaction: Transaction,
    actor: User,
    entity: EntityTarget<T>,
    before: T,
    changes: Partial<T>,
  ): Promise<T> {
    const after = await this.events.in(transaction).updateRecord(entity, before.id, changes);
    await this.record(transaction, actor, {
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
    transaction: Transaction,
    actor: User,
    entity: EntityTarget<T>,
    before: T,
    consequences: string[],
    dryRun: boolean,
  ): Promise<RemovalResult> {
    if (dryRun) return { removed: false, consequences };
    await this.events.in(transaction).deleteRecord(entity, before.id);
    await this.record(transaction, actor, {
      reviewId: before.reviewId,
      entityType: nameOf(entity),
      entityId: before.id,
      action: 'remove',
      before,
    });
    return { removed: true, consequences };
  }

  /** A page of a review's trail, newest first; whoever asks has been checked by the caller. */
  async reviewTrail(reviewId: string, first?: number, after?: string) {
    const limit = pageSize(first, 100);
    const cursor = decodeCursor(after, 1) as [string] | null;
    const rows = await this.events.reviewPage(reviewId, cursor?.[0] ?? null, limit + 1);
    const total = lazily(() => this.events.countForReview(reviewId));
    return toConnection(rows, limit, total, (row) => [row.id]);
  }

  /** A page of the changes tied to no review, newest first, optionally of one kind of record. */
  async generalTrail(first?: number, after?: string, entityType?: string) {
    const limit = pageSize(first, 100);
    const cursor = decodeCursor(after, 1) as [string] | null;
    const kind = entityType || null;
    const rows = await this.events.generalPage(kind, cursor?.[0] ?? null, limit + 1);
    const total = lazily(() => this.events.countGeneral(kind));
    return toConnection(rows, limit, total, (row) => [row.id]);
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
