/**
 * Example arguments for a repository method, from which `npm run sql -w @scr/server` records the
 * SQL the method sends into `server/src/queries/<repository>.sql`, so that a change in what hits
 * the database shows in review as a diff of SQL. A method may carry several examples (one per
 * shape of query it builds); each is run in a transaction that is rolled back.
 */
export interface SqlExample {
  /** what this example shows, when a method has more than one */
  name?: string;
  params: unknown[];
}

const SQL_EXAMPLES = Symbol('scr:sqlExamples');

/** Placeholder arguments: the SQL is recorded, whether or not a row matches. */
export const DummyValue = {
  UUID: '00000000-0000-4000-8000-000000000001',
  OTHER_UUID: '00000000-0000-4000-8000-000000000002',
  TEXT: 'example',
  DAY: '2023-01-31',
  NUMBER: 1,
  PAGE_SIZE: 20,
} as const;

export function GenerateSql(...examples: SqlExample[]): MethodDecorator {
  return (target, propertyKey) => {
    const owner = target as Record<symbol, Map<string, SqlExample[]> | undefined>;
    const known = owner[SQL_EXAMPLES] ?? new Map<string, SqlExample[]>();
    known.set(String(propertyKey), examples.length > 0 ? examples : [{ params: [] }]);
    owner[SQL_EXAMPLES] = known;
  };
}

/** The methods of a repository class that declare examples, with their examples. */
export function sqlExamplesOf(type: { prototype: object }): Map<string, SqlExample[]> {
  const owner = type.prototype as Record<symbol, Map<string, SqlExample[]> | undefined>;
  return new Map(owner[SQL_EXAMPLES] ?? []);
}
