import { graphql } from '../../gql';

/**
 * The whole chronology as the evidence pickers search and list it (the episode editor's, the
 * finding editor's), read page after page of 500 by `useEventSummaries`.
 */
export const CHRONOLOGY_EVENT_SUMMARIES = graphql(`
  query ChronologyEventSummaries($reviewId: ID!, $after: String) {
    review(id: $reviewId) {
      id
      events(first: 500, after: $after) {
        totalCount
        edges {
          node {
            id
            occurredOn
            precision
            sortDate
            endDate
            title
            description
            agency {
              id
              name
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
