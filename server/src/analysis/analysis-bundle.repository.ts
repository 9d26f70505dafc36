import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertColumns, insertRows } from '../database/bulk-insert';
import { allColumns } from '../database/entity-columns';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { ContributoryFactor } from './contributory-factor.entity';
import { PracticeEpisode } from './practice-episode.entity';

type Row = Record<string, unknown>;

/** The analysis's tables as a bundle reads and writes them: whole lists of one review. */
@Injectable()
export class AnalysisBundleRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  episodes(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, PracticeEpisode, 'k')} FROM practice_episode k WHERE k.review_id = $1 ORDER BY k.ordinal`,
      [reviewId],
    );
  }

  /** The links of the review's episodes to their events, in the events' order. */
  @GenerateSql({ params: [DummyValue.UUID] })
  episodeEvents(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ee.* FROM episode_event ee JOIN practice_episode k ON k.id = ee.episode_id JOIN timeline_event e ON e.id = ee.event_id
       WHERE k.review_id = $1 ORDER BY e.sort_date, e.sequence`,
      [reviewId],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  factors(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, ContributoryFactor, 'f')} FROM contributory_factor f JOIN practice_episode k ON k.id = f.episode_id
       WHERE f.review_id = $1 ORDER BY k.ordinal, f.level, f.created_at, f.id`,
      [reviewId],
    );
  }

  /** Inserts rows of the named properties of an episode; their new ids, in order. */
  @GenerateSql({
    params: [['reviewId', 'ordinal', 'title'], [[DummyValue.UUID, 1, DummyValue.TEXT]]],
  })
  insertEpisodes(properties: (keyof PracticeEpisode)[], rows: unknown[][]): Promise<string[]> {
    return insertRows(this.manager, PracticeEpisode, properties, rows);
  }

  /** Inserts (episode id, event id) links. */
  @GenerateSql({ params: [[[DummyValue.UUID, DummyValue.OTHER_UUID]]] })
  insertEpisodeEvents(rows: unknown[][]): Promise<void> {
    return insertColumns(
      this.manager,
      'episode_event',
      [
        ['episode_id', 'uuid'],
        ['event_id', 'uuid'],
      ],
      rows,
    );
  }

  @GenerateSql({
    params: [
      ['reviewId', 'episodeId', 'level', 'description', 'themeKeys'],
      [[DummyValue.UUID, DummyValue.OTHER_UUID, 'ROLE', DummyValue.TEXT, '{}']],
    ],
  })
  insertFactors(properties: (keyof ContributoryFactor)[], rows: unknown[][]): Promise<string[]> {
    return insertRows(this.manager, ContributoryFactor, properties, rows);
  }
}
