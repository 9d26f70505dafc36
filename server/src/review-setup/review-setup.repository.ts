import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { sqlRowsWhereIn } from '../database/loader-queries';
import { applyOrder, closeGaps, nextOrdinal } from '../database/ordering';
import { BaseRepository } from '../database/unit-of-work';
import { updateVersioned } from '../database/versioned-update';
import { ReviewConversation } from './review-conversation.entity';
import { ReviewQuestion } from './review-question.entity';

/** A conversation's links: the family members involved and the episodes it informs. */
export interface ConversationLinks {
  familyPersonIds: string[];
  episodeIds: string[];
}

/** The review's set-up: its questions (terms of reference) and its conversations. */
@Injectable()
export class ReviewSetupRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The questions of the reviews, in order: the batch of the request loaders. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  questionsOfReviews(reviewIds: string[]): Promise<ReviewQuestion[]> {
    return sqlRowsWhereIn(this.manager, ReviewQuestion, 'reviewId', reviewIds, 't.ordinal');
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  questionsOf(reviewId: string): Promise<ReviewQuestion[]> {
    return this.manager
      .getRepository(ReviewQuestion)
      .find({ where: { reviewId }, order: { ordinal: 'ASC' } });
  }

  /** The next free ordinal of the review's questions, with the review row locked. */
  @GenerateSql({ params: [DummyValue.UUID] })
  nextQuestionOrdinal(reviewId: string): Promise<number> {
    return nextOrdinal(this.manager, 'review_question', reviewId);
  }

  @GenerateSql({ params: [{ reviewId: DummyValue.UUID, ordinal: 1, text: DummyValue.TEXT }] })
  insertQuestion(values: Partial<ReviewQuestion>): Promise<ReviewQuestion> {
    const repository = this.manager.getRepository(ReviewQuestion);
    return repository.save(repository.create(values));
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { text: DummyValue.TEXT }] })
  updateQuestion(
    id: string,
    expectedVersion: number,
    changes: Partial<ReviewQuestion>,
  ): Promise<{ before: ReviewQuestion; after: ReviewQuestion }> {
    return updateVersioned(
      this.manager,
      ReviewQuestion,
      id,
      expectedVersion,
      changes,
      'review question',
    );
  }

  /** Renumbers the review's questions in the given order; `ids` must name every one. */
  @GenerateSql({ params: [DummyValue.UUID, []] })
  reorderQuestions(reviewId: string, ids: string[]): Promise<void> {
    return applyOrder(this.manager, 'review_question', reviewId, ids, 'questionIds');
  }

  /** Closes the gap a removed question leaves in the review's ordinals. */
  @GenerateSql({ params: [DummyValue.UUID] })
  closeQuestionGaps(reviewId: string): Promise<void> {
    return closeGaps(this.manager, 'review_question', reviewId);
  }

  /** How many findings say they answer the question. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async countAnsweringFindings(questionId: string): Promise<number> {
    const [{ findings }] = await this.manager.query(
      `SELECT count(*)::int AS findings FROM finding_review_question WHERE question_id = $1`,
      [questionId],
    );
    return findings;
  }

  /** The conversations of the reviews, by date (undated last): the batch of the request loaders. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  conversationsOfReviews(reviewIds: string[]): Promise<ReviewConversation[]> {
    return sqlRowsWhereIn(
      this.manager,
      ReviewConversation,
      'reviewId',
      reviewIds,
      't.sort_date NULLS LAST, t.created_at, t.id',
    );
  }

  /** The links of the conversations, each list in the order of the register or of the episodes. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  linksOfConversations(
    conversationIds: string[],
  ): Promise<{ conversationId: string; personId: string | null; episodeId: string | null }[]> {
    return this.manager.query(
      `SELECT "conversationId", "personId", "episodeId" FROM (
         SELECT cp.conversation_id AS "conversationId", cp.person_id AS "personId",
                NULL::uuid AS "episodeId", 0 AS part, p.created_at AS at, 0 AS ordinal, p.id AS tie
         FROM review_conversation_person cp JOIN person p ON p.id = cp.person_id
         WHERE cp.conversation_id = ANY($1)
         UNION ALL
         SELECT ce.conversation_id, NULL, ce.episode_id, 1, NULL, k.ordinal, k.id
         FROM review_conversation_episode ce JOIN practice_episode k ON k.id = ce.episode_id
         WHERE ce.conversation_id = ANY($1)
       ) links
       ORDER BY "conversationId", part, at, ordinal, tie`,
      [conversationIds],
    );
  }

  @GenerateSql({
    params: [
      {
        reviewId: DummyValue.UUID,
        kind: 'PRACTITIONERS',
        format: 'GROUP_LEARNING_EVENT',
        participants: [],
      },
    ],
  })
  insertConversation(values: Partial<ReviewConversation>): Promise<ReviewConversation> {
    const repository = this.manager.getRepository(ReviewConversation);
    return repository.save(repository.create(values));
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { notes: DummyValue.TEXT }] })
  updateConversation(
    id: string,
    expectedVersion: number,
    changes: Partial<ReviewConversation>,
  ): Promise<{ before: ReviewConversation; after: ReviewConversation }> {
    return updateVersioned(
      this.manager,
      ReviewConversation,
      id,
      expectedVersion,
      changes,
      'conversation',
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async linksOf(conversationId: string): Promise<ConversationLinks> {
    const rows = await this.linksOfConversations([conversationId]);
    return {
      familyPersonIds: rows.flatMap((row) => (row.personId ? [row.personId] : [])),
      episodeIds: rows.flatMap((row) => (row.episodeId ? [row.episodeId] : [])),
    };
  }

  /** Replaces the conversation's family members and episodes with the given ones. */
  @GenerateSql({
    params: [DummyValue.UUID, { familyPersonIds: [DummyValue.OTHER_UUID], episodeIds: [] }],
  })
  async linkConversation(conversationId: string, links: ConversationLinks): Promise<void> {
    await this.manager.query(`DELETE FROM review_conversation_person WHERE conversation_id = $1`, [
      conversationId,
    ]);
    await this.manager.query(`DELETE FROM review_conversation_episode WHERE conversation_id = $1`, [
      conversationId,
    ]);
    await this.manager.query(
      `INSERT INTO review_conversation_person (conversation_id, person_id) SELECT $1, unnest($2::uuid[])`,
      [conversationId, [...new Set(links.familyPersonIds)]],
    );
    await this.manager.query(
      `INSERT INTO review_conversation_episode (conversation_id, episode_id) SELECT $1, unnest($2::uuid[])`,
      [conversationId, [...new Set(links.episodeIds)]],
    );
  }
}
