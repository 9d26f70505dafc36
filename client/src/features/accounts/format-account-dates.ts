const FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "3 Nov 2026, 14:05": when something happened to an account, in the reader's time zone. */
export function formatUkDateTime(iso: string): string {
  return FORMAT.format(new Date(iso));
}
