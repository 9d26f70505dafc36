import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { messageOf } from '../../components/graphql-errors';
import { plural } from '../../components/plural';
import {
  FIND_FINDINGS,
  FIND_SIMILAR,
  LINK_FINDINGS,
  PRACTICE_ISSUE,
} from './practice-issues.graphql';

const FIRST = 10;

interface Hit {
  snippet: string;
  finding: { id: string; title: string; reference: string };
  review: { id: string; title: string; partnership: string };
}

/** The search's snippet as plain text: its <mark> tags marked, its entities read back. */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  const unescape = (text: string) =>
    text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return snippet
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('<mark>')
        ? { text: unescape(part.slice(6, -7)), marked: true }
        : { text: unescape(part), marked: false },
    );
}

function AddButton({ issueId, hit, linked }: { issueId: string; hit: Hit; linked: boolean }) {
  const [link, { loading, error }] = useMutation(LINK_FINDINGS, {
    refetchQueries: [{ query: PRACTICE_ISSUE, variables: { id: issueId } }],
    awaitRefetchQueries: true,
  });
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        disabled={linked || loading}
        aria-label={
          linked ? `${hit.finding.title} is added` : `Add ${hit.finding.title} to this issue`
        }
        onClick={() =>
          void link({
            variables: { practiceIssueId: issueId, findingIds: [hit.finding.id] },
          }).catch(() => null)
        }
      >
        {linked ? 'Added' : 'Add to this issue'}
      </button>
      {error && (
        <span className="notice notice--error" role="alert">
          Not added: {messageOf(error)}
        </span>
      )}
    </>
  );
}

function HitItem({
  hit,
  issueId,
  linkedIds,
  nested = false,
}: {
  hit: Hit;
  issueId: string;
  linkedIds: string[];
  nested?: boolean;
}) {
  const [similar, setSimilar] = useState(false);
  return (
    <li>
      <strong>{hit.finding.title}</strong>
      <p className="corpus-search__source">
        {hit.finding.reference}, {hit.review.partnership}
      </p>
      <p>
        {snippetParts(hit.snippet).map((part, index) =>
          part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
        )}
      </p>
      <AddButton issueId={issueId} hit={hit} linked={linkedIds.includes(hit.finding.id)} />{' '}
      {!nested && (
        <button
          type="button"
          className="button"
          aria-expanded={similar}
          onClick={() => setSimilar(!similar)}
        >
          More like this
        </button>
      )}
      {similar && <SimilarHits finding={hit.finding} issueId={issueId} linkedIds={linkedIds} />}
    </li>
  );
}

/** The published findings of other reviews most like one finding, each one to add. */
export function SimilarHits({
  finding,
  issueId,
  linkedIds,
}: {
  finding: { id: string; title: string };
  issueId: string;
  linkedIds: string[];
}) {
  const { data, loading, error } = useQuery(FIND_SIMILAR, {
    variables: { findingId: finding.id, first: 5 },
  });
  const hits = data?.similarFindings ?? [];
  return (
    <div role="region" aria-label={`Findings like ${finding.title}`}>
      {loading && <p role="status">Looking for similar findings…</p>}
      {error && (
        <div className="notice notice--error" role="alert">
          Similar findings could not be found: {messageOf(error)}
        </div>
      )}
      {data && hits.length === 0 && <p>No findings of other reviews are like this one.</p>}
      <ul className="briefings__hits">
        {hits.map((other) => (
          <HitItem
            key={other.finding.id}
            hit={other}
            issueId={issueId}
            linkedIds={linkedIds}
            nested
          />
        ))}
      </ul>
    </div>
  );
}

/** Search the published findings and add the ones behind the issue. */
export function FindFindings({ issueId, linkedIds }: { issueId: string; linkedIds: string[] }) {
  const [words, setWords] = useState('');
  const [query, setQuery] = useState('');
  const { data, loading, error } = useQuery(FIND_FINDINGS, {
    variables: { query, first: FIRST },
    skip: !query,
  });
  const hits = data?.searchFindings ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(words.trim());
  };
  return (
    <section aria-labelledby="find-findings" className="briefings__panel">
      <h2 id="find-findings">Find findings</h2>
      <form role="search" onSubmit={submit}>
        <label className="briefings__field">
          Words in the published findings
          <input type="search" value={words} onChange={(event) => setWords(event.target.value)} />
        </label>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {query && (
        <p role="status">
          {loading
            ? 'Searching…'
            : error
              ? ''
              : hits.length === 0
                ? `No published findings match “${query}”.`
                : `${plural(hits.length, 'finding')} ${hits.length === 1 ? 'matches' : 'match'} “${query}”.`}
        </p>
      )}
      {error && (
        <div className="notice notice--error" role="alert">
          The search could not be run: {messageOf(error)}
        </div>
      )}
      {hits.length > 0 && (
        // Scrolls on its own so the sections stay in view; focusable so keys can scroll it.
        <div
          className="briefings__results"
          tabIndex={0}
          role="group"
          aria-label="Search results, scrollable"
        >
          <ul className="briefings__hits" aria-label="Search results">
            {hits.map((hit) => (
              <HitItem key={hit.finding.id} hit={hit} issueId={issueId} linkedIds={linkedIds} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
