import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { CHRONOLOGY_EVENTS_PAGE, REVIEW_CHRONOLOGY } from './chronology.graphql';
import { CHRONOLOGY_EVENT_SUMMARIES } from './every-event.graphql';
import { ChronologyEvent, useWholeChronology } from './timeline-loading';
import { useEventSummaries } from './use-every-event';

const agency = { __typename: 'Agency' as const, id: 'a1', name: 'Moorshire Police' };

function summary(n: number) {
  return {
    __typename: 'TimelineEvent' as const,
    id: `e${n}`,
    occurredOn: `2022-04-0${n}`,
    precision: 'DAY' as const,
    sortDate: `2022-04-0${n}`,
    endDate: `2022-04-0${n}`,
    title: `Event ${n}`,
    description: null,
    agency,
  };
}

function detailed(n: number): ChronologyEvent & { __typename: 'TimelineEvent' } {
  return {
    ...summary(n),
    timeOfDay: null,
    source: 'Case records',
    version: 1,
    linkedEvents: [],
    peopleContacts: [],
  };
}

/** One page of the `events` connection, with the cursor of the next when there is one. */
function page<T>(nodes: T[], totalCount: number, next: string | null) {
  return {
    __typename: 'TimelineEventConnection' as const,
    totalCount,
    edges: nodes.map((node) => ({ __typename: 'TimelineEventEdge' as const, node })),
    pageInfo: { __typename: 'PageInfo' as const, hasNextPage: next !== null, endCursor: next },
  };
}

const wrapperWith =
  (mocks: MockedProviderProps['mocks']) =>
  ({ children }: { children: ReactNode }) => (
    <MockedProvider mocks={mocks}>{children}</MockedProvider>
  );

describe('useEventSummaries', () => {
  const summaries = (after: string | null, nodes: number[], next: string | null) => ({
    request: { query: CHRONOLOGY_EVENT_SUMMARIES, variables: { reviewId: 'r1', after } },
    result: {
      data: {
        review: {
          __typename: 'Review' as const,
          id: 'r1',
          events: page(nodes.map(summary), 5, next),
        },
      },
    },
  });

  it('reads page after page, following each cursor, until the last', async () => {
    const { result } = renderHook(() => useEventSummaries('r1'), {
      wrapper: wrapperWith([
        summaries(null, [1, 2], 'c2'),
        summaries('c2', [3, 4], 'c4'),
        summaries('c4', [5], null),
      ]),
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toBeNull();
    expect(result.current.totalCount).toBe(5);
    expect(result.current.events.map((event) => event.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('says the chronology is not available when the review is gone', async () => {
    const { result } = renderHook(() => useEventSummaries('r1'), {
      wrapper: wrapperWith([
        {
          request: {
            query: CHRONOLOGY_EVENT_SUMMARIES,
            variables: { reviewId: 'r1', after: null },
          },
          result: { data: { review: null } },
        },
      ]),
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toBe('The review’s chronology is not available.');
  });
});

describe('useWholeChronology', () => {
  const review = {
    __typename: 'Review' as const,
    id: 'r1',
    reference: 'NSCP-1',
    title: 'Child M',
    partnership: 'Northmoor',
    type: 'SERIOUS_CASE_REVIEW' as const,
    status: 'ANALYSIS' as const,
    periodStart: '2021-09-01',
    periodEnd: '2023-08-31',
    myCapabilities: ['read', 'edit'],
    agencies: [{ ...agency, sector: 'POLICE' as const }],
    episodes: [],
  };
  const first = {
    request: { query: REVIEW_CHRONOLOGY, variables: { id: 'r1' } },
    result: { data: { review: { ...review, events: page([detailed(1), detailed(2)], 5, 'c2') } } },
  };
  const later = (after: string, nodes: number[], next: string | null) => ({
    request: { query: CHRONOLOGY_EVENTS_PAGE, variables: { id: 'r1', after } },
    result: {
      data: {
        review: {
          __typename: 'Review' as const,
          id: 'r1',
          events: page(nodes.map(detailed), 5, next),
        },
      },
    },
  });

  it('adds the later pages to the first that came with the review', async () => {
    const { result } = renderHook(() => useWholeChronology('r1'), {
      wrapper: wrapperWith([first, later('c2', [3, 4], 'c4'), later('c4', [5], null)]),
    });
    await waitFor(() => expect(result.current.complete).toBe(true));
    expect(result.current.error).toBeNull();
    expect(result.current.total).toBe(5);
    expect(result.current.events.map((event) => event.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('keeps what came and says why the rest did not', async () => {
    const { result } = renderHook(() => useWholeChronology('r1'), {
      wrapper: wrapperWith([
        first,
        later('c2', [3], 'c3'),
        {
          request: { query: CHRONOLOGY_EVENTS_PAGE, variables: { id: 'r1', after: 'c3' } },
          result: { data: { review: null } },
        },
      ]),
    });
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.error?.message).toBe('the review is no longer there.');
    expect(result.current.complete).toBe(false);
    expect(result.current.events.map((event) => event.id)).toEqual(['e1', 'e2', 'e3']);
  });
});
