import { useId } from 'react';

/** One written part of the finding, with the guidance on what it should say. */
export function FindingTextPart({
  label,
  hint,
  value,
  onChange,
  rows = 6,
  hideLabel = false,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  /** The section's heading already says it; the label stays for screen readers. */
  hideLabel?: boolean;
}) {
  const id = useId();
  return (
    <div className="finding-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <textarea
        id={id}
        rows={rows}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
