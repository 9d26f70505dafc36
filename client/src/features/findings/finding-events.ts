import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../components/graphql-errors';
import { FindingEditorEventsQuery } from '../../gql/graphql';
import { FINDING_EDITOR_EVENTS } from './finding.graphql';

export type ChronologyEvent = NonNullable<
  FindingEditorEventsQuery['review']
>['events']['edges'][number]['node'];

type Page = NonNullable<FindingEditorEventsQuery['review']>['events'];

export interface ChronologyEvents {
  events: ChronologyEvent[];
  totalCount: number | null;
  loading: boolean;
  error: string | null;
  retry: () => void;
}

/** The whole chronology of the review, fetched 500 events at a time, for the evidence search. */
export function useChronologyEvents(reviewId: string): ChronologyEvents {
  const client = useApolloClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<ChronologyEvents, 'retry'>>({
    events: [],
    totalCount: null,
    loading: true,
    error: null,
  });

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      setState((before) => ({ ...before, loading: true, error: null }));
      const events: ChronologyEvent[] = [];
      let after: string | null = null;
      try {
        for (;;) {
          const result: { data?: FindingEditorEventsQuery } = await client.query({
            query: FINDING_EDITOR_EVENTS,
            variables: { reviewId, after },
          });
          const page: Page | undefined = result.data?.review?.events;
          if (!page) throw new Error('The review’s chronology is not available.');
          events.push(...page.edges.map((edge) => edge.node));
          if (cancelled) return;
          setState({
            events: [...events],
            totalCount: page.totalCount,
            loading: page.pageInfo.hasNextPage,
            error: null,
          });
          if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
          after = page.pageInfo.endCursor;
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
  }, [client, reviewId, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { ...state, retry };
}
