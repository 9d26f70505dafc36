import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertColumns, insertRows } from '../database/bulk-insert';
import { allColumns } from '../database/entity-columns';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { ReviewConversation } from './review-conversation.entity';
import { ReviewQuestion } from './review-question.entity';

type Row = Record<string, unknown>;

/** The review set-up's tables as a bundle reads and writes them: whole lists of one review. */
@Injectable()
export class ReviewSetupBundleRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  questions(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, ReviewQuestion, 'q')} FROM review_question q WHERE q.review_id = $1 ORDER BY q.ordinal`,
      [reviewId],
    );
  }

  /** Inserts rows of the named properties of a question; their new ids, in order. */
  @GenerateSql({
    params: [['reviewId', 'ordinal', 'text'], [[DummyValue.UUID, 1, DummyValue.TEXT]]],
  })
  insertQuestions(properties: (keyof ReviewQuestion)[], rows: unknown[][]): Promise<string[]> {
    return insertRows(this.manager, ReviewQuestion, properties, rows);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  conversations(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, ReviewConversation, 'c')} FROM review_conversation c WHERE c.review_id = $1 ORDER BY c.sort_date NULLS LAST, c.created_at, c.id`,
      [reviewId],
    );
  }

  /** The family members and episodes of the review's conversations, in the register's and the episodes' order. */
  @GenerateSql({ params: [DummyValue.UUID] })
  conversationLinks(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT conversation_id, person_id, episode_id FROM (
         SELECT cp.conversation_id, cp.person_id, NULL::uuid AS episode_id,
                0 AS part, p.created_at AS at, 0 AS ordinal, p.id AS tie
         FROM review_conversation_person cp JOIN person p ON p.id = cp.person_id WHERE p.review_id = $1
         UNION ALL
         SELECT ce.conversation_id, NULL, ce.episode_id, 1, NULL, k.ordinal, k.id
         FROM review_conversation_episode ce JOIN practice_episode k ON k.id = ce.episode_id WHERE k.review_id = $1
       ) links
       ORDER BY conversation_id, part, at, ordinal, tie`,
      [reviewId],
    );
  }

  /** Inserts rows of the named properties of a conversation; their new ids, in order. */
  @GenerateSql({
    params: [['reviewId', 'kind', 'format'], [[DummyValue.UUID, 'FAMILY', 'WRITTEN']]],
  })
  insertConversations(
    properties: (keyof ReviewConversation)[],
    rows: unknown[][],
  ): Promise<string[]> {
    return insertRows(this.manager, ReviewConversation, properties, rows);
  }

  /** Inserts (conversation id, person id) and (conversation id, episode id) links. */
  @GenerateSql({ params: [[[DummyValue.UUID, DummyValue.OTHER_UUID]], []] })
  async insertConversationLinks(people: unknown[][], episodes: unknown[][]): Promise<void> {
    await insertColumns(
      this.manager,
      'review_conversation_person',
      [
        ['conversation_id', 'uuid'],
        ['person_id', 'uuid'],
      ],
      people,
    );
    await insertColumns(
      this.manager,
      'review_conversation_episode',
      [
        ['conversation_id', 'uuid'],
        ['episode_id', 'uuid'],
      ],
      episodes,
    );
  }
}
