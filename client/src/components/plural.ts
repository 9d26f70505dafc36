/** A noun for a count: `nounFor(1, 'event')` is "event", `nounFor(2, 'event')` "events". */
export function nounFor(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/**
 * A count with its noun, as a sentence says it: "1 event", "2 events", "1,204 events",
 * "1 agency" / "3 agencies" (give the plural when it is not the noun with an s).
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${nounFor(count, one, many)}`;
}
