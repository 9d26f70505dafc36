import type { TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../components/graphql-errors';
import { ChronologyEventSummariesQuery } from '../../gql/graphql';
import { CHRONOLOGY_EVENT_SUMMARIES } from './every-event.graphql';
import { eventPages, EventsPage } from './event-pages';

export type { EventsPage } from './event-pages';

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
      try {
        const pages = eventPages({
          client,
          query,
          variables: { reviewId },
          after: null,
          pageOf,
          fetchPolicy: 'network-only',
          missing: 'The review’s chronology is not available.',
        });
        for await (const { page, more } of pages) {
          events.push(...page.edges.map((edge) => edge.node));
          if (cancelled) return;
          setState({
            events: [...events],
            totalCount: page.totalCount,
            loading: more,
            error: null,
          });
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

/** An event as the evidence pickers list it: date, title, description and agency. */
export type EventSummary = NonNullable<
  ChronologyEventSummariesQuery['review']
>['events']['edges'][number]['node'];

const summariesOf = (data: ChronologyEventSummariesQuery | undefined) => data?.review?.events;

/** The whole chronology of the review, for the evidence pickers' search. */
export function useEventSummaries(reviewId: string): EveryEvent<EventSummary> {
  return useEveryEvent(CHRONOLOGY_EVENT_SUMMARIES, reviewId, summariesOf);
}
