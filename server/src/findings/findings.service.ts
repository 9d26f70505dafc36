import { Injectable } from '@nestjs/common';
import { ContributoryFactor } from '../analysis/contributory-factor.entity';
import { PracticeEpisode } from '../analysis/practice-episode.entity';
import { AuditService } from '../audit/audit.service';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import { badInput } from '../common/app-error';
import { plural, RemovalResult } from '../common/removal-result';
import { RequestLoaders } from '../common/request-loaders';
import { Agency } from '../reviews/agency.entity';
import { ReviewQuestion } from '../review-setup/review-question.entity';
import { ReviewAccessService } from '../reviews/review-access.service';
import { RecordsService } from '../common/records.service';
import { ThemeKeysService } from '../themes/theme-keys.service';
import { Transaction } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { BoardAction } from './board-action.entity';
import {
  BoardActionInput,
  FindingInput,
  FindingReferenceInput,
  UpdateBoardActionInput,
} from './dto/finding.inputs';
import { Finding, FindingReference } from './finding.entity';

/** References as stored: every key present, an address or review left out stored as null. */
function storedReferences(references: FindingReferenceInput[]): FindingReference[] {
  return references.map(({ kind, citation, url, reviewId }) => ({
    kind,
    citation,
    url: url ?? null,
    reviewId: reviewId ?? null,
  }));
}
import { Evidence, FindingsRepository } from './findings.repository';

@Injectable()
export class FindingsService {
  constructor(
    private readonly findings: FindingsRepository,
    private readonly access: ReviewAccessService,
    private readonly records: RecordsService,
    private readonly themeKeys: ThemeKeysService,
    private readonly audit: AuditService,
  ) {}

  private async checkEvidence(
    transaction: Transaction,
    reviewId: string,
    evidence: Evidence,
  ): Promise<void> {
    await this.records.requireInReview(
      PracticeEpisode,
      reviewId,
      evidence.episodeIds,
      'episodeIds',
      'episode',
      transaction,
    );
    await this.records.requireInReview(
      ContributoryFactor,
      reviewId,
      evidence.factorIds,
      'factorIds',
      'contributory factor',
      transaction,
    );
    await this.records.requireInReview(
      TimelineEvent,
      reviewId,
      evidence.eventIds,
      'eventIds',
      'event',
      transaction,
    );
  }

  private checkAnswers(
    transaction: Transaction,
    reviewId: string,
    questionIds: string[],
  ): Promise<void> {
    return this.records.requireInReview(
      ReviewQuestion,
      reviewId,
      questionIds,
      'answersQuestionIds',
      'review question',
      transaction,
    );
  }

