import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import { closeGaps, applyOrder, nextOrdinal } from '../common/ordering';
import { plural, RemovalResult } from '../common/removal-result';
import { RequestLoaders } from '../common/request-loaders';
import { updateVersioned } from '../common/versioned-update';
import { ReviewAccessService } from '../reviews/review-access.service';
import { checkPeriod } from '../common/period';
import { RecordsService } from '../common/records.service';
import { ThemeKeysService } from '../themes/theme-keys.service';
import { User } from '../users/user.entity';
import { ContributoryFactor } from './contributory-factor.entity';
import {
  EpisodeInput,
  FactorInput,
  UpdateEpisodeInput,
  UpdateFactorInput,
} from './dto/analysis.inputs';
import { PracticeEpisode } from './practice-episode.entity';

const DATE_NAMES = ['startDate', 'endDate'];

@Injectable()
export class AnalysisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly records: RecordsService,
    private readonly themeKeys: ThemeKeysService,
    private readonly audit: AuditService,
  ) {}

  private async linkEvents(
    manager: EntityManager,
    episodeId: string,
    eventIds: string[],
  ): Promise<void> {
    await manager.query(`DELETE FROM episode_event WHERE episode_id = $1`, [episodeId]);
    if (eventIds.length === 0) return;
    await manager.query(
      `INSERT INTO episode_event (episode_id, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [episodeId, eventIds],
    );
  }

  async createEpisode(
    user: User,
    reviewId: string,
    input: EpisodeInput,
    loaders: RequestLoaders,
  ): Promise<PracticeEpisode> {
    await this.access.require(user, reviewId, 'edit', loaders);
    checkPeriod(input.startDate, input.endDate, DATE_NAMES);
    const work = async (manager: EntityManager) => {
      const { eventIds = [], ...fields } = input;
      await this.records.requireInReview(
        TimelineEvent,
        reviewId,
        eventIds,
        'eventIds',
        'event',
        manager,
      );
      const ordinal = await nextOrdinal(manager, 'practice_episode', reviewId);
      const episode = await manager
        .getRepository(PracticeEpisode)
        .save(manager.getRepository(PracticeEpisode).create({ ...fields, reviewId, ordinal }));
      await this.linkEvents(manager, episode.id, eventIds);
      await this.audit.record(manager, user, {
        reviewId,
        entityType: 'PracticeEpisode',
        entityId: episode.id,
        action: 'create',
        after: { ...episode, eventIds },
      });
      return episode;
    };
    return this.dataSource.transaction(work);
  }

  async updateEpisode(
    user: User,
    id: string,
    expectedVersion: number,
    input: UpdateEpisodeInput,
    loaders: RequestLoaders,
  ): Promise<PracticeEpisode> {
    const current = await this.records.findIn(PracticeEpisode, id, 'episode');
    await this.access.require(user, current.reviewId, 'edit', loaders);
    checkPeriod(
      input.startDate !== undefined ? input.startDate : current.startDate,
      input.endDate !== undefined ? input.endDate : current.endDate,
      DATE_NAMES,
    );
    return this.dataSource.transaction(async (manager) => {
      const { eventIds, ...fields } = input;
      if (eventIds)
        await this.records.requireInReview(
          TimelineEvent,
          current.reviewId,
          eventIds,
          'eventIds',
          'event',
          manager,
        );
      const { before, after } = await updateVersioned(
        manager,
        PracticeEpisode,
        id,
        expectedVersion,
        fields,
        'key practice episode',
      );
      if (eventIds) await this.linkEvents(manager, id, eventIds);
      await this.audit.record(manager, user, {
        reviewId: current.reviewId,
        entityType: 'PracticeEpisode',
        entityId: id,
        action: 'update',
        before,
        after: eventIds ? { ...after, eventIds } : after,
      });
      return after;
    });
  }

  async reorderEpisodes(
    user: User,
    reviewId: string,
    episodeIds: string[],
    loaders: RequestLoaders,
  ): Promise<PracticeEpisode[]> {
    await this.access.require(user, reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      await applyOrder(manager, 'practice_episode', reviewId, episodeIds, 'episodeIds');
      await this.audit.record(manager, user, {
        reviewId,
        entityType: 'PracticeEpisode',
        entityId: null,
        action: 'reorder',
        after: { episodeIds },
      });
      return manager
        .getRepository(PracticeEpisode)
        .find({ where: { reviewId }, order: { ordinal: 'ASC' } });
    });
  }

  async removeEpisode(
    user: User,
    id: string,
    dryRun: boolean,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    const episode = await this.records.findIn(PracticeEpisode, id, 'episode');
    await this.access.require(user, episode.reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      const [{ factors, findings }] = await manager.query(
        `SELECT (SELECT count(*)::int FROM contributory_factor WHERE episode_id = $1) AS factors,
                (SELECT count(DISTINCT finding_id)::int FROM finding_evidence
                  WHERE episode_id = $1 OR factor_id IN (SELECT id FROM contributory_factor WHERE episode_id = $1)) AS findings`,
        [id],
      );
      const consequences = [
        ...(factors ? [`its ${plural(factors, 'contributory factor')} will be removed too`] : []),
        ...(findings ? [`${plural(findings, 'finding')} will lose evidence`] : []),
      ];
      const result = await this.audit.remove(
        manager,
        user,
        PracticeEpisode,
        episode,
        consequences,
        dryRun,
      );
      if (result.removed) await closeGaps(manager, 'practice_episode', episode.reviewId);
      return result;
    });
  }

  async addFactor(
    user: User,
    episodeId: string,
    input: FactorInput,
    loaders: RequestLoaders,
  ): Promise<ContributoryFactor> {
    const episode = await this.records.findIn(PracticeEpisode, episodeId, 'episode');
    await this.access.require(user, episode.reviewId, 'edit', loaders);
    const themeKeys = await this.themeKeys.validate(input.themeKeys ?? [], 'themeKeys');
    const work = async (manager: EntityManager) => {
      const factor = await manager
        .getRepository(ContributoryFactor)
        .save(
          manager
            .getRepository(ContributoryFactor)
            .create({ ...input, themeKeys, episodeId, reviewId: episode.reviewId }),
        );
      await this.audit.record(manager, user, {
        reviewId: episode.reviewId,
        entityType: 'ContributoryFactor',
        entityId: factor.id,
        action: 'create',
        after: factor,
      });
      return factor;
    };
    return this.dataSource.transaction(work);
  }

  async updateFactor(
    user: User,
    id: string,
    expectedVersion: number,
    input: UpdateFactorInput,
    loaders: RequestLoaders,
  ): Promise<ContributoryFactor> {
    const factor = await this.records.findIn(ContributoryFactor, id, 'contributory factor');
    await this.access.require(user, factor.reviewId, 'edit', loaders);
    const changes: Partial<ContributoryFactor> = { ...input, themeKeys: undefined };
    if (input.themeKeys)
      changes.themeKeys = await this.themeKeys.validate(input.themeKeys, 'themeKeys');
    else delete changes.themeKeys;
    return this.dataSource.transaction(async (manager) => {
      const { before, after } = await updateVersioned(
        manager,
        ContributoryFactor,
        id,
        expectedVersion,
        changes,
        'contributory factor',
      );
      await this.audit.record(manager, user, {
        reviewId: before.reviewId,
        entityType: 'ContributoryFactor',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async removeFactor(
    user: User,
    id: string,
    dryRun: boolean,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    const factor = await this.records.findIn(ContributoryFactor, id, 'contributory factor');
    await this.access.require(user, factor.reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      const [{ findings }] = await manager.query(
        `SELECT count(DISTINCT finding_id)::int AS findings FROM finding_evidence WHERE factor_id = $1`,
        [id],
      );
      const consequences = findings ? [`${plural(findings, 'finding')} will lose evidence`] : [];
      return this.audit.remove(manager, user, ContributoryFactor, factor, consequences, dryRun);
    });
  }
}
