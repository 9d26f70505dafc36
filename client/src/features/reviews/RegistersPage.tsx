export function RegistersPage() {
  return <p>RegistersPage</p>;
}
