import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import { plural, RemovalResult } from '../common/removal-result';
import { RequestLoaders } from '../common/request-loaders';
import { ReviewAccessService } from '../reviews/review-access.service';
import { checkPeriod } from '../common/period';
import { RecordsService } from '../common/records.service';
import { ThemeKeysService } from '../themes/theme-keys.service';
import { User } from '../users/user.entity';
import { AnalysisRepository } from './analysis.repository';
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
    private readonly analysis: AnalysisRepository,
    private readonly access: ReviewAccessService,
    private readonly records: RecordsService,
    private readonly themeKeys: ThemeKeysService,
    private readonly audit: AuditService,
  ) {}

  async createEpisode(
    user: User,
    reviewId: string,
    input: EpisodeInput,
    loaders: RequestLoaders,
  ): Promise<PracticeEpisode> {
    await this.access.require(user, reviewId, 'edit', loaders);
    checkPeriod(input.startDate, input.endDate, DATE_NAMES);
    return this.analysis.transaction(async (transaction) => {
      const analysis = this.analysis.in(transaction);
      const { eventIds = [], ...fields } = input;
      await this.records.requireInReview(
        TimelineEvent,
        reviewId,
        eventIds,
        'eventIds',
        'event',
        transaction,
      );
      const ordinal = await analysis.nextEpisodeOrdinal(reviewId);
      const episode = await analysis.insertEpisode({ ...fields, reviewId, ordinal });
      await analysis.linkEvents(episode.id, eventIds);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'PracticeEpisode',
        entityId: episode.id,
        action: 'create',
        after: { ...episode, eventIds },
      });
      return episode;
    });
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
    return this.analysis.transaction(async (transaction) => {
      const analysis = this.analysis.in(transaction);
      const { eventIds, ...fields } = input;
      if (eventIds)
        await this.records.requireInReview(
          TimelineEvent,
          current.reviewId,
          eventIds,
          'eventIds',
          'event',
          transaction,
        );
      const { before, after } = await analysis.updateEpisode(id, expectedVersion, fields);
      if (eventIds) await analysis.linkEvents(id, eventIds);
      await this.audit.record(transaction, user, {
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
    return this.analysis.transaction(async (transaction) => {
      const analysis = this.analysis.in(transaction);
      await analysis.reorderEpisodes(reviewId, episodeIds);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'PracticeEpisode',
        entityId: null,
        action: 'reorder',
        after: { episodeIds },
      });
      return analysis.episodesOf(reviewId);
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
    return this.analysis.transaction(async (transaction) => {
      const analysis = this.analysis.in(transaction);
      const { factors, findings } = await analysis.countEpisodeUses(id);
      const consequences = [
        ...(factors ? [`its ${plural(factors, 'contributory factor')} will be removed too`] : []),
        ...(findings ? [`${plural(findings, 'finding')} will lose evidence`] : []),
      ];
      const result = await this.audit.remove(
        transaction,
        user,
        PracticeEpisode,
        episode,
        consequences,
        dryRun,
      );
      if (result.removed) await analysis.closeEpisodeGaps(episode.reviewId);
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
    return this.analysis.transaction(async (transaction) => {
      const factor = await this.analysis
        .in(transaction)
        .insertFactor({ ...input, themeKeys, episodeId, reviewId: episode.reviewId });
      await this.audit.record(transaction, user, {
        reviewId: episode.reviewId,
        entityType: 'ContributoryFactor',
        entityId: factor.id,
        action: 'create',
        after: factor,
      });
      return factor;
    });
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
    return this.analysis.transaction(async (transaction) => {
      const { before, after } = await this.analysis
        .in(transaction)
        .updateFactor(id, expectedVersion, changes);
      await this.audit.record(transaction, user, {
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
    return this.analysis.transaction(async (transaction) => {
      const findings = await this.analysis.in(transaction).countFactorUses(id);
      const consequences = findings ? [`${plural(findings, 'finding')} will lose evidence`] : [];
      return this.audit.remove(transaction, user, ContributoryFactor, factor, consequences, dryRun);
    });
  }
}
