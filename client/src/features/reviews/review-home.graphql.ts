import { graphql } from '../../gql';

/** Everything the review's home shows: summary, figures, members, readiness, overdue actions. */
export const REVIEW_HOME = graphql(`
  query ReviewHome($id: ID!) {
    review(id: $id) {
      id
      title
      status
      version
      summary
      periodStart
      periodEnd
      publishedAt
      publishedVersion
      caseGroupSignedOffAt
      caseGroupSignedOffBy
      agencies {
        id
      }
      people {
        id
      }
      events(first: 1) {
        totalCount
      }
      episodes {
        id
        ordinal
        title
        appraisal
        viewFromTheTunnel
        factors {
          id
        }
      }
      questions {
        id
        ordinal
        text
      }
      findings {
        id
        ordinal
        title
        statement
        questions
        answersQuestionIds
        episodes {
          id
        }
        factors {
          id
        }
        events {
          id
        }
        boardActions {
          id
        }
      }
      members {
        role
        user {
          id
          displayName
          email
        }
      }
      overdueActions {
        id
        description
        dueDate
        findingId
        status
        owningAgency {
          id
          name
        }
      }
    }
  }
`);

export const REVIEW_HOME_UPDATE = graphql(`
  mutation ReviewHomeUpdateReview($id: ID!, $expectedVersion: Int!, $input: UpdateReviewInput!) {
    updateReview(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
      status
      summary
      periodStart
      periodEnd
    }
  }
`);

/** Up to ten accounts, not yet members, whose name or email contains what was typed. */
export const REVIEW_HOME_FIND_ACCOUNTS = graphql(`
  query ReviewHomeFindAccounts($search: String!, $reviewId: ID!) {
    findAccounts(search: $search, reviewId: $reviewId) {
      id
      displayName
      email
    }
  }
`);

export const REVIEW_HOME_ADD_MEMBER = graphql(`
  mutation ReviewHomeAddMember($reviewId: ID!, $userId: ID!, $role: ReviewRole!) {
    addMember(reviewId: $reviewId, userId: $userId, role: $role) {
      id
    }
  }
`);

export const REVIEW_HOME_REMOVE_MEMBER = graphql(`
  mutation ReviewHomeRemoveMember($reviewId: ID!, $userId: ID!) {
    removeMember(reviewId: $reviewId, userId: $userId) {
      id
    }
  }
`);
