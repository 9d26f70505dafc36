export function EpisodeEditor() {
  return <p>EpisodeEditor</p>;
}
