import { Injectable } from '@nestjs/common';
import { parsePartialDate } from '@scr/shared';
import { PracticeEpisode } from '../analysis/practice-episode.entity';
import { badInput } from '../common/app-error';
import { Transaction } from '../database/unit-of-work';
import { Agency } from '../reviews/agency.entity';
import { Person } from '../reviews/person.entity';
import {
  ReviewConversationInput,
  UpdateReviewConversationInput,
} from './dto/review-conversation.inputs';
import { ReviewConversation } from './review-conversation.entity';
import { AuditService } from '../audit/audit.service';
import { plural, RemovalResult } from '../common/removal-result';
import { RecordsService } from '../common/records.service';
import { RequestLoaders } from '../common/request-loaders';
import { ReviewAccessService } from '../reviews/review-access.service';
import { User } from '../users/user.entity';
import { ReviewQuestionInput } from './dto/review-question.inputs';
import { ReviewQuestion } from './review-question.entity';
import { ConversationLinks, ReviewSetupRepository } from './review-setup.repository';

/** The stored date of a conversation: the string, its precision and where it sorts; or none. */
function conversationDate(
  heldOn: string | null | undefined,
  precision: ReviewConversationInput['precision'],
): Pick<ReviewConversation, 'heldOn' | 'precision' | 'sortDate'> {
  if (!heldOn) return { heldOn: null, precision: null, sortDate: null };
  const parsed = parsePartialDate(heldOn, precision ?? undefined);
  if (typeof parsed === 'string')
    throw badInput(`heldOn: ${parsed}.`, { field: 'heldOn', value: heldOn });
  return { heldOn: parsed.value, precision: parsed.precision, sortDate: parsed.sortDate };
}

/** The review's set-up: its questions (terms of reference). */
@Injectable()
export class ReviewSetupService {
  constructor(
    private readonly setup: ReviewSetupRepository,
    private readonly access: ReviewAccessService,
    private readonly records: RecordsService,
    private readonly audit: AuditService,
  ) {}

