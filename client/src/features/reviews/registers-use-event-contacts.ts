import { useMemo } from 'react';
import { RegistersEventContactsQuery } from '../../gql/graphql';
import { useEveryEvent } from '../chronology';
import { ContactEvent } from './registers-agency-contacts';
import { REGISTERS_EVENT_CONTACTS } from './registers.graphql';

export type EventContactsState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; events: ContactEvent[] };

const pageOf = (data: RegistersEventContactsQuery | undefined) => data?.review?.events;

/**
 * Every chronology event of the review with its agency and the people it involves, and a way to
 * read them again after a removal that alters the chronology.
 */
export function useEventContacts(reviewId: string): {
  contacts: EventContactsState;
  readAgain: () => void;
} {
  const { events, loading, error, retry } = useEveryEvent(
    REGISTERS_EVENT_CONTACTS,
    reviewId,
    pageOf,
  );
  const contacts = useMemo<EventContactsState>(
    () =>
      error
        ? { status: 'failed', message: error }
        : loading
          ? { status: 'loading' }
          : { status: 'loaded', events },
    [events, loading, error],
  );
  return { contacts, readAgain: retry };
}
