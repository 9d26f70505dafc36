import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { selectColumns } from './entity-columns';

/** The batch queries behind the request loaders (common/request-loaders.ts), for repositories. */

/** The rows of `entity` with the given ids, in no order. */
export function rowsByIds<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  ids: string[],
): Promise<T[]> {
  return manager.getRepository(entity).findBy({ id: In(ids) } as never);
}

/** The rows of `entity` whose `property` is one of `keys`, in the given order. */
export function rowsWhereIn<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  property: keyof T & string,
  keys: string[],
  order: Record<string, 'ASC' | 'DESC'>,
): Promise<T[]> {
  return manager
    .getRepository(entity)
    .find({ where: { [property]: In(keys) } as never, order: order as never });
}

/**
 * The rows of `entity` whose `property` is one of `keys`, read with hand-written SQL under the
 * columns entity-columns.ts lists (alias `t`), ordered by `orderBy`.
 */
export function sqlRowsWhereIn<T>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  property: keyof T & string,
  keys: string[],
  orderBy: string,
): Promise<T[]> {
  const metadata = manager.connection.getMetadata(entity);
  const keyColumn = metadata.findColumnWithPropertyName(property)!.databaseName;
  return manager.query(
    `SELECT ${selectColumns(manager, entity, 't')} FROM ${metadata.tableName} t
     WHERE t.${keyColumn} = ANY($1) ORDER BY ${orderBy}`,
    [keys],
  );
}
