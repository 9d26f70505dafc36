import { graphql } from '../../gql';

export const ACCOUNTS = graphql(`
  query Accounts {
    me {
      id
    }
    users {
      id
      email
      displayName
      role
      version
      deactivatedAt
      lastSignInAt
      createdAt
    }
  }
`);

export const CREATE_ACCOUNT = graphql(`
  mutation CreateAccount($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

export const CHANGE_ACCOUNT_ROLE = graphql(`
  mutation ChangeAccountRole($id: ID!, $expectedVersion: Int!, $role: Role!) {
    changeUserRole(id: $id, expectedVersion: $expectedVersion, role: $role) {
      id
      role
      version
    }
  }
`);

export const DEACTIVATE_ACCOUNT = graphql(`
  mutation DeactivateAccount($id: ID!, $expectedVersion: Int!) {
    deactivateUser(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      deactivatedAt
    }
  }
`);

export const REACTIVATE_ACCOUNT = graphql(`
  mutation ReactivateAccount($id: ID!, $expectedVersion: Int!) {
    reactivateUser(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      deactivatedAt
    }
  }
`);

export const RESET_ACCOUNT_PASSWORD = graphql(`
  mutation ResetAccountPassword($id: ID!, $expectedVersion: Int!, $newPassword: String) {
    resetUserPassword(id: $id, expectedVersion: $expectedVersion, newPassword: $newPassword) {
      generatedPassword
      user {
        id
        version
      }
    }
  }
`);
