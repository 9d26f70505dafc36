export function BoardResponsePage() {
  return <p>BoardResponsePage</p>;
}
