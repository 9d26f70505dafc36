import { graphql } from '../../gql';

export const CHRONOLOGY_TABLE_UPDATE_EVENT = graphql(`
  mutation ChronologyTableUpdateEvent(
    $id: ID!
    $expectedVersion: Int!
    $input: UpdateTimelineEventInput!
  ) {
    updateTimelineEvent(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...ChronologyEvent
    }
  }
`);
