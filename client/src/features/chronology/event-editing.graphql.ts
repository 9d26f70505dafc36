import { graphql } from '../../gql';

/** The people of the review, to say who an event involves. */
export const CHRONOLOGY_EVENT_FORM_PEOPLE = graphql(`
  query ChronologyEventFormPeople($id: ID!) {
    review(id: $id) {
      id
      people {
        id
        pseudonym
      }
    }
  }
`);

/** The people of the event a copy starts from (the chronology's pages do not carry them). */
export const CHRONOLOGY_EVENT_TO_COPY = graphql(`
  query ChronologyEventToCopy($id: ID!) {
    timelineEvent(id: $id) {
      id
      people {
        id
      }
    }
  }
`);

export const CHRONOLOGY_ADD_EVENT = graphql(`
  mutation ChronologyAddEvent($reviewId: ID!, $events: [TimelineEventInput!]!) {
    addTimelineEvents(reviewId: $reviewId, events: $events) {
      ...ChronologyEvent
    }
  }
`);

export const CHRONOLOGY_REMOVE_EVENT = graphql(`
  mutation ChronologyRemoveEvent($reviewId: ID!, $ids: [ID!]!, $dryRun: Boolean!) {
    removeTimelineEvents(reviewId: $reviewId, ids: $ids, dryRun: $dryRun) {
      removed
      consequences
    }
  }
`);

export const CHRONOLOGY_RESTORE_EVENT = graphql(`
  mutation ChronologyRestoreEvent($reviewId: ID!, $ids: [ID!]!) {
    restoreTimelineEvents(reviewId: $reviewId, ids: $ids) {
      ...ChronologyEvent
    }
  }
`);
