/** A moment as the product shows one: UK day, month and year, and the time. */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  return `${date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/London',
  })}, ${date.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  })}`;
}

/** "1 open comment", "3 resolved comments". */
export function countComments(count: number, state: 'open' | 'resolved' | ''): string {
  const words = [state, count === 1 ? 'comment' : 'comments'].filter(Boolean).join(' ');
  return `${count} ${words}`;
}
