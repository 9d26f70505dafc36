import { graphql } from '../../gql';

/** Per unordered pair of the case characteristics, the reviews of the filter having both. */
export const CORPUS_COOCCURRENCE = graphql(`
  query CorpusCooccurrence($filter: CorpusFilter, $themeKeys: [String!]!) {
    themeCooccurrence(filter: $filter, themeKeys: $themeKeys) {
      keys
      cells {
        a
        b
        count
      }
    }
  }
`);

/** Per year (of publication or of the incident) and typology category, the reviews having it. */
export const CORPUS_CATEGORY_TREND = graphql(`
  query CorpusCategoryTrend($filter: CorpusFilter, $by: TrendBasis!) {
    categoryTrend(filter: $filter, by: $by) {
      year
      key
      count
      denominator
      percent
    }
  }
`);
