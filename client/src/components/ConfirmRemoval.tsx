import { useState } from 'react';
import { Dialog } from './Dialog';
import { messageOf } from './graphql-errors';

/**
 * A remove button that first asks the server what the removal would take with it (the mutation's
 * dryRun), shows that, and removes only once the user confirms.
 */
export function ConfirmRemoval({
  what,
  label = 'Remove',
  consequences,
  remove,
  onRemoved,
  className = 'button button--quiet',
  tabIndex,
}: {
  /** The thing removed, in words: "the agency Northmoor Police". */
  what: string;
  label?: string;
  /** What else would go with it; the removal's dryRun. */
  consequences: () => Promise<string[]>;
  remove: () => Promise<unknown>;
  onRemoved?: () => void;
  className?: string;
  /** For a button in a roving Tab order (a table's rows): -1 outside the active row. */
  tabIndex?: number;
}) {
  const [state, setState] = useState<
    | { step: 'idle' }
    | { step: 'checking' }
    | { step: 'confirming'; consequences: string[]; busy: boolean; error?: string }
  >({ step: 'idle' });

  const open = async () => {
    setState({ step: 'checking' });
    try {
      setState({ step: 'confirming', consequences: await consequences(), busy: false });
    } catch (caught) {
      setState({ step: 'confirming', consequences: [], busy: false, error: messageOf(caught) });
    }
  };
  const confirm = async () => {
    if (state.step !== 'confirming') return;
    setState({ ...state, busy: true, error: undefined });
    try {
      await remove();
      setState({ step: 'idle' });
      onRemoved?.();
    } catch (caught) {
      setState({ ...state, busy: false, error: messageOf(caught) });
    }
  };

  return (
    <>
      <button
        type="button"
        className={className}
        tabIndex={tabIndex}
        disabled={state.step === 'checking'}
        aria-label={`${label} ${what}`}
        onClick={() => void open()}
      >
        {label}
      </button>
      {state.step === 'confirming' && (
        <Dialog title={`Remove ${what}?`} onClose={() => setState({ step: 'idle' })}>
          {state.consequences.length > 0 ? (
            <>
              <p>Removing it also changes:</p>
              <ul className="dialog__list">
                {state.consequences.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Nothing else changes with it.</p>
          )}
          <p className="hint">The removal is kept in the review’s audit trail.</p>
          {state.error && (
            <p className="notice notice--error" role="alert">
              {state.error}
            </p>
          )}
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setState({ step: 'idle' })}
            >
              Keep it
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={state.busy}
              onClick={() => void confirm()}
            >
              {state.busy ? 'Removing…' : 'Remove'}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
