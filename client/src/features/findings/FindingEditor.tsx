export function FindingEditor() {
  return <p>FindingEditor</p>;
}
