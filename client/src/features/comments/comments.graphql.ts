import { graphql } from '../../gql';

/** The review's comments, with what each is on, and the case group's sign-off. */
export const CASE_GROUP_COMMENTS = graphql(`
  query CaseGroupComments($reviewId: ID!, $state: CommentState!) {
    review(id: $reviewId) {
      id
      version
      caseGroupSignedOffAt
      caseGroupSignedOffBy
      comments(state: $state) {
        ...CommentFields
      }
      episodes {
        id
        ordinal
        title
      }
      findings {
        id
        ordinal
        title
      }
    }
  }
`);

export const COMMENT_FIELDS = graphql(`
  fragment CommentFields on Comment {
    id
    eventId
    episodeId
    findingId
    authorName
    body
    createdAt
    resolvedAt
    resolvedBy
  }
`);

export const ADD_COMMENT = graphql(`
  mutation AddCaseGroupComment($reviewId: ID!, $input: CommentInput!) {
    addComment(reviewId: $reviewId, input: $input) {
      ...CommentFields
    }
  }
`);

export const RESOLVE_COMMENT = graphql(`
  mutation ResolveCaseGroupComment($id: ID!, $resolved: Boolean!) {
    resolveComment(id: $id, resolved: $resolved) {
      ...CommentFields
    }
  }
`);

export const SIGN_OFF_ANALYSIS = graphql(`
  mutation SignOffAnalysis($reviewId: ID!) {
    signOffAnalysis(reviewId: $reviewId) {
      id
      version
      caseGroupSignedOffAt
      caseGroupSignedOffBy
    }
  }
`);

export const WITHDRAW_ANALYSIS_SIGN_OFF = graphql(`
  mutation WithdrawAnalysisSignOff($reviewId: ID!) {
    withdrawAnalysisSignOff(reviewId: $reviewId) {
      id
      version
      caseGroupSignedOffAt
      caseGroupSignedOffBy
    }
  }
`);
