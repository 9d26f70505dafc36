import { graphql } from '../../gql';

/** Published findings matching the words, of the reviews the screen's filter keeps, best first. */
export const SEARCH_FINDINGS = graphql(`
  query SearchFindings($query: String!, $filter: CorpusFilter, $first: Int) {
    searchFindings(query: $query, filter: $filter, first: $first) {
      rank
      snippet
      finding {
        id
        title
        category
        reference
        source
        passage {
          pageNumber
        }
      }
      review {
        id
        reviewId
        currentlyPublished
        readable
        reference
        title
        partnership
        publicationYear
      }
    }
  }
`);

/** More like this: published findings of other reviews similar to the finding. */
export const SIMILAR_FINDINGS = graphql(`
  query SimilarFindings($findingId: ID!, $first: Int) {
    similarFindings(findingId: $findingId, first: $first) {
      rank
      snippet
      finding {
        id
        title
        category
        reference
        source
        passage {
          pageNumber
        }
      }
      review {
        id
        reviewId
        currentlyPublished
        readable
        reference
        title
        partnership
        publicationYear
      }
    }
  }
`);

/** Per year, the published reviews of the filtered set having the theme or category. */
export const THEME_TREND = graphql(`
  query ThemeTrend($filter: CorpusFilter, $keys: [String!]!, $by: TrendBasis!) {
    themeTrend(filter: $filter, keys: $keys, by: $by) {
      year
      key
      count
      denominator
      percent
    }
  }
`);
