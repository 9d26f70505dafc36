import type { TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../components/graphql-errors';

/** One page of a review's `events` connection, whatever fields the screen selects. */
export interface EventsPage<T> {
  totalCount: number;
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface EveryEvent<T> {
  /** The events loaded so far, in the chronology's order. */
  events: T[];
  totalCount: number | null;
  /** Pages are still to come. */
  loading: boolean;
  error: string | null;
  retry: () => void;
}

/**
 * The whole chronology of a review, page after page of 500, with what has come so far: for the
 * screens that search or count all of it (the evidence pickers, the family network). `pageOf`
 * reads the connection from the screen's own query and must not change between renders.
 */
export function useEveryEvent<TData, T>(
  query: TypedDocumentNode<TData, { reviewId: string; after?: string | null }>,
  reviewId: string,
  pageOf: (data: TData | undefined) => EventsPage<T> | null | undefined,
): EveryEvent<T> {
  const client = useApolloClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<EveryEvent<T>, 'retry'>>({
    events: [],
    totalCount: null,
    loading: true,
    error: null,
  });

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const events: T[] = [];
      let after: string | null = null;
      try {
        for (;;) {
          const result: { data?: TData } = await client.query({
            query,
            variables: { reviewId, after },
            fetchPolicy: 'network-only',
          });
          const page = pageOf(result.data);
          if (!page) throw new Error('The review’s chronology is not available.');
          events.push(...page.edges.map((edge) => edge.node));
          if (cancelled) return;
          const more = page.pageInfo.hasNextPage && Boolean(page.pageInfo.endCursor);
          setState({
            events: [...events],
            totalCount: page.totalCount,
            loading: more,
            error: null,
          });
          if (!more) return;
          after = page.pageInfo.endCursor ?? null;
        }
      } catch (caught) {
        if (!cancelled) {
          setState((before) => ({ ...before, loading: false, error: messageOf(caught) }));
        }
      }
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [client, query, reviewId, pageOf, attempt]);

  const retry = useCallback(() => {
    setState((before) => ({ ...before, loading: true, error: null }));
    setAttempt((count) => count + 1);
  }, []);
  return { ...state, retry };
}
