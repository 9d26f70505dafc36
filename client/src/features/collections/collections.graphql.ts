import { graphql } from '../../gql';

export const COLLECTION_REVIEW_FIELDS = graphql(`
  fragment CollectionReviewFields on Review {
    id
    reference
    title
    partnership
    status
  }
`);

/** Every collection, with how many of its reviews the user may read. */
export const COLLECTION_LIST = graphql(`
  query CollectionList {
    collections {
      id
      name
      description
      createdAt
      editable
      reviews {
        id
      }
    }
  }
`);

export const COLLECTION_PAGE = graphql(`
  query CollectionPage($id: ID!) {
    collection(id: $id) {
      id
      name
      description
      createdAt
      editable
      canAnalyse
      reviews {
        ...CollectionReviewFields
      }
    }
  }
`);

export const CREATE_COLLECTION = graphql(`
  mutation CollectionsCreate($input: CollectionInput!) {
    createCollection(input: $input) {
      id
      name
    }
  }
`);

export const ADD_TO_COLLECTION = graphql(`
  mutation CollectionsAddReviews($collectionId: ID!, $reviewIds: [ID!]!) {
    addToCollection(collectionId: $collectionId, reviewIds: $reviewIds) {
      id
      reviews {
        ...CollectionReviewFields
      }
    }
  }
`);

export const REMOVE_FROM_COLLECTION = graphql(`
  mutation CollectionsRemoveReviews($collectionId: ID!, $reviewIds: [ID!]!) {
    removeFromCollection(collectionId: $collectionId, reviewIds: $reviewIds) {
      id
      reviews {
        ...CollectionReviewFields
      }
    }
  }
`);

/** The reviews the user may read that match the words, to add to a collection. */
export const COLLECTION_REVIEW_CHOICES = graphql(`
  query CollectionReviewChoices($first: Int, $filter: ReviewFilter) {
    reviews(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          ...CollectionReviewFields
        }
      }
    }
  }
`);