  async createFinding(
    user: User,
    reviewId: string,
    input: FindingInput,
    loaders: RequestLoaders,
  ): Promise<Finding> {
    await this.access.require(user, reviewId, 'edit', loaders);
    if (input.effect === undefined)
      throw badInput(
        'effect: say whether the pattern supports good practice or makes problems more likely.',
        { field: 'effect' },
      );
    const themeKeys = await this.themeKeys.validate(input.themeKeys ?? [], 'themeKeys');
    return this.findings.transaction(async (transaction) => {
      const findings = this.findings.in(transaction);
      const {
        episodeIds = [],
        factorIds = [],
        eventIds = [],
        answersQuestionIds = [],
        ...fields
      } = input;
      await this.checkEvidence(transaction, reviewId, { episodeIds, factorIds, eventIds });
      await this.checkAnswers(transaction, reviewId, answersQuestionIds);
      const ordinal = await findings.nextFindingOrdinal(reviewId);
      const finding = await findings.insertFinding({
        ...fields,
        questions: fields.questions ?? [],
        references: storedReferences(fields.references ?? []),
        themeKeys,
        reviewId,
        ordinal,
      });
      await findings.linkEvidence(finding.id, { episodeIds, factorIds, eventIds });
      await findings.linkAnswers(finding.id, answersQuestionIds);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Finding',
        entityId: finding.id,
        action: 'create',
        after: { ...finding, episodeIds, factorIds, eventIds, answersQuestionIds },
      });
      return finding;
    });
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
    const {
      episodeIds,
      factorIds,
      eventIds,
      answersQuestionIds,
      themeKeys,
      references,
      ...fields
    } = input;
    const changes: Partial<Finding> = { ...fields };
    if (references) changes.references = storedReferences(references);
    if (themeKeys) changes.themeKeys = await this.themeKeys.validate(themeKeys, 'themeKeys');
    return this.findings.transaction(async (transaction) => {
      const findings = this.findings.in(transaction);
      const evidenceBefore = await findings.evidenceOf(id);
      const evidenceAfter = {
        episodeIds: episodeIds ?? evidenceBefore.episodeIds,
        factorIds: factorIds ?? evidenceBefore.factorIds,
        eventIds: eventIds ?? evidenceBefore.eventIds,
      };
      await this.checkEvidence(transaction, current.reviewId, evidenceAfter);
      const answersBefore = await findings.answersOf(id);
      const answersAfter = answersQuestionIds ?? answersBefore;
      await this.checkAnswers(transaction, current.reviewId, answersAfter);
      const { before, after } = await findings.updateFinding(id, expectedVersion, changes);
      if (episodeIds || factorIds || eventIds) await findings.linkEvidence(id, evidenceAfter);
      if (answersQuestionIds) await findings.linkAnswers(id, answersAfter);
      await this.audit.record(transaction, user, {
        reviewId: current.reviewId,
        entityType: 'Finding',
        entityId: id,
        action: 'update',
        before: { ...before, ...evidenceBefore, answersQuestionIds: answersBefore },
        after: { ...after, ...evidenceAfter, answersQuestionIds: answersAfter },
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
    return this.findings.transaction(async (transaction) => {
      const findings = this.findings.in(transaction);
      await findings.reorderFindings(reviewId, findingIds);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Finding',
        entityId: null,
        action: 'reorder',
        after: { findingIds },
      });
      return findings.findingsOf(reviewId);
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
    return this.findings.transaction(async (transaction) => {
      const findings = this.findings.in(transaction);
      const actions = await findings.countActions(id);
      const consequences = actions
        ? [`the board's ${plural(actions, 'action')} on it will be removed too`]
        : [];
      const result = await this.audit.remove(
        transaction,
        user,
        Finding,
        finding,
        consequences,
        dryRun,
      );
      if (result.removed) await findings.closeFindingGaps(finding.reviewId);
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
    await this.access.require(user, finding.reviewId, 'respond', loaders);
    this.checkDropped(input.status, input.droppedReason);
    return this.findings.transaction(async (transaction) => {
      if (input.owningAgencyId)
        await this.records.requireInReview(
          Agency,
          finding.reviewId,
          [input.owningAgencyId],
          'owningAgencyId',
          'agency',
          transaction,
        );
      const action = await this.findings
        .in(transaction)
        .insertBoardAction({ ...input, findingId, reviewId: finding.reviewId });
      await this.audit.record(transaction, user, {
        reviewId: finding.reviewId,
        entityType: 'BoardAction',
        entityId: action.id,
        action: 'create',
        after: action,
      });
      return action;
    });
  }

  async updateBoardAction(
    user: User,
    id: string,
    expectedVersion: number,
    input: UpdateBoardActionInput,
    loaders: RequestLoaders,
  ): Promise<BoardAction> {
    const action = await this.records.findIn(BoardAction, id, 'board action');
    await this.access.require(user, action.reviewId, 'respond', loaders);
    this.checkDropped(
      input.status ?? action.status,
      input.droppedReason !== undefined ? input.droppedReason : action.droppedReason,
    );
    return this.findings.transaction(async (transaction) => {
      if (input.owningAgencyId)
        await this.records.requireInReview(
          Agency,
          action.reviewId,
          [input.owningAgencyId],
          'owningAgencyId',
          'agency',
          transaction,
        );
      const { before, after } = await this.findings
        .in(transaction)
        .updateBoardAction(id, expectedVersion, input);
      await this.audit.record(transaction, user, {
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
    await this.access.require(user, action.reviewId, 'respond', loaders);
    return this.findings.transaction(async (transaction) => {
      return this.audit.remove(transaction, user, BoardAction, action, [], false);
    });
  }

  /** Actions past their due date that are neither done nor dropped. */
  overdueActions(reviewId: string, today: string): Promise<BoardAction[]> {
    return this.findings.overdueActions(reviewId, today);
  }
}
