import { graphql } from '../../gql';

export const BOARD_RESPONSE = graphql(`
  query BoardResponse($id: ID!) {
    review(id: $id) {
      id
      agencies {
        id
        name
      }
      findings {
        id
        ordinal
        title
        categoryLabel
        boardActions {
          ...BoardResponseAction
        }
      }
    }
  }
`);

export const BOARD_RESPONSE_ACTION = graphql(`
  fragment BoardResponseAction on BoardAction {
    id
    findingId
    description
    dueDate
    status
    overdue
    droppedReason
    impactNote
    version
    owningAgency {
      id
      name
    }
  }
`);

export const BOARD_RESPONSE_ADD_ACTION = graphql(`
  mutation BoardResponseAddAction($findingId: ID!, $input: BoardActionInput!) {
    addBoardAction(findingId: $findingId, input: $input) {
      ...BoardResponseAction
    }
  }
`);

export const BOARD_RESPONSE_UPDATE_ACTION = graphql(`
  mutation BoardResponseUpdateAction(
    $id: ID!
    $expectedVersion: Int!
    $input: UpdateBoardActionInput!
  ) {
    updateBoardAction(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...BoardResponseAction
    }
  }
`);

export const BOARD_RESPONSE_REMOVE_ACTION = graphql(`
  mutation BoardResponseRemoveAction($id: ID!) {
    removeBoardAction(id: $id) {
      removed
    }
  }
`);
