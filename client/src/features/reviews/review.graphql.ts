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
