import { plural } from '../../components/plural';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { ChronologyEventsPageQuery, ReviewChronologyQuery } from '../../gql/graphql';
import { CHRONOLOGY_EVENTS_PAGE, REVIEW_CHRONOLOGY } from './chronology.graphql';
import { eventPages } from './event-pages';

type FirstPage = NonNullable<ReviewChronologyQuery['review']>['events'];
export type ChronologyEvent = FirstPage['edges'][number]['node'];

interface LaterPages {
  /** The first page these follow: a refetch of it starts them again. */
  after: FirstPage | null;
  events: ChronologyEvent[];
  done: boolean;
  error: Error | null;
}

export interface WholeChronology {
  review: ReviewChronologyQuery['review'] | undefined;
  /** Every event loaded so far, in date order. */
  events: ChronologyEvent[];
  total: number;
  complete: boolean;
  /** Nothing to show yet. */
  loading: boolean;
  error: Error | null;
  refetch: () => void;
}

/** "Loading 1,500 of 10,000 events…" */
export function loadingProgress(loaded: number, total: number): string {
  return `Loading ${loaded.toLocaleString('en-GB')} of ${plural(total, 'event')}…`;
}

/** "1 event from 1 agency, in date order" once the whole chronology is loaded. */
export function loadedSummary(total: number, agencies: number): string {
  return `${plural(total, 'event')} from ${plural(agencies, 'agency', 'agencies')}, in date order`;
}

/**
 * The review with its whole chronology: the first page comes with the review (and is refetched
 * with it after an import or a link); the rest follow page by page, outside the cache, since
 * ten thousand events normalised in the cache would cost more than they save.
 */
export function useWholeChronology(reviewId: string): WholeChronology {
  const { data, loading, error, refetch } = useQuery(REVIEW_CHRONOLOGY, {
    variables: { id: reviewId },
  });
  const client = useApolloClient();
  const first = data?.review?.events ?? null;
  const [later, setLater] = useState<LaterPages>({
    after: null,
    events: [],
    done: false,
    error: null,
  });

  useEffect(() => {
    if (!first?.pageInfo.hasNextPage || !first.pageInfo.endCursor) return;
    let cancelled = false;
    const collected: ChronologyEvent[] = [];
    const pages = eventPages({
      client,
      query: CHRONOLOGY_EVENTS_PAGE,
      variables: { id: reviewId },
      after: first.pageInfo.endCursor,
      pageOf: (pageData: ChronologyEventsPageQuery | undefined) => pageData?.review?.events,
      fetchPolicy: 'no-cache',
      missing: 'the review is no longer there.',
    });
    void (async () => {
      try {
        for await (const { page, more } of pages) {
          if (cancelled) return;
          for (const edge of page.edges) collected.push(edge.node);
          setLater({ after: first, events: collected.slice(), done: !more, error: null });
        }
      } catch (caught) {
        if (!cancelled) {
          setLater({
            after: first,
            events: collected.slice(),
            done: false,
            error: caught as Error,
          });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [first, client, reviewId]);

  const events = useMemo(() => {
    if (!first) return [];
    const firstEvents = first.edges.map((edge) => edge.node);
    return later.after === first ? firstEvents.concat(later.events) : firstEvents;
  }, [first, later]);
  const total = first?.totalCount ?? 0;
  return {
    review: data?.review,
    events,
    total,
    complete:
      Boolean(first) && (!first!.pageInfo.hasNextPage || (later.after === first && later.done)),
    loading: loading && !data,
    error: error ?? (later.after === first ? later.error : null),
    refetch: () => void refetch(),
  };
}
