import { graphql } from '../../gql';

/** The reviews list; `filter` is left out when no search or filter is set. */
export const REVIEW_LIST = graphql(`
  query ReviewList($first: Int, $after: String, $filter: ReviewFilter) {
    reviews(first: $first, after: $after, filter: $filter) {
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

export const CREATE_REVIEW = graphql(`
  mutation ReviewsListCreateReview($input: CreateReviewInput!) {
    createReview(input: $input) {
      id
      reference
      title
    }
  }
`);
