import type { MockedProviderProps } from '@apollo/client/testing/react';
import {
  CHRONOLOGY_ADD_EVENT,
  CHRONOLOGY_EVENT_FORM_PEOPLE,
  CHRONOLOGY_EVENT_TO_COPY,
  CHRONOLOGY_REMOVE_EVENT,
  CHRONOLOGY_RESTORE_EVENT,
} from './event-editing.graphql';

/** The answers the form and the deletion ask of the server, for the specs of both views. */
type Mock = NonNullable<MockedProviderProps['mocks']>[number];

export const PEOPLE = [
  { __typename: 'Person' as const, id: 'p-child', pseudonym: 'Child A' },
  { __typename: 'Person' as const, id: 'p-mother', pseudonym: 'Mother' },
];

export function peopleMock(reviewId = 'r1'): Mock {
  return {
    request: { query: CHRONOLOGY_EVENT_FORM_PEOPLE, variables: { id: reviewId } },
    result: { data: { review: { __typename: 'Review', id: reviewId, people: PEOPLE } } },
  };
}

export function copyMock(id: string, personIds: string[]): Mock {
  return {
    request: { query: CHRONOLOGY_EVENT_TO_COPY, variables: { id } },
    result: {
      data: {
        timelineEvent: {
          __typename: 'TimelineEvent',
          id,
          people: personIds.map((personId) => ({ __typename: 'Person', id: personId })),
        },
      },
    },
  };
}

const stored = (
  id: string,
  input: Record<string, unknown>,
  agency: { id: string; name: string } | null,
) => ({
  __typename: 'TimelineEvent' as const,
  id,
  occurredOn: input.occurredOn,
  precision: input.precision,
  sortDate: '2014-04-03',
  endDate: '2014-04-03',
  timeOfDay: input.timeOfDay ?? null,
  title: input.title,
  description: input.description ?? null,
  source: input.source ?? null,
  version: 1,
  agency: agency ? { __typename: 'Agency' as const, ...agency } : null,
  linkedEvents: [],
});

export function addMock(
  input: Record<string, unknown>,
  agency: { id: string; name: string } | null,
  reviewId = 'r1',
): Mock {
  return {
    request: { query: CHRONOLOGY_ADD_EVENT, variables: { reviewId, events: [input] } },
    result: { data: { addTimelineEvents: [stored('e-new', input, agency)] } },
  };
}

export function removeMocks(id: string, consequences: string[], reviewId = 'r1'): Mock[] {
  return [true, false].map((dryRun) => ({
    request: { query: CHRONOLOGY_REMOVE_EVENT, variables: { reviewId, ids: [id], dryRun } },
    result: {
      data: {
        removeTimelineEvents: {
          __typename: 'RemovalResult',
          removed: !dryRun,
          consequences,
        },
      },
    },
  }));
}

export function restoreMock(
  id: string,
  input: Record<string, unknown>,
  agency: { id: string; name: string } | null,
  reviewId = 'r1',
): Mock {
  return {
    request: { query: CHRONOLOGY_RESTORE_EVENT, variables: { reviewId, ids: [id] } },
    result: { data: { restoreTimelineEvents: [stored(id, input, agency)] } },
  };
}
