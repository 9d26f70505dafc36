import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { selectColumns } from '../database/entity-columns';
import { ContactTypeName } from '@scr/shared';
import { AgencyContactCounts } from './person-contact.types';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { rowsWhereIn } from '../database/loader-queries';
import { BaseRepository } from '../database/unit-of-work';
import { Comment } from './comment.entity';
import { TimelineEvent } from './timeline-event.entity';

const IDS = [DummyValue.UUID, DummyValue.OTHER_UUID];

/** The batches of the chronology's request loaders (chronology.loaders.ts): many keys at once. */
@Injectable()
export class ChronologyLoadersRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The columns of the events read with hand-written SQL, as entity-columns.ts lists them. */
  private get eventColumns(): string {
    return selectColumns(this.manager, TimelineEvent, 'e');
  }

  @GenerateSql({ params: [IDS] })
  commentsOfEvents(eventIds: string[]): Promise<Comment[]> {
    return rowsWhereIn(this.manager, Comment, 'eventId', eventIds, { createdAt: 'ASC' });
  }

  @GenerateSql({ params: [IDS] })
  commentsOfEpisodes(episodeIds: string[]): Promise<Comment[]> {
    return rowsWhereIn(this.manager, Comment, 'episodeId', episodeIds, { createdAt: 'ASC' });
  }

  @GenerateSql({ params: [IDS] })
  commentsOfFindings(findingIds: string[]): Promise<Comment[]> {
    return rowsWhereIn(this.manager, Comment, 'findingId', findingIds, { createdAt: 'ASC' });
  }

  /** The events of each episode, in date order, with the links in one statement. */
  @GenerateSql({ params: [IDS] })
  eventsOfEpisodes(episodeIds: string[]): Promise<({ episodeId: string } & TimelineEvent)[]> {
    return this.manager.query(
      `SELECT ee.episode_id AS "episodeId", ${this.eventColumns}
       FROM episode_event ee JOIN timeline_event e ON e.id = ee.event_id
       WHERE ee.episode_id = ANY($1) ORDER BY e.sort_date, e.sequence`,
      [episodeIds],
    );
  }

  @GenerateSql({ params: [IDS] })
  personLinksOfEvents(
    eventIds: string[],
  ): Promise<{ event_id: string; person_id: string; contact: ContactTypeName }[]> {
    return this.manager.query(
      `SELECT event_id, person_id, contact FROM timeline_event_person WHERE event_id = ANY($1)`,
      [eventIds],
    );
  }

  /** Each person's events counted by contact type, one row per person and agency. */
  @GenerateSql({ params: [IDS] })
  contactCountsOfPeople(
    personIds: string[],
  ): Promise<({ personId: string } & AgencyContactCounts)[]> {
    return this.manager.query(
      `SELECT ep.person_id AS "personId", e.agency_id AS "agencyId",
              count(*) FILTER (WHERE ep.contact = 'SEEN')::int AS seen,
              count(*) FILTER (WHERE ep.contact = 'SEEN_ALONE')::int AS "seenAlone",
              count(*) FILTER (WHERE ep.contact = 'SPOKEN_TO')::int AS "spokenTo",
              count(*) FILTER (WHERE ep.contact = 'MENTIONED')::int AS mentioned,
              count(*)::int AS total
       FROM timeline_event_person ep JOIN timeline_event e ON e.id = ep.event_id
       WHERE ep.person_id = ANY($1)
       GROUP BY ep.person_id, e.agency_id
       ORDER BY ep.person_id, e.agency_id NULLS LAST`,
      [personIds],
    );
  }

  /** The events of each event group: the records of one occasion by several agencies. */
  @GenerateSql({ params: [[DummyValue.TEXT]] })
  eventsOfGroups(groups: string[]): Promise<TimelineEvent[]> {
    return this.manager.query(
      `SELECT ${this.eventColumns} FROM timeline_event e WHERE e.event_group = ANY($1) ORDER BY e.sort_date, e.sequence`,
      [groups],
    );
  }
}
