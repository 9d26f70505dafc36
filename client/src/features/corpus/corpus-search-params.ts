/** The address's search words (`q`) carried over to the filters' new query string. */
export function withSearch(next: URLSearchParams, current: URLSearchParams): URLSearchParams {
  const q = current.get('q');
  if (q) next.set('q', q);
  return next;
}
