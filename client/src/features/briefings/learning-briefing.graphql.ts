import { graphql } from '../../gql';

export const LEARNING_BRIEFING_FIELDS = graphql(`
  fragment LearningBriefingFields on LearningBriefing {
    id
    version
    editable
    title
    background
    methodology
    goodPractice
    keyFindings
    learningPoints
    recommendations
    messagesForManagers
    messagesForPractitioners
    furtherInformation
    updatedAt
    emergingThemes {
      caseCount
      casesWithoutCharacteristics
      message
      reviewTypes
      periodStart
      periodEnd
      rows {
        key
        label
        count
        percent
        sentence
      }
    }
    anonymisationWarnings {
      field
      excerpt
      kind
    }
    document
  }
`);

export const REVIEW_LEARNING_BRIEFING = graphql(`
  query ReviewLearningBriefing($reviewId: ID!) {
    reviewLearningBriefing(reviewId: $reviewId) {
      ...LearningBriefingFields
    }
  }
`);

export const COLLECTION_LEARNING_BRIEFING = graphql(`
  query CollectionLearningBriefing($collectionId: ID!) {
    collection(id: $collectionId) {
      id
      name
      description
    }
    collectionLearningBriefing(collectionId: $collectionId) {
      ...LearningBriefingFields
    }
  }
`);

export const UPDATE_REVIEW_LEARNING_BRIEFING = graphql(`
  mutation UpdateReviewLearningBriefing(
    $reviewId: ID!
    $expectedVersion: Int!
    $input: LearningBriefingInput!
  ) {
    updateReviewLearningBriefing(
      reviewId: $reviewId
      expectedVersion: $expectedVersion
      input: $input
    ) {
      ...LearningBriefingFields
    }
  }
`);

export const UPDATE_COLLECTION_LEARNING_BRIEFING = graphql(`
  mutation UpdateCollectionLearningBriefing(
    $collectionId: ID!
    $expectedVersion: Int!
    $input: LearningBriefingInput!
  ) {
    updateCollectionLearningBriefing(
      collectionId: $collectionId
      expectedVersion: $expectedVersion
      input: $input
    ) {
      ...LearningBriefingFields
    }
  }
`);
