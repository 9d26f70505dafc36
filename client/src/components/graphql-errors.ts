import { CombinedGraphQLErrors } from '@apollo/client';

/** What the server sends with a CONFLICT: the record as it now stands, and its version. */
export interface Conflict {
  currentVersion: number;
  current: Record<string, unknown>;
}

/** The CONFLICT carried by a failed save, or null when it failed for another reason. */
export function conflictOf(error: unknown): Conflict | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const found = error.errors.find((e) => e.extensions?.code === 'CONFLICT');
  if (!found) return null;
  const details = found.extensions as {
    currentVersion?: number;
    current?: Record<string, unknown>;
  };
  if (typeof details.currentVersion !== 'number') return null;
  return { currentVersion: details.currentVersion, current: details.current ?? {} };
}

/** The server's own words for why a call failed, which say what to change. */
export function messageOf(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join(' ');
  return error instanceof Error ? error.message : String(error);
}
