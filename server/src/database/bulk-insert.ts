import { randomUUID } from 'node:crypto';
import { EntityManager, EntityTarget } from 'typeorm';
import { tableColumns } from './entity-columns';

/**
 * Inserts rows column-wise with unnest, under ids made here so that each new id is known to
 * belong to its row. The columns are the entity's properties, named and typed from its metadata;
 * array columns travel as array literals and are cast back (`text[]`).
 */
export async function insertRows(
  manager: EntityManager,
  entity: EntityTarget<unknown>,
  properties: readonly string[],
  rows: unknown[][],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const { table, columns } = tableColumns(manager, entity, ['id', ...properties]);
  const newIds = rows.map(() => randomUUID());
  await insertColumns(
    manager,
    table,
    columns,
    rows.map((row, i) => [newIds[i], ...row]),
  );
  return newIds;
}

/** Inserts rows of a table without an entity (a join table), its columns named and typed here. */
export async function insertColumns(
  manager: EntityManager,
  table: string,
  columns: [string, string][],
  rows: unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const isArray = (type: string) => type.endsWith('[]');
  const unnest = columns
    .map(([, type], i) => `$${i + 1}::${isArray(type) ? 'text' : type}[]`)
    .join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const selected = columns
    .map(([, type], i) => (isArray(type) ? `c${i}::${type}` : `c${i}`))
    .join(', ');
  const names = columns.map(([name]) => name).join(', ');
  await manager.query(
    `INSERT INTO ${table} (${names}) SELECT ${selected} FROM unnest(${unnest}) AS u(${aliases})`,
    columns.map((_, i) => rows.map((row) => row[i])),
  );
}
