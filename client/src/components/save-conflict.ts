import { ConflictChoice, ConflictField, differingFields } from './ConflictDialog';
import { conflictOf } from './graphql-errors';

/** A save refused because someone else saved first: what differs, and the version to save on. */
export interface SaveConflict<D> {
  fields: ConflictField[];
  mine: D;
  theirs: Record<string, unknown>;
  currentVersion: number;
}

/**
 * The conflict a failed save carries, with the parts of `mine` (the form as sent) that differ
 * from the saved record; null when the save failed for another reason. `asForm` writes the saved
 * record's values the way the form holds them, where the two differ (a list typed as one text).
 */
export function saveConflictOf<D extends object>(
  error: unknown,
  labels: Record<string, string>,
  mine: D,
  asForm: (record: Record<string, unknown>) => Record<string, unknown> = (record) => record,
): SaveConflict<D> | null {
  const found = conflictOf(error);
  if (!found) return null;
  const theirs = asForm(found.current);
  return {
    fields: differingFields(labels, mine as Record<string, unknown>, theirs),
    mine,
    theirs,
    currentVersion: found.currentVersion,
  };
}

/** The form after the user's choice: each part kept as typed, or taken from their saved record. */
export function chosenDraft<D extends object>(
  conflict: SaveConflict<D>,
  choice: ConflictChoice,
): D {
  const next = { ...conflict.mine } as Record<string, unknown>;
  for (const field of conflict.fields) {
    if (choice[field.key] !== 'theirs') continue;
    const theirs = conflict.theirs[field.key];
    const mine = next[field.key];
    next[field.key] = typeof mine === 'string' && theirs == null ? '' : theirs;
  }
  return next as D;
}

/**
 * What a form says when someone else saved the record first and the form keeps what was typed:
 * saving again (on their version) replaces theirs, cancelling keeps it.
 */
export function conflictMessage(what: string, nowReads?: unknown): string {
  const now =
    typeof nowReads === 'string' && nowReads
      ? ` It now reads “${nowReads.length > 120 ? `${nowReads.slice(0, 120)}…` : nowReads}”.`
      : '';
  return `Someone else saved this ${what} while you were editing, so your change was not saved.${now} Save again to replace their version with yours, or Cancel to keep theirs.`;
}