  async addQuestion(
    user: User,
    reviewId: string,
    input: ReviewQuestionInput,
    loaders: RequestLoaders,
  ): Promise<ReviewQuestion> {
    await this.access.require(user, reviewId, 'edit', loaders);
    return this.setup.transaction(async (transaction) => {
      const setup = this.setup.in(transaction);
      const ordinal = await setup.nextQuestionOrdinal(reviewId);
      const question = await setup.insertQuestion({ reviewId, ordinal, text: input.text.trim() });
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'ReviewQuestion',
        entityId: question.id,
        action: 'create',
        after: question,
      });
      return question;
    });
  }

  async updateQuestion(
    user: User,
    id: string,
    expectedVersion: number,
    input: ReviewQuestionInput,
    loaders: RequestLoaders,
  ): Promise<ReviewQuestion> {
    const question = await this.records.findIn(ReviewQuestion, id, 'review question');
    await this.access.require(user, question.reviewId, 'edit', loaders);
    return this.setup.transaction(async (transaction) => {
      const { before, after } = await this.setup
        .in(transaction)
        .updateQuestion(id, expectedVersion, { text: input.text.trim() });
      await this.audit.record(transaction, user, {
        reviewId: question.reviewId,
        entityType: 'ReviewQuestion',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async reorderQuestions(
    user: User,
    reviewId: string,
    questionIds: string[],
    loaders: RequestLoaders,
  ): Promise<ReviewQuestion[]> {
    await this.access.require(user, reviewId, 'edit', loaders);
    return this.setup.transaction(async (transaction) => {
      const setup = this.setup.in(transaction);
      await setup.reorderQuestions(reviewId, questionIds);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'ReviewQuestion',
        entityId: null,
        action: 'reorder',
        after: { questionIds },
      });
      return setup.questionsOf(reviewId);
    });
  }

  async removeQuestion(
    user: User,
    id: string,
    dryRun: boolean,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    const question = await this.records.findIn(ReviewQuestion, id, 'review question');
    await this.access.require(user, question.reviewId, 'edit', loaders);
    return this.setup.transaction(async (transaction) => {
      const setup = this.setup.in(transaction);
      const findings = await setup.countAnsweringFindings(id);
      const consequences = findings
        ? [`${plural(findings, 'finding')} will no longer say they answer it`]
        : [];
      const result = await this.audit.remove(
        transaction,
        user,
        ReviewQuestion,
        question,
        consequences,
        dryRun,
      );
      if (result.removed) await setup.closeQuestionGaps(question.reviewId);
      return result;
    });
  }

  /** Refuses agencies, people and episodes that are not the review's own. */
  private async checkConversation(
    transaction: Transaction,
    reviewId: string,
    participants: { agencyId?: string | null }[],
    links: ConversationLinks,
  ): Promise<void> {
    const agencyIds = participants.flatMap((p) => (p.agencyId ? [p.agencyId] : []));
    await this.records.requireInReview(
      Agency,
      reviewId,
      agencyIds,
      'participants.agencyId',
      'agency',
      transaction,
    );
    await this.records.requireInReview(
      Person,
      reviewId,
      links.familyPersonIds,
      'familyPersonIds',
      'person',
      transaction,
    );
    await this.records.requireInReview(
      PracticeEpisode,
      reviewId,
      links.episodeIds,
      'episodeIds',
      'episode',
      transaction,
    );
  }

  async addConversation(
    user: User,
    reviewId: string,
    input: ReviewConversationInput,
    loaders: RequestLoaders,
  ): Promise<ReviewConversation> {
    await this.access.require(user, reviewId, 'edit', loaders);
    const { familyPersonIds = [], episodeIds = [], participants = [], heldOn, precision } = input;
    const date = conversationDate(heldOn, precision);
    return this.setup.transaction(async (transaction) => {
      const setup = this.setup.in(transaction);
      const links = { familyPersonIds, episodeIds };
      await this.checkConversation(transaction, reviewId, participants, links);
      const conversation = await setup.insertConversation({
        reviewId,
        kind: input.kind,
        format: input.format,
        ...date,
        participants: storedParticipants(participants),
        familyDescription: input.familyDescription ?? null,
        notes: input.notes ?? null,
      });
      await setup.linkConversation(conversation.id, links);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'ReviewConversation',
        entityId: conversation.id,
        action: 'create',
        after: { ...conversation, ...links },
      });
      return conversation;
    });
  }

  async updateConversation(
    user: User,
    id: string,
    expectedVersion: number,
    input: UpdateReviewConversationInput,
    loaders: RequestLoaders,
  ): Promise<ReviewConversation> {
    const current = await this.records.findIn(ReviewConversation, id, 'conversation');
    await this.access.require(user, current.reviewId, 'edit', loaders);
    const { familyPersonIds, episodeIds, participants, heldOn, precision, ...fields } = input;
    const changes: Partial<ReviewConversation> = { ...fields };
    if (heldOn !== undefined || precision !== undefined)
      Object.assign(
        changes,
        conversationDate(
          heldOn !== undefined ? heldOn : current.heldOn,
          precision !== undefined ? precision : heldOn !== undefined ? null : current.precision,
        ),
      );
    if (participants) changes.participants = storedParticipants(participants);
    return this.setup.transaction(async (transaction) => {
      const setup = this.setup.in(transaction);
      const linksBefore = await setup.linksOf(id);
      const linksAfter = {
        familyPersonIds: familyPersonIds ?? linksBefore.familyPersonIds,
        episodeIds: episodeIds ?? linksBefore.episodeIds,
      };
      await this.checkConversation(
        transaction,
        current.reviewId,
        changes.participants ?? [],
        linksAfter,
      );
      const { before, after } = await setup.updateConversation(id, expectedVersion, changes);
      if (familyPersonIds || episodeIds) await setup.linkConversation(id, linksAfter);
      await this.audit.record(transaction, user, {
        reviewId: current.reviewId,
        entityType: 'ReviewConversation',
        entityId: id,
        action: 'update',
        before: { ...before, ...linksBefore },
        after: { ...after, ...linksAfter },
      });
      return after;
    });
  }

  async removeConversation(
    user: User,
    id: string,
    dryRun: boolean,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    const conversation = await this.records.findIn(ReviewConversation, id, 'conversation');
    await this.access.require(user, conversation.reviewId, 'edit', loaders);
    return this.setup.transaction((transaction) =>
      this.audit.remove(transaction, user, ReviewConversation, conversation, [], dryRun),
    );
  }
}

/** Participants as stored: a role trimmed, an agency left out stored as null. */
function storedParticipants(participants: { role: string; agencyId?: string | null }[]) {
  return participants.map(({ role, agencyId }) => ({
    role: role.trim(),
    agencyId: agencyId ?? null,
  }));
}
