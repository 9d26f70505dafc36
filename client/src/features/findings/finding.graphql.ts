import { graphql } from '../../gql';

export const FINDING_LIST = graphql(`
  query FindingList($reviewId: ID!) {
    review(id: $reviewId) {
      id
      findings {
        id
        ordinal
        title
        statement
        category
        categoryLabel
        questions
        episodes {
          id
        }
        factors {
          id
        }
        events {
          id
        }
      }
    }
  }
`);

export const FINDING_LIST_REORDER = graphql(`
  mutation FindingListReorder($reviewId: ID!, $findingIds: [ID!]!) {
    reorderFindings(reviewId: $reviewId, findingIds: $findingIds) {
      id
      ordinal
    }
  }
`);

export const FINDING_LIST_CREATE = graphql(`
  mutation FindingListCreate($reviewId: ID!, $input: FindingInput!) {
    createFinding(reviewId: $reviewId, input: $input) {
      id
      ordinal
      title
      category
    }
  }
`);

export const FINDING_LIST_REMOVE = graphql(`
  mutation FindingListRemove($id: ID!, $dryRun: Boolean!) {
    removeFinding(id: $id, dryRun: $dryRun) {
      removed
      consequences
    }
  }
`);

export const FINDING_EDITOR = graphql(`
  query FindingEditor($reviewId: ID!) {
    review(id: $reviewId) {
      id
      findings {
        ...FindingEditorFinding
      }
      questions {
        id
        ordinal
        text
      }
      episodes {
        id
        ordinal
        title
        appraisal
        factors {
          id
          level
          description
          episodeId
        }
      }
    }
    themes(kind: PRACTICE_THEME) {
      key
      label
    }
  }
`);

export const FINDING_EDITOR_SAVE = graphql(`
  mutation FindingEditorSave($id: ID!, $expectedVersion: Int!, $input: FindingInput!) {
    updateFinding(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...FindingEditorFinding
    }
  }
`);

/** The finding as the editor shows it, read and saved alike so that the cache stays whole. */
export const FINDING_EDITOR_FINDING = graphql(`
  fragment FindingEditorFinding on Finding {
    id
    ordinal
    version
    title
    category
    categoryLabel
    effect
    statement
    manifestation
    notPeculiar
    prevalence
    references {
      kind
      citation
      url
      reviewId
    }
    significance
    questions
    answersQuestionIds
    themes {
      key
      label
    }
    episodes {
      id
      ordinal
      title
    }
    factors {
      id
      level
      description
      episodeId
    }
    events {
      id
      title
      occurredOn
      precision
      agency {
        id
        name
      }
    }
  }
`);
