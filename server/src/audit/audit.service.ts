import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { User } from '../users/user.entity';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  reviewId: string | null;
  entityType: string;
  entityId: string | null;
  action: 'create' | 'update' | 'remove' | 'import' | 'reorder' | 'link' | string;
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
  async record(
    manager: EntityManager,
    actor: User,
    entries: AuditEntry | AuditEntry[],
  ): Promise<void> {
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
}
