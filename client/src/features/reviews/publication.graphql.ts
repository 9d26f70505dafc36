import { graphql } from '../../gql';

/** What stands in the way of publishing, and the review as analysts will see it. */
export const PUBLICATION_PREVIEW = graphql(`
  query PublicationPreview($reviewId: ID!) {
    publicationProblems(reviewId: $reviewId) {
      kind
      recordType
      recordId
      field
      excerpt
      fixAt
    }
    review(id: $reviewId) {
      id
      title
      type
      partnership
      periodStart
      periodEnd
      findings {
        id
        ordinal
        title
        statement
        category
      }
    }
  }
`);

export const PUBLISH_REVIEW = graphql(`
  mutation PublishReview($id: ID!, $overrideReason: String) {
    publishReview(id: $id, overrideReason: $overrideReason) {
      published
      version
      problems {
        kind
        recordType
        recordId
        field
        excerpt
        fixAt
      }
    }
  }
`);

export const REOPEN_REVIEW = graphql(`
  mutation ReopenReview($id: ID!, $reason: String!) {
    reopenReview(id: $id, reason: $reason) {
      id
      status
      version
    }
  }
`);

export const WITHDRAW_REVIEW = graphql(`
  mutation WithdrawReview($id: ID!, $reason: String!) {
    withdrawReview(id: $id, reason: $reason) {
      id
      status
      version
    }
  }
`);
