import { useQuery } from '@apollo/client/react';
import { messageOf } from '../../components/graphql-errors';
import { plural } from '../../components/plural';
import { SEARCH_FINDINGS } from './corpus-search.graphql';
import { SearchHit } from './CorpusSearch';

const FIRST = 20;

/**
 * The published findings matching the words, for another screen's search box (the report
 * library's): partnership and publication year narrow them as they narrow the reports.
 */
export function FindingSearchResults({
  query,
  partnership,
  year,
}: {
  query: string;
  partnership?: string | null;
  year?: number | null;
}) {
  const filter = {
    ...(partnership ? { partnership } : {}),
    ...(year ? { publishedFrom: `${year}-01-01`, publishedTo: `${year}-12-31` } : {}),
  };
  const { data, loading, error } = useQuery(SEARCH_FINDINGS, {
    variables: { query, filter, first: FIRST },
    skip: !query.trim(),
  });
  const hits = data?.searchFindings ?? [];
  return (
    <section className="corpus-search__findings" aria-labelledby="finding-results">
      <h3 id="finding-results">Findings of published reviews</h3>
      {loading && <p role="status">Searching the findings…</p>}
      {error && (
        <div className="notice notice--error" role="alert">
          The findings could not be searched: {messageOf(error)}
        </div>
      )}
      {data && (
        <p role="status">
          {hits.length === 0
            ? `No published finding matches “${query}”.`
            : `${plural(hits.length, 'finding')} for “${query}”${hits.length === FIRST ? ' (the best shown)' : ''}`}
        </p>
      )}
      {hits.length > 0 && (
        <ol className="corpus-search__hits">
          {hits.map((hit) => (
            <SearchHit key={hit.finding.id} hit={hit} />
          ))}
        </ol>
      )}
    </section>
  );
}
