import { useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '../../components/graphql-errors';
import { plural } from '../../components/plural';
import { FindingSearchResults, Snippet } from '../corpus';
import { SEARCH_REPORTS } from './reports.graphql';

/** Hits asked for: the server gives at most 100. */
const FIRST = 50;
/** The server's limit on a query's length, said before sending. */
export const MAX_QUERY_LENGTH = 500;

const FILTERS = [
  { param: 'partnership', label: 'Partnership' },
  { param: 'year', label: 'Year published' },
  { param: 'type', label: 'Type of review' },
  { param: 'methodology', label: 'Methodology' },
] as const;

/** The words a snippet marks, to mark them again on the page the hit opens at. */
const markedWords = (snippet: string) =>
  [...snippet.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) =>
    m[1].replace(
      /&(amp|lt|gt|quot|#39);/g,
      (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[e] ?? e,
    ),
  );

/** The reader's address at the hit's page, the hit's words marked there. */
export function hitLink(reportId: string, page: number, snippet: string): string {
  const params = new URLSearchParams({ page: String(page) });
  for (const word of new Set(markedWords(snippet))) params.append('hl', word);
  return `/reports/${reportId}?${params.toString()}`;
}

/**
 * Full-text search of the library, page by page: the query and filters live in the address, so
 * that going back from the reader finds the hits again.
 */
export function ReportSearch() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const [filters, setFilters] = useState<Record<string, string>>(() =>
    Object.fromEntries(FILTERS.map((f) => [f.param, params.get(f.param) ?? ''])),
  );
  const withFindings = params.get('findings') === '1';
  const [includeFindings, setIncludeFindings] = useState(withFindings);
  const year = Number(params.get('year'));
  const filter = {
    partnership: params.get('partnership') || null,
    year: Number.isInteger(year) && year > 0 ? year : null,
    reviewType: params.get('type') || null,
    methodology: params.get('methodology') || null,
  };
  const tooLong = draft.length > MAX_QUERY_LENGTH;
  const { data, loading, error } = useQuery(SEARCH_REPORTS, {
    variables: { query, filter, first: FIRST },
    skip: !query.trim(),
  });
  const hits = data?.searchReports ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tooLong) return;
    const next = new URLSearchParams();
    if (draft.trim()) next.set('q', draft.trim());
    for (const f of FILTERS)
      if (filters[f.param].trim()) next.set(f.param, filters[f.param].trim());
    if (includeFindings) next.set('findings', '1');
    setParams(next);
  };

  return (
    <section className="reports__search" aria-labelledby="report-search">
      <h2 id="report-search">Search the reports</h2>
      <form role="search" onSubmit={submit}>
        <label className="reports__search-query">
          Words to find
          <input
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            aria-invalid={tooLong}
            aria-describedby="report-search-help"
          />
        </label>
        {FILTERS.map((f) => (
          <label key={f.param}>
            {f.label}
            <input
              type={f.param === 'year' ? 'number' : 'text'}
              value={filters[f.param]}
              onChange={(event) => setFilters({ ...filters, [f.param]: event.target.value })}
            />
          </label>
        ))}
        <label className="reports__search-findings">
          <span>
            <input
              type="checkbox"
              checked={includeFindings}
              onChange={(event) => setIncludeFindings(event.target.checked)}
            />{' '}
            Include findings of published reviews
          </span>
        </label>
        <button type="submit" className="button" disabled={tooLong}>
          Search
        </button>
      </form>
      <p id="report-search-help" className="reports__hint">
        {tooLong
          ? `A search may be at most ${MAX_QUERY_LENGTH} characters (this one is ${draft.length}).`
          : 'English word forms match (neglect finds neglected); "quoted words" find a phrase, superv* a prefix, -word leaves pages with it out, OR finds either.'}
      </p>
      {loading && <p role="status">Searching…</p>}
      {error && (
        <div className="notice notice--error" role="alert">
          The search failed: {messageOf(error)}
        </div>
      )}
      {data && query && hits.length === 0 && (
        <p role="status">
          No page matches “{query}”. Very common words (the, of, and…) are not searched: a search of
          only such words finds nothing.
        </p>
      )}
      {hits.length > 0 && (
        <>
          <p role="status">
            {hits.length === FIRST
              ? `The best ${FIRST} pages for “${query}”`
              : `${plural(hits.length, 'page')} for “${query}”`}
          </p>
          <ol className="reports__hits">
            {hits.map((hit) => (
              <li key={`${hit.report.id}-${hit.page}`} className="reports__hit">
                <p className="reports__hit-source">
                  <Link to={hitLink(hit.report.id, hit.page, hit.snippet)}>
                    {hit.report.title}, p. {hit.page}
                  </Link>
                  {hit.report.partnership && ` · ${hit.report.partnership}`}
                  {hit.report.publishedOn && ` · ${hit.report.publishedOn.slice(0, 4)}`}
                </p>
                <Snippet snippet={hit.snippet} />
              </li>
            ))}
          </ol>
        </>
      )}
      {withFindings && query.trim() && (
        <FindingSearchResults query={query} partnership={filter.partnership} year={filter.year} />
      )}
    </section>
  );
}
