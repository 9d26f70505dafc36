import { useContext, useEffect, useState } from 'react';
import { UNSAFE_DataRouterContext, useBlocker, useLocation, useNavigate } from 'react-router';
import { Dialog } from '../../components/Dialog';

/**
 * Warns before unsaved changes to the episode are lost: the browser's own prompt when the tab is
 * closed or reloaded, and a dialog when the user follows a link elsewhere in the workbench.
 */
export function EpisodeUnsavedGuard({ dirty }: { dirty: boolean }) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // useBlocker needs a data router; under a plain <BrowserRouter> links are guarded instead.
  const dataRouter = useContext(UNSAFE_DataRouterContext);
  return dataRouter ? <BlockedNavigation dirty={dirty} /> : <GuardedLinks dirty={dirty} />;
}

function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  return (
    <Dialog title="Leave without saving?" onClose={onStay}>
      <p>The changes to this episode are not saved yet. If you leave now they are lost.</p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onStay}>
          Stay and keep editing
        </button>
        <button type="button" className="button button--danger" onClick={onLeave}>
          Leave without saving
        </button>
      </div>
    </Dialog>
  );
}

function BlockedNavigation({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  if (blocker.state !== 'blocked') return null;
  return <LeaveDialog onStay={() => blocker.reset()} onLeave={() => blocker.proceed()} />;
}

function GuardedLinks({ dirty }: { dirty: boolean }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    // Capturing on the document runs before the router's own click handling on the link.
    const intercept = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute('download'))
        return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin || url.pathname === location.pathname) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(url.pathname + url.search + url.hash);
    };
    document.addEventListener('click', intercept, true);
    return () => document.removeEventListener('click', intercept, true);
  }, [dirty, location.pathname]);

  if (pending === null) return null;
  return (
    <LeaveDialog
      onStay={() => setPending(null)}
      onLeave={() => {
        setPending(null);
        void navigate(pending);
      }}
    />
  );
}
