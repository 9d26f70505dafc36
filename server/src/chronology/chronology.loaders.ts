import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  groupBy,
  listLoader,
  LoaderContribution,
  RequestLoaders,
  RequestLoadersFactory,
} from '../common/request-loaders';
import { ChronologyLoadersRepository } from './chronology-loaders.repository';
import { ContactTypeName } from '@scr/shared';
import { Comment } from './comment.entity';
import { ContactSummary } from './person-contact.types';
import { TimelineEvent } from './timeline-event.entity';

/** The chronology's members of every request's loaders. */
export interface ChronologyLoaders {
  commentsByEvent: DataLoader<string, Comment[]>;
  commentsByEpisode: DataLoader<string, Comment[]>;
  commentsByFinding: DataLoader<string, Comment[]>;
  /** The events of each episode, in date order, with their agencies. */
  eventsByEpisode: DataLoader<string, TimelineEvent[]>;
  personLinksByEvent: DataLoader<string, { personId: string; contact: ContactTypeName }[]>;
  /** Each person's events counted by contact, in total and by agency (one statement a batch). */
  contactSummaryByPerson: DataLoader<string, ContactSummary>;
  /** The events of each event group: the records of one occasion by several agencies. */
  eventsByGroup: DataLoader<string, TimelineEvent[]>;
  /**
   * Puts each event's agency on it, from the review's agency list (one list per review, shared
   * with the review's own agencies field). Done once per list rather than per event, so that the
   * field is plain data and costs GraphQL no resolver call per event.
   */
  withAgencies(events: TimelineEvent[]): Promise<TimelineEvent[]>;
}

declare module '../common/request-loaders' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds the chronology's members
  interface RequestLoaders extends ChronologyLoaders {}
}

@Injectable()
export class ChronologyLoadersProvider implements LoaderContribution {
  constructor(
    factory: RequestLoadersFactory,
    private readonly rows: ChronologyLoadersRepository,
  ) {
    factory.register(this);
  }

  loadersFor(loaders: RequestLoaders): ChronologyLoaders {
    const withAgencies = async (events: TimelineEvent[]) => {
      const byId = await loaders.agenciesOf(events);
      for (const event of events)
        event.agency = event.agencyId ? (byId.get(event.agencyId) ?? null) : null;
      return events;
    };
    return {
      commentsByEvent: listLoader((ids) => this.rows.commentsOfEvents(ids), 'eventId'),
      commentsByEpisode: listLoader((ids) => this.rows.commentsOfEpisodes(ids), 'episodeId'),
      commentsByFinding: listLoader((ids) => this.rows.commentsOfFindings(ids), 'findingId'),
      eventsByEpisode: new DataLoader(async (episodeIds) => {
        const rows = await this.rows.eventsOfEpisodes([...episodeIds]);
        const groups = groupBy(episodeIds, rows, (row) => row.episodeId).map((group) =>
          group.map(({ episodeId: _episodeId, ...event }) => event),
        );
        await withAgencies(groups.flat());
        return groups;
      }),
      personLinksByEvent: new DataLoader(async (eventIds) => {
        const rows = await this.rows.personLinksOfEvents([...eventIds]);
        return groupBy(eventIds, rows, (row) => row.event_id).map((group) =>
          group.map((row) => ({ personId: row.person_id, contact: row.contact })),
        );
      }),
      contactSummaryByPerson: new DataLoader(async (personIds) => {
        const rows = await this.rows.contactCountsOfPeople([...personIds]);
        return groupBy(personIds, rows, (row) => row.personId).map((group) => {
          const byAgency = group.map(({ personId: _personId, ...counts }) => counts);
          const sum = (key: 'seen' | 'seenAlone' | 'spokenTo' | 'mentioned' | 'total') =>
            byAgency.reduce((n, counts) => n + counts[key], 0);
          return {
            seen: sum('seen'),
            seenAlone: sum('seenAlone'),
            spokenTo: sum('spokenTo'),
            mentioned: sum('mentioned'),
            total: sum('total'),
            byAgency,
          };
        });
      }),
      eventsByGroup: new DataLoader(async (groups) => {
        const rows = await this.rows.eventsOfGroups([...groups]);
        await withAgencies(rows);
        return groupBy(groups, rows, (row) => row.eventGroup!);
      }),
      withAgencies,
    };
  }
}
