/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query CurrentUser {\n    me {\n      id\n      email\n      displayName\n      role\n    }\n  }\n": typeof types.CurrentUserDocument,
    "\n  query ReviewChronology($id: ID!, $after: String) {\n    review(id: $id) {\n      id\n      reference\n      title\n      partnership\n      type\n      status\n      periodStart\n      periodEnd\n      myCapabilities\n      agencies {\n        id\n        name\n        sector\n      }\n      events(first: 200, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            occurredOn\n            precision\n            timeOfDay\n            title\n            description\n            source\n            agency {\n              id\n              name\n            }\n            linkedEvents {\n              id\n              agency {\n                name\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ReviewChronologyDocument,
    "\n  query DuplicateCandidates($id: ID!) {\n    review(id: $id) {\n      id\n      duplicateCandidates(first: 20) {\n        score\n        first {\n          id\n          occurredOn\n          precision\n          title\n          agency {\n            name\n          }\n        }\n        second {\n          id\n          occurredOn\n          precision\n          title\n          agency {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.DuplicateCandidatesDocument,
    "\n  mutation LinkEvents($reviewId: ID!, $eventIds: [ID!]!) {\n    linkEvents(reviewId: $reviewId, eventIds: $eventIds) {\n      id\n    }\n  }\n": typeof types.LinkEventsDocument,
    "\n  query ReviewHeader($id: ID!) {\n    review(id: $id) {\n      id\n      reference\n      title\n      partnership\n      type\n      status\n      methodology\n      periodStart\n      periodEnd\n      version\n      myRole\n      myCapabilities\n    }\n  }\n": typeof types.ReviewHeaderDocument,
    "\n  query ReviewList($first: Int, $after: String) {\n    reviews(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          reference\n          title\n          partnership\n          type\n          status\n          periodStart\n          periodEnd\n          updatedAt\n          myRole\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReviewListDocument,
};
const documents: Documents = {
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  query CurrentUser {\n    me {\n      id\n      email\n      displayName\n      role\n    }\n  }\n": types.CurrentUserDocument,
    "\n  query ReviewChronology($id: ID!, $after: String) {\n    review(id: $id) {\n      id\n      reference\n      title\n      partnership\n      type\n      status\n      periodStart\n      periodEnd\n      myCapabilities\n      agencies {\n        id\n        name\n        sector\n      }\n      events(first: 200, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            occurredOn\n            precision\n            timeOfDay\n            title\n            description\n            source\n            agency {\n              id\n              name\n            }\n            linkedEvents {\n              id\n              agency {\n                name\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ReviewChronologyDocument,
    "\n  query DuplicateCandidates($id: ID!) {\n    review(id: $id) {\n      id\n      duplicateCandidates(first: 20) {\n        score\n        first {\n          id\n          occurredOn\n          precision\n          title\n          agency {\n            name\n          }\n        }\n        second {\n          id\n          occurredOn\n          precision\n          title\n          agency {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.DuplicateCandidatesDocument,
    "\n  mutation LinkEvents($reviewId: ID!, $eventIds: [ID!]!) {\n    linkEvents(reviewId: $reviewId, eventIds: $eventIds) {\n      id\n    }\n  }\n": types.LinkEventsDocument,
    "\n  query ReviewHeader($id: ID!) {\n    review(id: $id) {\n      id\n      reference\n      title\n      partnership\n      type\n      status\n      methodology\n      periodStart\n      periodEnd\n      version\n      myRole\n      myCapabilities\n    }\n  }\n": types.ReviewHeaderDocument,
    "\n  query ReviewList($first: Int, $after: String) {\n    reviews(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          reference\n          title\n          partnership\n          type\n          status\n          periodStart\n          periodEnd\n          updatedAt\n          myRole\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReviewListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentUser {\n    me {\n      id\n      email\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  query CurrentUser {\n    me {\n      id\n      email\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewChronology($id: ID!, $after: String) {\n    review(id: $id) {\n      id\n      reference\n      title\n      partnership\n      type\n      status\n      periodStart\n      periodEnd\n      myCapabilities\n      agencies {\n        id\n        name\n        sector\n      }\n      events(first: 200, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            occurredOn\n            precision\n            timeOfDay\n            title\n            description\n            source\n            agency {\n              id\n              name\n            }\n            linkedEvents {\n              id\n              agency {\n                name\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewChronology($id: ID!, $after: String) {\n    review(id: $id) {\n      id\n      reference\n      title\n      partnership\n      type\n      status\n      periodStart\n      periodEnd\n      myCapabilities\n      agencies {\n        id\n        name\n        sector\n      }\n      events(first: 200, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            occurredOn\n            precision\n            timeOfDay\n            title\n            description\n            source\n            agency {\n              id\n              name\n            }\n            linkedEvents {\n              id\n              agency {\n                name\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuplicateCandidates($id: ID!) {\n    review(id: $id) {\n      id\n      duplicateCandidates(first: 20) {\n        score\n        first {\n          id\n          occurredOn\n          precision\n          title\n          agency {\n            name\n          }\n        }\n        second {\n          id\n          occurredOn\n          precision\n          title\n          agency {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DuplicateCandidates($id: ID!) {\n    review(id: $id) {\n      id\n      duplicateCandidates(first: 20) {\n        score\n        first {\n          id\n          occurredOn\n          precision\n          title\n          agency {\n            name\n          }\n        }\n        second {\n          id\n          occurredOn\n          precision\n          title\n          agency {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkEvents($reviewId: ID!, $eventIds: [ID!]!) {\n    linkEvents(reviewId: $reviewId, eventIds: $eventIds) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation LinkEvents($reviewId: ID!, $eventIds: [ID!]!) {\n    linkEvents(reviewId: $reviewId, eventIds: $eventIds) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewHeader($id: ID!) {\n    review(id: $id) {\n      id\n      reference\n      title\n      partnership\n      type\n      status\n      methodology\n      periodStart\n      periodEnd\n      version\n      myRole\n      myCapabilities\n    }\n  }\n"): (typeof documents)["\n  query ReviewHeader($id: ID!) {\n    review(id: $id) {\n      id\n      reference\n      title\n      partnership\n      type\n      status\n      methodology\n      periodStart\n      periodEnd\n      version\n      myRole\n      myCapabilities\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewList($first: Int, $after: String) {\n    reviews(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          reference\n          title\n          partnership\n          type\n          status\n          periodStart\n          periodEnd\n          updatedAt\n          myRole\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewList($first: Int, $after: String) {\n    reviews(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          reference\n          title\n          partnership\n          type\n          status\n          periodStart\n          periodEnd\n          updatedAt\n          myRole\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;