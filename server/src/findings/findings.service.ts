import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OPEN_BOARD_ACTION_STATUSES } from '@scr/shared';
import { DataSource, EntityManager } from 'typeorm';
import { ContributoryFactor } from '../analysis/contributory-factor.entity';
import { PracticeEpisode } from '../analysis/practice-episode.entity';
import { AuditService } from '../audit/audit.service';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import { badInput } from '../common/app-error';
import { applyOrder, closeGaps, nextOrdinal } from '../common/ordering';
import { plural, RemovalResult } from '../common/removal-result';
import { RequestLoaders } from '../common/request-loaders';
import { updateVersioned } from '../common/versioned-update';
import { Agency } from '../reviews/agency.entity';
import { ReviewAccessService } from '../reviews/review-access.service';
import { RecordsService } from '../common/records.service';
import { ThemeKeysService } from '../themes/theme-keys.service';
import { User } from '../users/user.entity';
import { BoardAction } from './board-action.entity';
import { BoardActionInput, FindingInput, UpdateBoardActionInput } from './dto/finding.inputs';
import { Finding } from './finding.entity';

interface Evidence {
  episodeIds?: string[];
  factorIds?: string[];
  eventIds?: string[];
}

@Injectable()
export class FindingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly records: RecordsService,
    private readonly themeKeys: ThemeKeysService,
    private readonly audit: AuditService,
  ) {}

  private async checkEvidence(
    manager: EntityManager,
    reviewId: string,
    evidence: Evidence,
  ): Promise<void> {
    await this.records.requireInReview(
      PracticeEpisode,
      reviewId,
      evidence.episodeIds ?? [],
      'episodeIds',
      'episode',
      manager,
    );
    await this.records.requireInReview(
      ContributoryFactor,
      reviewId,
      evidence.factorIds ?? [],
      'factorIds',
      'contributory factor',
      manager,
    );
    await this.records.requireInReview(
      TimelineEvent,
      reviewId,
      evidence.eventIds ?? [],
      'eventIds',
      'event',
      manager,
    );
  }

  /** Replaces the finding's evidence with the given links, kept in the order given. */
  private async linkEvidence(
    manager: EntityManager,
    findingId: string,
    evidence: Required<Evidence>,
  ): Promise<void> {
    await manager.query(`DELETE FROM finding_evidence WHERE finding_id = $1`, [findingId]);
    const rows = [
      ...[...new Set(evidence.episodeIds)].map((id) => [id, null, null]),
      ...[...new Set(evidence.factorIds)].map((id) => [null, id, null]),
      ...[...new Set(evidence.eventIds)].map((id) => [null, null, id]),
    ];
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO finding_evidence (finding_id, position, episode_id, factor_id, event_id)
       SELECT $1, o.position, o.episode_id, o.factor_id, o.event_id
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS o(episode_id, factor_id, event_id, position)`,
      [findingId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    );
  }

  async currentEvidence(manager: EntityManager, findingId: string): Promise<Required<Evidence>> {
    const rows: { episode_id: string | null; factor_id: string | null; event_id: string | null }[] =
      await manager.query(
        `SELECT episode_id, factor_id, event_id FROM finding_evidence WHERE finding_id = $1 ORDER BY position`,
        [findingId],
      );
    return {
      episodeIds: rows.flatMap((r) => (r.episode_id ? [r.episode_id] : [])),
      factorIds: rows.flatMap((r) => (r.factor_id ? [r.factor_id] : [])),
      eventIds: rows.flatMap((r) => (r.event_id ? [r.event_id] : [])),
    };
  }

  async createFinding(
    user: User,
    reviewId: string,
    input: FindingInput,
    loaders: RequestLoaders,
  ): Promise<Finding> {
    await this.access.require(user, reviewId, 'edit', loaders);
    const themeKeys = await this.themeKeys.validate(input.themeKeys ?? [], 'themeKeys');
    const work = async (manager: EntityManager) => {
      const { episodeIds = [], factorIds = [], eventIds = [], ...fields } = input;
      await this.checkEvidence(manager, reviewId, { episodeIds, factorIds, eventIds });
      const ordinal = await nextOrdinal(manager, 'finding', reviewId);
      const finding = await manager
        .getRepository(Finding)
        .save(
          manager
            .getRepository(Finding)
            .create({ ...fields, questions: fields.questions ?? [], themeKeys, reviewId, ordinal }),
        );
      await this.linkEvidence(manager, finding.id, { episodeIds, factorIds, eventIds });
      await this.audit.record(manager, user, {
        reviewId,
        entityType: 'Finding',
        entityId: finding.id,
        action: 'create',
        after: { ...finding, episodeIds, factorIds, eventIds },
      });
      return finding;
    };
    return this.dataSource.transaction(work);
  }

  async updateFinding(
    user: User,
    id: string,
    expectedVersion: number,
    input: FindingInput,
    loaders: RequestLoaders,
  ): Promise<Finding> {
    const current = await this.records.findIn(Finding, id, 'finding');
    await this.access.require(user, current.reviewId, 'edit', loaders);
    const { episodeIds, factorIds, eventIds, themeKeys, ...fields } = input;
    const changes: Partial<Finding> = { ...fields };
    if (themeKeys) changes.themeKeys = await this.themeKeys.validate(themeKeys, 'themeKeys');
    return this.dataSource.transaction(async (manager) => {
      const evidenceBefore = await this.currentEvidence(manager, id);
      const evidenceAfter = {
        episodeIds: episodeIds ?? evidenceBefore.episodeIds,
        factorIds: factorIds ?? evidenceBefore.factorIds,
        eventIds: eventIds ?? evidenceBefore.eventIds,
      };
      await this.checkEvidence(manager, current.reviewId, evidenceAfter);
      const { before, after } = await updateVersioned(
        manager,
        Finding,
        id,
        expectedVersion,
        changes,
        'finding',
      );
      if (episodeIds || factorIds || eventIds) await this.linkEvidence(manager, id, evidenceAfter);
      await this.audit.record(manager, user, {
        reviewId: current.reviewId,
        entityType: 'Finding',
        entityId: id,
        action: 'update',
        before: { ...before, ...evidenceBefore },
        after: { ...after, ...evidenceAfter },
      });
      return after;
    });
  }

  async reorderFindings(
    user: User,
    reviewId: string,
    findingIds: string[],
    loaders: RequestLoaders,
  ): Promise<Finding[]> {
    await this.access.require(user, reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      await applyOrder(manager, 'finding', reviewId, findingIds, 'findingIds');
      await this.audit.record(manager, user, {
        reviewId,
        entityType: 'Finding',
        entityId: null,
        action: 'reorder',
        after: { findingIds },
      });
      return manager
        .getRepository(Finding)
        .find({ where: { reviewId }, order: { ordinal: 'ASC' } });
    });
  }

  async removeFinding(
    user: User,
    id: string,
    dryRun: boolean,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    const finding = await this.records.findIn(Finding, id, 'finding');
    await this.access.require(user, finding.reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      const [{ actions }] = await manager.query(
        `SELECT count(*)::int AS actions FROM board_action WHERE finding_id = $1`,
        [id],
      );
      const consequences = actions
        ? [`the board's ${plural(actions, 'action')} on it will be removed too`]
        : [];
      const result = await this.audit.remove(manager, user, Finding, finding, consequences, dryRun);
      if (result.removed) await closeGaps(manager, 'finding', finding.reviewId);
      return result;
    });
  }

  private checkDropped(status: string | undefined, droppedReason: string | null | undefined): void {
    if (status === 'DROPPED' && !droppedReason) {
      throw badInput('droppedReason: say why the action was dropped.', {
        field: 'droppedReason',
        value: droppedReason ?? null,
      });
    }
  }

  async addBoardAction(
    user: User,
    findingId: string,
    input: BoardActionInput,
    loaders: RequestLoaders,
  ): Promise<BoardAction> {
    const finding = await this.records.findIn(Finding, findingId, 'finding');
    await this.access.require(user, finding.reviewId, 'edit', loaders);
    this.checkDropped(input.status, input.droppedReason);
    const work = async (manager: EntityManager) => {
      if (input.owningAgencyId)
        await this.records.requireInReview(
          Agency,
          finding.reviewId,
          [input.owningAgencyId],
          'owningAgencyId',
          'agency',
          manager,
        );
      const action = await manager
        .getRepository(BoardAction)
        .save(
          manager
            .getRepository(BoardAction)
            .create({ ...input, findingId, reviewId: finding.reviewId }),
        );
      await this.audit.record(manager, user, {
        reviewId: finding.reviewId,
        entityType: 'BoardAction',
        entityId: action.id,
        action: 'create',
        after: action,
      });
      return action;
    };
    return this.dataSource.transaction(work);
  }

  async updateBoardAction(
    user: User,
    id: string,
    expectedVersion: number,
    input: UpdateBoardActionInput,
    loaders: RequestLoaders,
  ): Promise<BoardAction> {
    const action = await this.records.findIn(BoardAction, id, 'board action');
    await this.access.require(user, action.reviewId, 'edit', loaders);
    this.checkDropped(
      input.status ?? action.status,
      input.droppedReason !== undefined ? input.droppedReason : action.droppedReason,
    );
    return this.dataSource.transaction(async (manager) => {
      if (input.owningAgencyId)
        await this.records.requireInReview(
          Agency,
          action.reviewId,
          [input.owningAgencyId],
          'owningAgencyId',
          'agency',
          manager,
        );
      const { before, after } = await updateVersioned(
        manager,
        BoardAction,
        id,
        expectedVersion,
        input,
        'board action',
      );
      await this.audit.record(manager, user, {
        reviewId: before.reviewId,
        entityType: 'BoardAction',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async removeBoardAction(user: User, id: string, loaders: RequestLoaders): Promise<RemovalResult> {
    const action = await this.records.findIn(BoardAction, id, 'board action');
    await this.access.require(user, action.reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      return this.audit.remove(manager, user, BoardAction, action, [], false);
    });
  }

  /** Actions past their due date that are neither done nor dropped. */
  overdueActions(reviewId: string, today: string): Promise<BoardAction[]> {
    return this.dataSource
      .getRepository(BoardAction)
      .createQueryBuilder('action')
      .where('action.review_id = :reviewId', { reviewId })
      .andWhere('action.due_date < :today', { today })
      .andWhere('action.status IN (:...open)', { open: OPEN_BOARD_ACTION_STATUSES })
      .orderBy('action.due_date', 'ASC')
      .getMany();
  }
}
