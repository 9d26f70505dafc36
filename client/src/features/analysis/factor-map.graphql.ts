import { graphql } from '../../gql';

export const FACTOR_MAP = graphql(`
  query FactorMap($id: ID!) {
    review(id: $id) {
      id
      episodes {
        id
        ordinal
        title
        appraisal
        factors {
          id
          episodeId
          level
          effect
          tier
          description
        }
      }
      findings {
        id
        ordinal
        title
        category
        categoryLabel
        episodes {
          id
        }
        factors {
          id
        }
      }
    }
  }
`);
