import { useMutation } from '@apollo/client/react';
import { REVIEW_STATUS_LABELS, ReviewStatusName, formatPartialDate } from '@scr/shared';
import { ReactNode, useState } from 'react';
import { ConflictDialog, differingFields } from '../../components/ConflictDialog';
import { Conflict, conflictOf, messageOf } from '../../components/graphql-errors';
import { UpdateReviewInput } from '../../gql/graphql';
import { REVIEW_HOME_UPDATE } from './review-home.graphql';

/** The parts of a review the home changes, as the conflict dialog names them. */
const FIELD_LABELS: Record<string, string> = {
  status: 'Stage',
  summary: 'Summary',
  periodStart: 'Start of the period under review',
  periodEnd: 'End of the period under review',
};

function shown(key: string, value: unknown): string {
  if (value == null || value === '') return '';
  if (key === 'status') return REVIEW_STATUS_LABELS[value as ReviewStatusName] ?? String(value);
  if (key === 'periodStart' || key === 'periodEnd')
    return formatPartialDate(String(value).slice(0, 10), 'DAY');
  return String(value);
}

/** The labels of the parts this change touches. */
const labelsFor = (input: UpdateReviewInput): Record<string, string> =>
  Object.fromEntries(
    Object.keys(input)
      .filter((key) => key in FIELD_LABELS)
      .map((key) => [key, FIELD_LABELS[key]]),
  );

interface PendingConflict {
  input: UpdateReviewInput;
  conflict: Conflict;
  onSaved: () => void;
}

/**
 * Saves changes to the review against the version the home loaded. When someone else saved
 * first, the conflict dialog shows both versions of each changed part; the user's choice is
 * saved against the version now current. The header above the tabs is refreshed with the home.
 */
export function useReviewUpdate(review: { id: string; version: number }): {
  save: (input: UpdateReviewInput, onSaved: () => void) => Promise<void>;
  saving: boolean;
  error: string | null;
  /** Forgets the last failure, when the user starts again. */
  clearError: () => void;
  conflictDialog: ReactNode;
} {
  const [mutate, { loading }] = useMutation(REVIEW_HOME_UPDATE, {
    refetchQueries: ['ReviewHeader', 'ReviewHome'],
    awaitRefetchQueries: true,
  });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingConflict | null>(null);

  const attempt = async (input: UpdateReviewInput, version: number, onSaved: () => void) => {
    setError(null);
    try {
      await mutate({ variables: { id: review.id, expectedVersion: version, input } });
      setPending(null);
      onSaved();
    } catch (caught) {
      const conflict = conflictOf(caught);
      if (!conflict) {
        setPending(null);
        setError(messageOf(caught));
        return;
      }
      const differing = differingFields(labelsFor(input), input, conflict.current);
      // Someone changed other parts of the review: nothing of this change is at stake.
      if (differing.length === 0) return attempt(input, conflict.currentVersion, onSaved);
      setPending({ input, conflict, onSaved });
    }
  };

  const conflictDialog = pending && (
    <ConflictDialog
      what="review"
      fields={differingFields(
        labelsFor(pending.input),
        pending.input,
        pending.conflict.current,
      ).map((field) => ({
        ...field,
        mine: shown(field.key, (pending.input as Record<string, unknown>)[field.key]),
        theirs: shown(field.key, pending.conflict.current[field.key]),
      }))}
      onCancel={() => setPending(null)}
      onResolve={(choice) => {
        const chosen: Record<string, unknown> = { ...pending.input };
        for (const [key, side] of Object.entries(choice)) {
          if (side === 'theirs') chosen[key] = pending.conflict.current[key] ?? null;
        }
        void attempt(chosen as UpdateReviewInput, pending.conflict.currentVersion, pending.onSaved);
      }}
    />
  );

  return {
    save: (input, onSaved) => attempt(input, review.version, onSaved),
    saving: loading,
    error,
    clearError: () => setError(null),
    conflictDialog,
  };
}
