import { graphql } from '../../gql';

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
      events(first: 200, after: $after) {
        totalCount
        edges {
          node {
            id
            occurredOn
            precision
            timeOfDay
            title
            description
            source
            agency {
              id
              name
            }
            linkedEvents {
              id
              agency {
                name
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
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
