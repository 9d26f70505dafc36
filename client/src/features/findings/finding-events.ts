import { FindingEditorEventsQuery } from '../../gql/graphql';
import { EveryEvent, useEveryEvent } from '../chronology/use-every-event';
import { FINDING_EDITOR_EVENTS } from './finding.graphql';

export type EvidenceEvent = NonNullable<
  FindingEditorEventsQuery['review']
>['events']['edges'][number]['node'];

export type EvidenceEvents = EveryEvent<EvidenceEvent>;

const pageOf = (data: FindingEditorEventsQuery | undefined) => data?.review?.events;

/** The whole chronology of the review, for the evidence search. */
export function useChronologyEvents(reviewId: string): EvidenceEvents {
  return useEveryEvent(FINDING_EDITOR_EVENTS, reviewId, pageOf);
}
