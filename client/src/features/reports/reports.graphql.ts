import { graphql } from '../../gql';

/** A page of the report library, newest first. */
export const REPORTS = graphql(`
  query Reports($first: Int, $after: String) {
    reports(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          title
          partnership
          publishedOn
          pageCount
          textLayer
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
