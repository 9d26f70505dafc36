import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { Dialog } from './Dialog';

/**
 * Warns before unsaved changes are lost: the browser's own prompt when the tab is closed or
 * reloaded, and a dialog when the user leaves the editor within the workbench (a link, a tab, the
 * Back button).
 */
export function UnsavedChangesGuard({ when, what }: { when: boolean; what: string }) {
  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && currentLocation.pathname !== nextLocation.pathname,
  );
  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog title="Leave without saving?" onClose={() => blocker.reset()}>
      <p>The changes to {what} are not saved yet. If you leave now, they are lost.</p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={() => blocker.reset()}>
          Stay and keep editing
        </button>
        <button type="button" className="button button--danger" onClick={() => blocker.proceed()}>
          Leave without saving
        </button>
      </div>
    </Dialog>
  );
}
