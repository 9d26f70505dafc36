import { useMutation } from '@apollo/client/react';
import { ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { messageOf } from '../../components/graphql-errors';
import { useConfirmRemoval } from '../../components/use-confirm-removal';
import { CopiableEvent, EventFormDialog } from './EventFormDialog';
import { CHRONOLOGY_REMOVE_EVENT, CHRONOLOGY_RESTORE_EVENT } from './event-editing.graphql';

/** How long "Undo" stays offered after a deletion, unless the pointer or the focus is on it. */
export const UNDO_MS = 10_000;

type Note =
  { kind: 'deleted'; id: string; title: string } | { kind: 'text'; text: string; error?: boolean };

export interface EventActions {
  /** Opens the form for a new event. */
  add: () => void;
  /** Opens the form prefilled from `event`. */
  duplicate: (event: CopiableEvent) => void;
  /** The Delete button of `event`: asks what else goes, then deletes and offers Undo. */
  deleteButton: (
    event: { id: string; title: string },
    options?: { className?: string; tabIndex?: number },
  ) => ReactNode;
  /** The form when open, and the line that says what was done (with Undo after a deletion). */
  elements: ReactNode;
}

/**
 * Adding, duplicating and deleting single events by hand, as the timeline and the table both offer
 * them. `onChanged` reads the chronology again after each change.
 */
export function useEventActions({
  reviewId,
  agencies,
  onChanged,
}: {
  reviewId: string;
  agencies: { id: string; name: string }[];
  onChanged: () => void;
}): EventActions {
  const [form, setForm] = useState<{ copyOf: CopiableEvent | null } | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const removalOf = useConfirmRemoval(CHRONOLOGY_REMOVE_EVENT, {
    consequencesOf: (data) => data.removeTimelineEvents.consequences,
  });
  const [restore, { loading: restoring }] = useMutation(CHRONOLOGY_RESTORE_EVENT);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stopTimer = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  const startTimer = useCallback(() => {
    stopTimer();
    timer.current = setTimeout(
      () => setNote((current) => (current?.kind === 'deleted' ? null : current)),
      UNDO_MS,
    );
  }, [stopTimer]);
  useEffect(() => {
    if (note?.kind === 'deleted') startTimer();
    return stopTimer;
  }, [note, startTimer, stopTimer]);

  const undo = async () => {
    if (note?.kind !== 'deleted') return;
    stopTimer();
    try {
      await restore({ variables: { reviewId, ids: [note.id] } });
    } catch (error) {
      setNote({
        kind: 'text',
        text: `“${note.title}” could not be brought back: ${messageOf(error)}`,
        error: true,
      });
      return;
    }
    setNote({ kind: 'text', text: `“${note.title}” is back, with its links.` });
    onChanged();
  };

  const elements = (
    <>
      <div className="event-actions__status" role="status">
        {note?.kind === 'deleted' && (
          <p
            className="event-actions__note"
            onMouseEnter={stopTimer}
            onMouseLeave={startTimer}
            onFocus={stopTimer}
            onBlur={startTimer}
          >
            Deleted “{note.title}”.{' '}
            <button
              type="button"
              className="button button--secondary event-actions__undo"
              onClick={() => void undo()}
              disabled={restoring}
            >
              Undo
            </button>
          </p>
        )}
        {note?.kind === 'text' && (
          <p className={note.error ? 'notice notice--error' : 'event-actions__note'}>{note.text}</p>
        )}
      </div>
      {form && (
        <EventFormDialog
          reviewId={reviewId}
          agencies={agencies}
          copyOf={form.copyOf}
          onClose={() => setForm(null)}
          onAdded={(event) => {
            setForm(null);
            setNote({ kind: 'text', text: `Added “${event.title}”.` });
            onChanged();
          }}
        />
      )}
    </>
  );

  return {
    add: () => setForm({ copyOf: null }),
    duplicate: (event) => setForm({ copyOf: event }),
    deleteButton: (event, { className = 'button button--quiet', tabIndex } = {}) => (
      <ConfirmRemoval
        tabIndex={tabIndex}
        what={`the event “${event.title}”`}
        label="Delete"
        className={className}
        {...removalOf({ reviewId, ids: [event.id] })}
        onRemoved={() => {
          setNote({ kind: 'deleted', id: event.id, title: event.title });
          onChanged();
        }}
      />
    ),
    elements,
  };
}
