export function FactorMapPage() {
  return <p>FactorMapPage</p>;
}
