import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict, notFound } from '../common/app-error';

interface Versioned extends ObjectLiteral {
  id: string;
  version: number;
}

/**
 * Applies `changes` only if the row is still at `expectedVersion`, and bumps the version. The row
 * is locked first, so two saves from the same version cannot both pass: the second gets CONFLICT
 * with the current version in `extensions`, and nothing changes.
 */
export async function updateVersioned<T extends Versioned>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  expectedVersion: number,
  changes: Partial<T>,
  what: string,
): Promise<{ before: T; after: T }> {
  const repository = manager.getRepository(entity);
  const before = await repository.findOne({
    where: { id } as never,
    lock: { mode: 'pessimistic_write' },
  });
  if (!before) throw notFound(`There is no ${what} with id ${id}.`);
  if (before.version !== expectedVersion) {
    throw conflict(
      `Someone else saved this ${what} first: you edited version ${expectedVersion}, it is now at version ${before.version}.`,
      { currentVersion: before.version, expectedVersion, current: before },
    );
  }
  await repository.update({ id } as never, { ...changes, version: before.version + 1 });
  const after = await repository.findOneByOrFail({ id } as never);
  return { before, after };
}
