import { EmptyState } from '../../components/EmptyState';

export function CorpusPage() {
  return (
    <>
      <h1>Corpus</h1>
      <EmptyState title="No published reviews yet">
        <p>
          Published reviews will appear here for cross-review analysis: how often a typology
          category, practice theme or case characteristic occurs, which occur together, and the
          reviews behind every figure.
        </p>
      </EmptyState>
    </>
  );
}
