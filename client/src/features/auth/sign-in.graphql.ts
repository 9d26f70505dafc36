import { graphql } from '../../gql';

export const SIGN_IN = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      user {
        id
        email
        displayName
        role
      }
    }
  }
`);

export const CURRENT_USER = graphql(`
  query CurrentUser {
    me {
      id
      email
      displayName
      role
    }
  }
`);

export const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);
