import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { rowsByIds, sqlRowsWhereIn } from '../database/loader-queries';
import { applyOrder, closeGaps, nextOrdinal } from '../database/ordering';
import { BaseRepository } from '../database/unit-of-work';
import { updateVersioned } from '../database/versioned-update';
import { ContributoryFactor } from './contributory-factor.entity';
import { PracticeEpisode } from './practice-episode.entity';

/** Key practice episodes, the events they span, and their contributory factors. */
@Injectable()
export class AnalysisRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  episodesByIds(ids: string[]): Promise<PracticeEpisode[]> {
    return rowsByIds(this.manager, PracticeEpisode, ids);
  }

  /** The episodes of the reviews, in order: the batch of the request loaders. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  episodesOfReviews(reviewIds: string[]): Promise<PracticeEpisode[]> {
    return sqlRowsWhereIn(this.manager, PracticeEpisode, 'reviewId', reviewIds, 't.ordinal');
  }

  /** The factors of the reviews by level: the batch of the request loaders. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  factorsOfReviews(reviewIds: string[]): Promise<ContributoryFactor[]> {
    return sqlRowsWhereIn(
      this.manager,
      ContributoryFactor,
      'reviewId',
      reviewIds,
      't.level, t.created_at, t.id',
    );
  }

  /** The next free ordinal of the review's episodes, with the review row locked. */
  @GenerateSql({ params: [DummyValue.UUID] })
  nextEpisodeOrdinal(reviewId: string): Promise<number> {
    return nextOrdinal(this.manager, 'practice_episode', reviewId);
  }

  @GenerateSql({
    params: [{ reviewId: DummyValue.UUID, ordinal: 1, title: DummyValue.TEXT }],
  })
  insertEpisode(values: Partial<PracticeEpisode>): Promise<PracticeEpisode> {
    const repository = this.manager.getRepository(PracticeEpisode);
    return repository.save(repository.create(values));
  }

  /** Replaces the events the episode spans. */
  @GenerateSql(
    { name: 'none', params: [DummyValue.UUID, []] },
    { name: 'some', params: [DummyValue.UUID, [DummyValue.OTHER_UUID]] },
  )
  async linkEvents(episodeId: string, eventIds: string[]): Promise<void> {
    await this.manager.query(`DELETE FROM episode_event WHERE episode_id = $1`, [episodeId]);
    if (eventIds.length === 0) return;
    await this.manager.query(
      `INSERT INTO episode_event (episode_id, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [episodeId, eventIds],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { title: DummyValue.TEXT }] })
  updateEpisode(
    id: string,
    expectedVersion: number,
    changes: Partial<PracticeEpisode>,
  ): Promise<{ before: PracticeEpisode; after: PracticeEpisode }> {
    return updateVersioned(
      this.manager,
      PracticeEpisode,
      id,
      expectedVersion,
      changes,
      'key practice episode',
    );
  }

  /** Renumbers the review's episodes in the given order; `ids` must name every one. */
  @GenerateSql({ params: [DummyValue.UUID, []] })
  reorderEpisodes(reviewId: string, ids: string[]): Promise<void> {
    return applyOrder(this.manager, 'practice_episode', reviewId, ids, 'episodeIds');
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  episodesOf(reviewId: string): Promise<PracticeEpisode[]> {
    return this.manager
      .getRepository(PracticeEpisode)
      .find({ where: { reviewId }, order: { ordinal: 'ASC' } });
  }

  /** How many factors the episode has, and how many findings cite it or them as evidence. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async countEpisodeUses(id: string): Promise<{ factors: number; findings: number }> {
    const [{ factors, findings }] = await this.manager.query(
      `SELECT (SELECT count(*)::int FROM contributory_factor WHERE episode_id = $1) AS factors,
              (SELECT count(DISTINCT finding_id)::int FROM finding_evidence
                WHERE episode_id = $1 OR factor_id IN (SELECT id FROM contributory_factor WHERE episode_id = $1)) AS findings`,
      [id],
    );
    return { factors, findings };
  }

  /** Closes the gap a removed episode leaves in the review's ordinals. */
  @GenerateSql({ params: [DummyValue.UUID] })
  closeEpisodeGaps(reviewId: string): Promise<void> {
    return closeGaps(this.manager, 'practice_episode', reviewId);
  }

  @GenerateSql({
    params: [
      {
        reviewId: DummyValue.UUID,
        episodeId: DummyValue.OTHER_UUID,
        level: 'ROLE',
        description: DummyValue.TEXT,
        themeKeys: [],
      },
    ],
  })
  insertFactor(values: Partial<ContributoryFactor>): Promise<ContributoryFactor> {
    const repository = this.manager.getRepository(ContributoryFactor);
    return repository.save(repository.create(values));
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { description: DummyValue.TEXT }] })
  updateFactor(
    id: string,
    expectedVersion: number,
    changes: Partial<ContributoryFactor>,
  ): Promise<{ before: ContributoryFactor; after: ContributoryFactor }> {
    return updateVersioned(
      this.manager,
      ContributoryFactor,
      id,
      expectedVersion,
      changes,
      'contributory factor',
    );
  }

  /** How many findings cite the factor as evidence. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async countFactorUses(id: string): Promise<number> {
    const [{ findings }] = await this.manager.query(
      `SELECT count(DISTINCT finding_id)::int AS findings FROM finding_evidence WHERE factor_id = $1`,
      [id],
    );
    return findings;
  }
}
