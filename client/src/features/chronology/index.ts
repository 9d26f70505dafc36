/**
 * What the other features use of the chronology: its events read whole, page after page. The
 * chronology's own screen is loaded lazily by the app from its file.
 */
export { CHRONOLOGY_EVENT_SUMMARIES } from './every-event.graphql';
export type { EventsPage } from './event-pages';
export { useEventSummaries, useEveryEvent } from './use-every-event';
export type { EventSummary, EveryEvent } from './use-every-event';
export { downloadWithToken } from './download';
