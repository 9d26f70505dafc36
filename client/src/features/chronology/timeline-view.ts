import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';

export type ChronologyView = 'timeline' | 'table';

/** Whether a key pressed here is meant as text (or belongs to a dialog), not as a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return Boolean(
    target.closest(
      'input, textarea, select, dialog, [contenteditable=""], [contenteditable="true"]',
    ),
  );
}

/**
 * The chronology's view, kept in the address (?view=table) so that a link or a reload opens the
 * same one; the key "t" switches between them wherever the focus is not in a field.
 */
export function useChronologyView(): [ChronologyView, (view: ChronologyView) => void] {
  const [params, setParams] = useSearchParams();
  const view: ChronologyView = params.get('view') === 'table' ? 'table' : 'timeline';
  const setView = useCallback(
    (next: ChronologyView) =>
      setParams(
        (previous) => {
          const updated = new URLSearchParams(previous);
          if (next === 'table') updated.set('view', 'table');
          else updated.delete('view');
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 't' && event.key !== 'T') return;
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      setView(view === 'table' ? 'timeline' : 'table');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [view, setView]);
  return [view, setView];
}
