import { InputHTMLAttributes, useEffect, useId, useRef, useState } from 'react';
import { readUkDate } from '@scr/shared';

/** An ISO date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where partial dates are allowed) as typed in the UK. */
export function ukDateText(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (day) return `${day}/${month}/${year}`;
  if (month) return `${month}/${year}`;
  return year ?? '';
}

/**
 * Reads what was typed into an ISO date, or says why it cannot: a day unless `partial` allows a
 * month or a year too. An empty text is the empty date.
 */
export function readUkDateInput(
  text: string,
  partial = false,
): { iso: string } | { problem: string } {
  if (!text.trim()) return { iso: '' };
  const read = readUkDate(text);
  if (typeof read === 'string') return { problem: `${read}.` };
  if (read.time) return { problem: 'Give the date without a time of day.' };
  const granularity = read.occurredOn.length === 10 ? 'DAY' : 'PARTIAL';
  if (!partial && granularity !== 'DAY') {
    return { problem: `Give a day as dd/mm/yyyy, for example 03/04/2023.` };
  }
  return { iso: read.occurredOn };
}

type Props = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type' | 'defaultValue'
> & {
  /** The ISO date, or `''` when there is none. */
  value: string;
  /** Called with the ISO date each time the text reads as one (`''` when emptied). */
  onChange: (iso: string) => void;
  /** Allows a month (`04/2023`, `April 2023`) or a year (`2023`) as well as a day. */
  partial?: boolean;
  /** Says it to the caller too, e.g. to hold back a save while the text is not a date. */
  onProblem?: (problem: string | null) => void;
};

/**
 * A date typed day-month-year whatever the browser's locale (`<input type="date">` follows the
 * browser's, so shows mm/dd/yyyy in an American one). Takes and gives ISO strings; says plainly,
 * under the field, when the text is not a date, and marks the field invalid so that a form's
 * `checkValidity()` catches it.
 */
export function UkDateInput({
  value,
  onChange,
  partial = false,
  onProblem,
  id,
  className,
  onBlur,
  'aria-describedby': describedBy,
  ...rest
}: Props) {
  const ownId = useId();
  const inputId = id ?? `${ownId}-date`;
  const problemId = `${inputId}-problem`;
  const [text, setText] = useState(() => ukDateText(value));
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const lastGiven = useRef(value);

  // A value changed from outside (a reset, a brushed period) replaces the text.
  useEffect(() => {
    if (value !== lastGiven.current) {
      lastGiven.current = value;
      setText(ukDateText(value));
      setProblem(null);
    }
  }, [value]);

  useEffect(() => {
    ref.current?.setCustomValidity(problem ?? '');
  }, [problem]);

  const typed = (next: string) => {
    setText(next);
    const read = readUkDateInput(next, partial);
    if ('problem' in read) {
      setProblem(read.problem);
      onProblem?.(read.problem);
      return;
    }
    setProblem(null);
    setShown(false);
    onProblem?.(null);
    if (read.iso !== lastGiven.current) {
      lastGiven.current = read.iso;
      onChange(read.iso);
    }
  };

  const visible = problem !== null && shown;
  return (
    <span className={['uk-date', className].filter(Boolean).join(' ')}>
      <input
        {...rest}
        ref={ref}
        id={inputId}
        type="text"
        autoComplete="off"
        placeholder={partial ? 'dd/mm/yyyy, mm/yyyy or yyyy' : 'dd/mm/yyyy'}
        size={partial ? 14 : 11}
        value={text}
        aria-invalid={visible || rest['aria-invalid'] || undefined}
        aria-describedby={
          [describedBy, visible ? problemId : null].filter(Boolean).join(' ') || undefined
        }
        onChange={(event) => typed(event.target.value)}
        onBlur={(event) => {
          setShown(true);
          if (!problem && text.trim()) setText(ukDateText(lastGiven.current));
          onBlur?.(event);
        }}
        onInvalid={() => setShown(true)}
      />
      {visible && (
        <span className="uk-date__problem" id={problemId} role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

/**
 * The first date field in a form whose text is not a date, focused so that its reason is read
 * out; `null` when every date field reads. Forms call it before saving (they set `noValidate`, so
 * the browser does not stop them by itself).
 */
export function focusUnreadableDate(form: HTMLFormElement): HTMLInputElement | null {
  const field = form.querySelector<HTMLInputElement>('.uk-date input:invalid');
  // checkValidity() fires the field's `invalid` event, which shows its reason under it.
  field?.checkValidity();
  field?.focus();
  return field;
}
