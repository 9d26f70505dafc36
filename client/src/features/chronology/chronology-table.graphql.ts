import { graphql } from '../../gql';

export const CHRONOLOGY_TABLE_UPDATE_EVENT = graphql(`
  mutation ChronologyTableUpdateEvent($id: ID!, $input: UpdateTimelineEventInput!) {
    updateTimelineEvent(id: $id, input: $input) {
      ...ChronologyEvent
    }
  }
`);
