import { DataSource, EntityManager, EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Column lists taken from the entities' metadata, so that a table's columns are written once, in
 * its migration and its entity, and hand-written SQL follows them.
 */

type MetadataSource = DataSource | EntityManager;

const dataSourceOf = (source: MetadataSource): DataSource =>
  source instanceof DataSource ? source : source.dataSource;

const selectLists = new WeakMap<object, Map<string, string>>();

/**
 * `alias.column AS "property", …` for the hand-written SQL of the review page's hot paths. It
 * leaves out the bookkeeping timestamps no screen shows (parsing a timestamp for every row of a
 * large review is most of what an ORM read costs there), and reads bigint as text.
 */
export function selectColumns(
  source: MetadataSource,
  entity: EntityTarget<unknown>,
  alias: string,
): string {
  const metadata = dataSourceOf(source).getMetadata(entity);
  const lists = selectLists.get(metadata) ?? new Map<string, string>();
  selectLists.set(metadata, lists);
  const known = lists.get(alias);
  if (known !== undefined) return known;
  const list = metadata.columns
    .filter((column) => !column.isCreateDate && !column.isUpdateDate)
    .map((column) => {
      const value = `${alias}.${column.databaseName}${column.type === 'bigint' ? '::text' : ''}`;
      return `${value} AS "${column.propertyName}"`;
    })
    .join(', ');
  lists.set(alias, list);
  return list;
}

/** Every column of the entity, `alias.column AS "property"`, timestamps included. */
export function allColumns(
  source: MetadataSource,
  entity: EntityTarget<unknown>,
  alias: string,
): string {
  return dataSourceOf(source)
    .getMetadata(entity)
    .columns.map((column) => `${alias}.${column.databaseName} AS "${column.propertyName}"`)
    .join(', ');
}

/** The column's type as PostgreSQL names it: `uuid`, `text[]`, the enum's type name … */
function sqlType(source: MetadataSource, column: ColumnMetadata): string {
  const base =
    column.type === 'enum' && column.enumName
      ? column.enumName
      : typeof column.type === 'string'
        ? column.type
        : dataSourceOf(source).driver.normalizeType(column);
  return column.isArray ? `${base}[]` : base;
}

/** The table of the entity and, for each property, its column's name and SQL type. */
export function tableColumns(
  source: MetadataSource,
  entity: EntityTarget<unknown>,
  properties: readonly string[],
): { table: string; columns: [string, string][] } {
  const metadata = dataSourceOf(source).getMetadata(entity);
  return {
    table: metadata.tableName,
    columns: properties.map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}.`);
      return [column.databaseName, sqlType(source, column)];
    }),
  };
}
