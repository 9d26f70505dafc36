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

/** A report with its catalogue data and its text page by page, for the reader. */
export const REPORT_READER = graphql(`
  query ReportReader($id: ID!) {
    report(id: $id) {
      id
      title
      partnership
      publishedOn
      reviewType
      methodology
      author
      summary
      learning
      recommendations
      keywords
      fileName
      mediaType
      pageCount
      textLayer
      withdrawnAt
      withdrawnReason
      pages {
        number
        text
      }
    }
  }
`);

/** Pages of the library matching a search, best first. */
export const SEARCH_REPORTS = graphql(`
  query SearchReports($query: String!, $filter: ReportFilter, $first: Int) {
    searchReports(query: $query, filter: $filter, first: $first) {
      page
      snippet
      rank
      report {
        id
        title
        partnership
        publishedOn
      }
    }
  }
`);

/** Takes a report out of the library (administrators). */
export const WITHDRAW_REPORT = graphql(`
  mutation WithdrawReport($id: ID!, $reason: String!) {
    withdrawReport(id: $id, reason: $reason) {
      id
      withdrawnAt
      withdrawnReason
    }
  }
`);
