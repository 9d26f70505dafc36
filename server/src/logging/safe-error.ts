import { createHash } from 'node:crypto';
import { QueryFailedError } from 'typeorm';

interface DriverError {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
}

/** What PostgreSQL's error fields say without quoting a value: no message, detail, hint or where. */
const SAFE_DRIVER_FIELDS = ['code', 'constraint', 'table', 'column', 'routine'] as const;

/**
 * A short, stable name for a SQL statement: its command and a hash of its text, so that the log
 * tells which statement failed and how often, without the text (which may hold literals).
 */
export function statementFingerprint(query: string): string {
  const normalised = query.replace(/\s+/g, ' ').trim();
  const command = /^\(?\s*([A-Za-z]+)/.exec(normalised)?.[1]?.toUpperCase() ?? 'SQL';
  return `${command} ${createHash('sha256').update(normalised).digest('hex').slice(0, 12)}`;
}

/** The stack's frames without its first line, which repeats the message. */
const framesOf = (error: Error) => (error.stack ?? '').split('\n').slice(1).join('\n');

const isDatabaseError = (error: unknown): error is Error & DriverError =>
  error instanceof Error &&
  typeof (error as DriverError).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((error as DriverError).code!) &&
  'severity' in error;

/**
 * A failed database statement as the logs may show it. The message and detail of a PostgreSQL
 * error quote values ("Key (email)=(…) already exists", "invalid input syntax … : "…""), and the
 * parameters are the values themselves: special-category data that must not reach the logs.
 * What stays is enough to find the cause: the SQLSTATE code, the constraint, table and column,
 * the statement's fingerprint, and where in the code it was sent.
 */
export function databaseErrorForLog(error: unknown): Record<string, unknown> | null {
  const driver = error instanceof QueryFailedError ? error.driverError : error;
  if (!(error instanceof QueryFailedError) && !isDatabaseError(error)) return null;
  const fields: Record<string, unknown> = { type: 'DatabaseError' };
  for (const field of SAFE_DRIVER_FIELDS) {
    const value = (driver as DriverError | undefined)?.[field];
    if (value !== undefined) fields[field] = value;
  }
  if (error instanceof QueryFailedError) fields.statement = statementFingerprint(error.query);
  fields.stack = framesOf(error as Error);
  return fields;
}
