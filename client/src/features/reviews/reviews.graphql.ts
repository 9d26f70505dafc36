import { graphql } from '../../gql';

export const REVIEW_LIST = graphql(`
  query ReviewList($first: Int, $after: String) {
    reviews(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          reference
          title
          partnership
          type
          status
          periodStart
          periodEnd
          updatedAt
          myRole
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
