export function EpisodesPage() {
  return <p>EpisodesPage</p>;
}
