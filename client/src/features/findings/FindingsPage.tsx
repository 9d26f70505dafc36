export function FindingsPage() {
  return <p>FindingsPage</p>;
}
