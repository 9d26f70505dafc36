import { useQuery } from '@apollo/client/react';
import { FINDING_CATEGORIES, FindingCategoryName, numberedCategoryLabel } from '@scr/shared';
import { FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { messageOf } from '../../components/graphql-errors';
import { plural } from '../../components/plural';
import { SEARCH_FINDINGS, SIMILAR_FINDINGS } from './corpus-search.graphql';
import { CorpusFilters, corpusFilterInput } from './corpus-filters';
import { ReviewTitle, sourceLabel } from './CorpusReviewList';
import { parseSnippet } from './snippet';
import './corpus-search.css';

const FIRST = 50;
const SIMILAR_FIRST = 5;

interface Hit {
  snippet: string;
  finding: {
    id: string;
    title: string;
    category: string;
    reference: string;
    /** a published review's finding (REVIEW), or a coded report's (REPORT), with its page */
    source?: string;
    passage?: { pageNumber: number } | null;
  };
  review: {
    id: string;
    reviewId: string;
    reference: string;
    title: string;
    partnership: string;
    readable: boolean;
    currentlyPublished: boolean;
  };
}

/** The snippet as text, its matched words marked; nothing in it is read as HTML but <mark>. */
export function Snippet({ snippet }: { snippet: string }) {
  return (
    <p className="corpus-search__snippet">
      {parseSnippet(snippet).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </p>
  );
}

/** The category numbered as SCIE lists it; a category this client does not know, as sent. */
const categoryWords = (category: string) =>
  (FINDING_CATEGORIES as readonly string[]).includes(category)
    ? numberedCategoryLabel(category as FindingCategoryName)
    : category;

function HitSummary({ hit }: { hit: Hit }) {
  return (
    <>
      <p className="corpus-search__source">
        <span className="corpus-search__kind">{sourceLabel(hit.finding.source ?? 'REVIEW')}</span>
        {' · '}
        {hit.review.reference}
        {hit.finding.passage ? `, page ${hit.finding.passage.pageNumber}` : ''},{' '}
        {hit.review.partnership} · {categoryWords(hit.finding.category)}
        {(hit.review.readable || !hit.review.currentlyPublished) && (
          <>
            {' · '}
            <ReviewTitle review={hit.review} text={`Open ${hit.review.reference}`} asLink />
          </>
        )}
      </p>
      <Snippet snippet={hit.snippet} />
    </>
  );
}

/** More like this: published findings of other reviews similar to the finding. */
function SimilarFindings({ hit }: { hit: Hit }) {
  const { data, loading, error } = useQuery(SIMILAR_FINDINGS, {
    variables: { findingId: hit.finding.id, first: SIMILAR_FIRST },
  });
  const similar = data?.similarFindings ?? [];
  return (
    <div
      className="corpus-search__similar"
      role="region"
      aria-label={`Findings like ${hit.finding.title}`}
    >
      {loading && <p role="status">Looking for similar findings…</p>}
      {error && (
        <div className="notice notice--error" role="alert">
          Similar findings could not be found: {messageOf(error)}
        </div>
      )}
      {data && similar.length === 0 && <p>No findings of other reviews are like this one.</p>}
      {similar.length > 0 && (
        <ul>
          {similar.map((other) => (
            <li key={other.finding.id}>
              <strong>{other.finding.title}</strong>
              <HitSummary hit={other} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SearchHit({ hit }: { hit: Hit }) {
  const [showSimilar, setShowSimilar] = useState(false);
  return (
    <li className="corpus-search__hit">
      <h3>{hit.finding.title}</h3>
      <HitSummary hit={hit} />
      {/* "More like this" is of published reviews' findings (the server's similarFindings). */}
      {hit.finding.source !== 'REPORT' && (
        <>
          <button
            type="button"
            className="button"
            aria-expanded={showSimilar}
            onClick={() => setShowSimilar(!showSimilar)}
          >
            More like this
          </button>
          {showSimilar && <SimilarFindings hit={hit} />}
        </>
      )}
    </li>
  );
}

/**
 * Search of the published findings of the reviews the screen's filters keep; the words are kept in
 * the address as `q`, so that a search can be bookmarked and shared.
 */
export function CorpusSearch({ filters }: { filters: CorpusFilters }) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [words, setWords] = useState(q);
  const [wordsFor, setWordsFor] = useState(q);
  if (wordsFor !== q) {
    setWordsFor(q);
    setWords(q);
  }
  const { data, loading, error } = useQuery(SEARCH_FINDINGS, {
    variables: { query: q, filter: corpusFilterInput(filters), first: FIRST },
    skip: !q.trim(),
  });
  const hits = error ? [] : (data?.searchFindings ?? []);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (words.trim()) next.set('q', words.trim());
    else next.delete('q');
    setParams(next);
  };

  return (
    <section className="corpus__section" aria-labelledby="corpus-search">
      <h2 id="corpus-search">Search the findings</h2>
      <form className="corpus-search__form" role="search" onSubmit={search}>
        <label className="corpus__field">
          Words in the published findings
          <input
            type="search"
            value={words}
            onChange={(event) => setWords(event.target.value)}
            aria-describedby="corpus-search-hint"
          />
        </label>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p id="corpus-search-hint" className="corpus__hint">
        Press Enter to search the findings of the reviews the filters keep. Use "quotes" for a
        phrase, OR between alternatives, -word to leave a word out and word* for words starting so.
      </p>
      {q.trim() && (
        <>
          {error && (
            <div className="notice notice--error" role="alert">
              The search could not be run: {messageOf(error)}
            </div>
          )}
          <p role="status">
            {loading
              ? 'Searching…'
              : !data || error
                ? ''
                : hits.length === 0
                  ? `No published findings match “${q}”. Try other words or widen the filters.`
                  : `${plural(hits.length, 'finding')} ${hits.length === 1 ? 'matches' : 'match'} “${q}”${hits.length === FIRST ? ' (the best shown)' : ''}.`}
          </p>
          {hits.length > 0 && (
            <ol className="corpus-search__hits">
              {hits.map((hit) => (
                <SearchHit key={hit.finding.id} hit={hit} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
