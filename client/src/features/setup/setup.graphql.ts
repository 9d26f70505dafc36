import { graphql } from '../../gql';

export const REVIEW_QUESTIONS = graphql(`
  query ReviewQuestions($reviewId: ID!) {
    review(id: $reviewId) {
      id
      questions {
        id
        ordinal
        text
        version
      }
    }
  }
`);

export const REVIEW_QUESTION_ADD = graphql(`
  mutation ReviewQuestionAdd($reviewId: ID!, $input: ReviewQuestionInput!) {
    addReviewQuestion(reviewId: $reviewId, input: $input) {
      id
      ordinal
      text
      version
    }
  }
`);

export const REVIEW_QUESTION_UPDATE = graphql(`
  mutation ReviewQuestionUpdate($id: ID!, $expectedVersion: Int!, $input: ReviewQuestionInput!) {
    updateReviewQuestion(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ordinal
      text
      version
    }
  }
`);

export const REVIEW_QUESTION_REORDER = graphql(`
  mutation ReviewQuestionReorder($reviewId: ID!, $questionIds: [ID!]!) {
    reorderReviewQuestions(reviewId: $reviewId, questionIds: $questionIds) {
      id
      ordinal
    }
  }
`);

export const REVIEW_QUESTION_REMOVE = graphql(`
  mutation ReviewQuestionRemove($id: ID!, $dryRun: Boolean!) {
    removeReviewQuestion(id: $id, dryRun: $dryRun) {
      removed
      consequences
    }
  }
`);
