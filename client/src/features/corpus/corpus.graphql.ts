import { graphql } from '../../gql';

/**
 * The corpus screen's figures for one filter: case characteristics, and the six typology
 * categories counted twice, once for the findings that support good practice and once for those
 * that make problems more likely (the same filter, with its effects).
 */
export const CORPUS_FIGURES = graphql(`
  query CorpusFigures($filter: CorpusFilter, $good: CorpusFilter, $problems: CorpusFilter) {
    characteristics: themePrevalence(filter: $filter, kind: CASE_CHARACTERISTIC) {
      denominator
      rows {
        key
        label
        count
        percent
      }
    }
    goodPractice: categoryPrevalence(filter: $good) {
      denominator
      rows {
        key
        label
        count
        percent
      }
    }
    problems: categoryPrevalence(filter: $problems) {
      denominator
      rows {
        key
        label
        count
        percent
      }
    }
  }
`);

/** The vocabulary the theme filters choose from. */
export const CORPUS_THEMES = graphql(`
  query CorpusThemes {
    themes {
      key
      kind
      label
    }
  }
`);

/** The published reviews behind a bar: the screen's filter plus the bar's key. */
export const CORPUS_REVIEWS = graphql(`
  query CorpusReviews($filter: CorpusFilter, $first: Int) {
    corpusReviews(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          reviewId
          source
          reportId
          reference
          title
          partnership
          type
          publicationYear
          currentlyPublished
          readable
        }
      }
    }
  }
`);

/** The collections (named sets of reviews, such as audit rounds) to filter the corpus by. */
export const CORPUS_COLLECTIONS = graphql(`
  query CorpusCollections {
    collections {
      id
      name
      canAnalyse
    }
  }
`);
