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

export const REVIEW_CONVERSATIONS = graphql(`
  query ReviewConversations($reviewId: ID!) {
    review(id: $reviewId) {
      id
      agencies {
        id
        name
      }
      people {
        id
        pseudonym
      }
      episodes {
        id
        ordinal
        title
      }
      conversations {
        id
        kind
        format
        heldOn
        precision
        participants {
          role
          agencyId
        }
        familyPersonIds
        familyDescription
        notes
        episodeIds
        version
      }
    }
  }
`);

export const REVIEW_CONVERSATION_ADD = graphql(`
  mutation ReviewConversationAdd($reviewId: ID!, $input: ReviewConversationInput!) {
    addReviewConversation(reviewId: $reviewId, input: $input) {
      id
    }
  }
`);

export const REVIEW_CONVERSATION_UPDATE = graphql(`
  mutation ReviewConversationUpdate(
    $id: ID!
    $expectedVersion: Int!
    $input: UpdateReviewConversationInput!
  ) {
    updateReviewConversation(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
    }
  }
`);

export const REVIEW_CONVERSATION_REMOVE = graphql(`
  mutation ReviewConversationRemove($id: ID!) {
    removeReviewConversation(id: $id) {
      removed
    }
  }
`);
