import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { BaseRepository } from '../../database/unit-of-work';

export interface KpeEpisodeRow {
  id: string;
  ordinal: number;
  title: string;
  summary: string | null;
  view_from_the_tunnel: string | null;
  appraisal: string;
  appraisal_narrative: string | null;
  explanation: string | null;
}

export interface KpeEventRow {
  episode_id: string;
  occurred_on: string;
  precision: string;
  title: string;
}

export interface KpeFactorRow {
  episode_id: string;
  level: string;
  description: string;
}

/** A review's episodes, their events and factors, as the key practice episode table reads them. */
@Injectable()
export class KpeTableRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  episodes(reviewId: string): Promise<KpeEpisodeRow[]> {
    return this.manager.query(
      `SELECT k.id, k.ordinal, k.title, k.summary, k.view_from_the_tunnel, k.appraisal, k.appraisal_narrative, k.explanation
       FROM practice_episode k WHERE k.review_id = $1 ORDER BY k.ordinal`,
      [reviewId],
    );
  }

  /** The events of the review's episodes, in date order. */
  @GenerateSql({ params: [DummyValue.UUID] })
  events(reviewId: string): Promise<KpeEventRow[]> {
    return this.manager.query(
      `SELECT ee.episode_id, e.occurred_on, e.precision, e.title
       FROM episode_event ee JOIN practice_episode k ON k.id = ee.episode_id JOIN timeline_event e ON e.id = ee.event_id
       WHERE k.review_id = $1 ORDER BY e.sort_date, e.sequence`,
      [reviewId],
    );
  }

  /** The factors of the review's episodes, from the family outwards, then as added. */
  @GenerateSql({ params: [DummyValue.UUID] })
  factors(reviewId: string): Promise<KpeFactorRow[]> {
    return this.manager.query(
      `SELECT f.episode_id, f.level, f.description FROM contributory_factor f
       WHERE f.review_id = $1 ORDER BY f.level, f.created_at, f.id`,
      [reviewId],
    );
  }
}
