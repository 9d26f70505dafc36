import { graphql } from '../../gql';

/** What every screen of a review shows above its tabs, and what they need to know of you. */
export const REVIEW_HEADER = graphql(`
  query ReviewHeader($id: ID!) {
    review(id: $id) {
      id
      reference
      title
      partnership
      type
      status
      methodology
      periodStart
      periodEnd
      version
      myRole
      myCapabilities
    }
  }
`);
