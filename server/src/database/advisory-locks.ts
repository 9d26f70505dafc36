/**
 * Keys of the PostgreSQL advisory locks that serialise work across instances sharing a database.
 * One place, so two kinds of work never take the same key by accident.
 */
export const ADVISORY_LOCKS = {
  /** The schema version check and the migrations. */
  migrations: 742_000,
  /** The first administrator and the demo data, on a first start. */
  initialData: 742_001,
} as const;
