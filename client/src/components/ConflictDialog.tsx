import { useState } from 'react';
import { Dialog } from './Dialog';

/** One field that differs between what you were saving and what someone else saved first. */
export interface ConflictField {
  key: string;
  label: string;
  mine: string;
  theirs: string;
}

export type ConflictChoice = Record<string, 'mine' | 'theirs'>;

/**
 * Someone else saved first: both versions side by side, field by field, and the user picks
 * which to keep. The caller saves the result against the current version; nothing is dropped
 * without the user seeing it.
 */
export function ConflictDialog({
  what,
  fields,
  onResolve,
  onCancel,
}: {
  what: string;
  fields: ConflictField[];
  onResolve: (choice: ConflictChoice) => void;
  onCancel: () => void;
}) {
  const [choice, setChoice] = useState<ConflictChoice>(() =>
    Object.fromEntries(fields.map((field) => [field.key, 'mine'])),
  );
  const pickAll = (side: 'mine' | 'theirs') =>
    setChoice(Object.fromEntries(fields.map((field) => [field.key, side])));

  return (
    <Dialog title={`Someone else saved this ${what} first`} onClose={onCancel} wide>
      <p>
        Choose, for each part, which version to keep. Your changes are not lost until you decide.
      </p>
      <table className="conflict__table">
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Your version</th>
            <th scope="col">Their saved version</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.key}>
              <th scope="row">{field.label}</th>
              {(['mine', 'theirs'] as const).map((side) => (
                <td key={side}>
                  <label className="conflict__choice">
                    <input
                      type="radio"
                      name={`conflict-${field.key}`}
                      checked={choice[field.key] === side}
                      onChange={() => setChoice({ ...choice, [field.key]: side })}
                      aria-label={`Keep ${side === 'mine' ? 'your' : 'their'} ${field.label.toLowerCase()}`}
                    />
                    <span className="conflict__value">
                      {(side === 'mine' ? field.mine : field.theirs) || '(empty)'}
                    </span>
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Back to editing
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => pickAll('theirs')}
        >
          Take all of theirs
        </button>
        <button type="button" className="button button--secondary" onClick={() => pickAll('mine')}>
          Take all of mine
        </button>
        <button type="button" className="button button--primary" onClick={() => onResolve(choice)}>
          Save the chosen version
        </button>
      </div>
    </Dialog>
  );
}

/** The fields whose saved value differs from the one being saved, for the conflict dialog. */
export function differingFields(
  labels: Record<string, string>,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
  show: (value: unknown) => string = (value) =>
    Array.isArray(value) ? value.join('\n') : value == null ? '' : String(value),
): ConflictField[] {
  return Object.entries(labels)
    .map(([key, label]) => ({ key, label, mine: show(mine[key]), theirs: show(theirs[key]) }))
    .filter((field) => field.mine !== field.theirs);
}
