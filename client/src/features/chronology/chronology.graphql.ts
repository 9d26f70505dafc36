import { graphql } from '../../gql';

/** What the timeline and the table show of an event. */
export const CHRONOLOGY_EVENT = graphql(`
  fragment ChronologyEvent on TimelineEvent {
    id
    occurredOn
    precision
    sortDate
    endDate
    timeOfDay
    title
    description
    source
    version
    agency {
      id
      name
    }
    peopleContacts {
      contact
      person {
        id
      }
    }
    linkedEvents {
      id
      agency {
        name
      }
    }
  }
`);

/** A page of the chronology: the first comes with the review, the rest one by one after it. */
export const CHRONOLOGY_EVENTS_PAGE_FIELDS = graphql(`
  fragment ChronologyEventsPage on TimelineEventConnection {
    totalCount
    edges {
      node {
        ...ChronologyEvent
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

// Pages of 400 events: the query cost limit counts each field of ChronologyEvent once per event
// asked for, and 500 no longer fits (server/src/graphql/client-operations.integration-spec.ts).
export const REVIEW_CHRONOLOGY = graphql(`
  query ReviewChronology($id: ID!, $after: String) {
    review(id: $id) {
      id
      reference
      title
      partnership
      type
      status
      periodStart
      periodEnd
      myCapabilities
      agencies {
        id
        name
        sector
      }
      people {
        id
        pseudonym
        isSubjectChild
      }
      episodes {
        id
        ordinal
        title
        startDate
        endDate
      }
      events(first: 400, after: $after) {
        ...ChronologyEventsPage
      }
    }
  }
`);

/** The rest of the chronology, page by page, after the first page the review query brings. */
export const CHRONOLOGY_EVENTS_PAGE = graphql(`
  query ChronologyEventsPage($id: ID!, $after: String) {
    review(id: $id) {
      id
      events(first: 400, after: $after) {
        ...ChronologyEventsPage
      }
    }
  }
`);

export const CHRONOLOGY_CREATE_EPISODE = graphql(`
  mutation ChronologyCreateEpisode($reviewId: ID!, $input: EpisodeInput!) {
    createEpisode(reviewId: $reviewId, input: $input) {
      id
      ordinal
      title
      startDate
      endDate
    }
  }
`);

export const DUPLICATE_CANDIDATES = graphql(`
  query DuplicateCandidates($id: ID!) {
    review(id: $id) {
      id
      duplicateCandidates(first: 20) {
        score
        first {
          id
          occurredOn
          precision
          title
          agency {
            name
          }
        }
        second {
          id
          occurredOn
          precision
          title
          agency {
            name
          }
        }
      }
    }
  }
`);

export const LINK_EVENTS = graphql(`
  mutation LinkEvents($reviewId: ID!, $eventIds: [ID!]!) {
    linkEvents(reviewId: $reviewId, eventIds: $eventIds) {
      id
    }
  }
`);
