import { graphql } from '../../gql';

/** Every set of practice issues, with what each draws on (counted by the server). */
export const PRACTICE_ISSUE_SETS = graphql(`
  query PracticeIssueSets {
    practiceIssueSets {
      id
      title
      basis {
        reviewCount
        sentence
      }
      withdrawnReviews {
        reviewId
        reference
      }
      issues {
        id
        number
        title
      }
    }
  }
`);

export const PRACTICE_ISSUE_SET = graphql(`
  query PracticeIssueSet($id: ID!) {
    practiceIssueSet(id: $id) {
      id
      title
      purpose
      gathering
      participantCount
      closingSource
      collectionId
      reviewIds
      version
      basis {
        reviewCount
        firstPublishedAt
        lastPublishedAt
        sentence
      }
      withdrawnReviews {
        reviewId
        reference
        withdrawnAt
      }
      issues {
        id
        number
        title
        statement
      }
      printedDocument
    }
  }
`);

/** The published reviews a set may draw on. */
export const PUBLISHED_REVIEWS = graphql(`
  query PublishedReviewsForSet {
    corpusReviews(first: 200) {
      totalCount
      edges {
        node {
          id
          reviewId
          reference
          title
          publishedAt
        }
      }
    }
  }
`);

/** The collections a set may draw on (each lists only the reviews the trainer may read). */
export const COLLECTIONS_FOR_SET = graphql(`
  query CollectionsForSet {
    collections {
      id
      name
    }
  }
`);

export const CREATE_PRACTICE_ISSUE_SET = graphql(`
  mutation CreatePracticeIssueSet($input: PracticeIssueSetInput!) {
    createPracticeIssueSet(input: $input) {
      id
    }
  }
`);

export const UPDATE_PRACTICE_ISSUE_SET = graphql(`
  mutation UpdatePracticeIssueSet(
    $id: ID!
    $expectedVersion: Int!
    $input: UpdatePracticeIssueSetInput!
  ) {
    updatePracticeIssueSet(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
    }
  }
`);

export const REMOVE_PRACTICE_ISSUE_SET = graphql(`
  mutation RemovePracticeIssueSet($id: ID!, $dryRun: Boolean!) {
    removePracticeIssueSet(id: $id, dryRun: $dryRun) {
      removed
      consequences
    }
  }
`);

export const REORDER_PRACTICE_ISSUES = graphql(`
  mutation ReorderPracticeIssues($setId: ID!, $issueIds: [ID!]!) {
    reorderPracticeIssues(setId: $setId, issueIds: $issueIds) {
      id
      number
    }
  }
`);

export const CREATE_PRACTICE_ISSUE = graphql(`
  mutation CreatePracticeIssue($input: PracticeIssueInput!) {
    createPracticeIssue(input: $input) {
      id
      number
    }
  }
`);

export const PRACTICE_ISSUE = graphql(`
  query PracticeIssue($id: ID!) {
    practiceIssue(id: $id) {
      id
      setId
      number
      title
      statement
      whatIsTheIssue
      illustration
      reasonsFromReviews
      practiceReasons {
        heading
        text
        quotes {
          text
          role
        }
      }
      solutions
      questions {
        title
        questions
      }
      version
      set {
        id
        title
      }
      linkedFindings {
        finding {
          id
          title
          reference
          category
          statement
        }
        reviewTitle
        stale
      }
      printedDocument
    }
  }
`);

export const UPDATE_PRACTICE_ISSUE = graphql(`
  mutation UpdatePracticeIssue(
    $id: ID!
    $expectedVersion: Int!
    $input: UpdatePracticeIssueInput!
  ) {
    updatePracticeIssue(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
    }
  }
`);

export const REMOVE_PRACTICE_ISSUE = graphql(`
  mutation RemovePracticeIssue($id: ID!, $dryRun: Boolean!) {
    removePracticeIssue(id: $id, dryRun: $dryRun) {
      removed
      consequences
    }
  }
`);

export const LINK_FINDINGS = graphql(`
  mutation LinkFindings($practiceIssueId: ID!, $findingIds: [ID!]!) {
    linkFindings(practiceIssueId: $practiceIssueId, findingIds: $findingIds) {
      id
    }
  }
`);

export const UNLINK_FINDINGS = graphql(`
  mutation UnlinkFindings($practiceIssueId: ID!, $findingIds: [ID!]!) {
    unlinkFindings(practiceIssueId: $practiceIssueId, findingIds: $findingIds) {
      id
    }
  }
`);

/** Published findings matching the words, for adding to an issue. */
export const FIND_FINDINGS = graphql(`
  query FindFindingsForIssue($query: String!, $first: Int) {
    searchFindings(query: $query, first: $first) {
      snippet
      finding {
        id
        title
        reference
      }
      review {
        id
        title
        partnership
      }
    }
  }
`);

export const FIND_SIMILAR = graphql(`
  query FindSimilarForIssue($findingId: ID!, $first: Int) {
    similarFindings(findingId: $findingId, first: $first) {
      snippet
      finding {
        id
        title
        reference
      }
      review {
        id
        title
        partnership
      }
    }
  }
`);
