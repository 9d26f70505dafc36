import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertColumns, insertRows } from '../database/bulk-insert';
import { allColumns } from '../database/entity-columns';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { Comment } from '../chronology/comment.entity';
import { BoardAction } from './board-action.entity';
import { Finding } from './finding.entity';

type Row = Record<string, unknown>;

/** The findings' tables as a bundle reads and writes them: whole lists of one review. */
@Injectable()
export class FindingsBundleRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  findings(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, Finding, 'n')} FROM finding n WHERE n.review_id = $1 ORDER BY n.ordinal`,
      [reviewId],
    );
  }

  /** The evidence links of the review's findings, in their order. */
  @GenerateSql({ params: [DummyValue.UUID] })
  evidence(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT fe.* FROM finding_evidence fe JOIN finding n ON n.id = fe.finding_id WHERE n.review_id = $1 ORDER BY fe.position`,
      [reviewId],
    );
  }

  /** The review questions the review's findings answer, in the order of the questions. */
  @GenerateSql({ params: [DummyValue.UUID] })
  answers(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT a.* FROM finding_review_question a JOIN review_question q ON q.id = a.question_id WHERE q.review_id = $1 ORDER BY q.ordinal`,
      [reviewId],
    );
  }

  /** Inserts (finding id, question id) links: which review questions a finding answers. */
  @GenerateSql({ params: [[[DummyValue.UUID, DummyValue.OTHER_UUID]]] })
  insertAnswers(rows: unknown[][]): Promise<void> {
    return insertColumns(
      this.manager,
      'finding_review_question',
      [
        ['finding_id', 'uuid'],
        ['question_id', 'uuid'],
      ],
      rows,
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  boardActions(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, BoardAction, 'a')} FROM board_action a WHERE a.review_id = $1 ORDER BY a.created_at, a.id`,
      [reviewId],
    );
  }

  /** Inserts rows of the named properties of a finding; their new ids, in order. */
  @GenerateSql({
    params: [
      ['reviewId', 'ordinal', 'title', 'category', 'effect'],
      [[DummyValue.UUID, 1, DummyValue.TEXT, 'INCIDENTS_AND_CRISES', 'MAKES_PROBLEMS_MORE_LIKELY']],
    ],
  })
  insertFindings(properties: (keyof Finding)[], rows: unknown[][]): Promise<string[]> {
    return insertRows(this.manager, Finding, properties, rows);
  }

  /** Inserts (finding id, position, episode id, factor id, event id) evidence links. */
  @GenerateSql({ params: [[[DummyValue.UUID, 1, null, null, DummyValue.OTHER_UUID]]] })
  insertEvidence(rows: unknown[][]): Promise<void> {
    return insertColumns(
      this.manager,
      'finding_evidence',
      [
        ['finding_id', 'uuid'],
        ['position', 'int'],
        ['episode_id', 'uuid'],
        ['factor_id', 'uuid'],
        ['event_id', 'uuid'],
      ],
      rows,
    );
  }

  @GenerateSql({
    params: [
      ['reviewId', 'findingId', 'description', 'status'],
      [[DummyValue.UUID, DummyValue.OTHER_UUID, DummyValue.TEXT, 'PLANNED']],
    ],
  })
  insertBoardActions(properties: (keyof BoardAction)[], rows: unknown[][]): Promise<string[]> {
    return insertRows(this.manager, BoardAction, properties, rows);
  }

  /** The comments on the review's findings, oldest first. */
  @GenerateSql({ params: [DummyValue.UUID] })
  comments(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, Comment, 'c')} FROM review_comment c
       WHERE c.review_id = $1 AND c.finding_id IS NOT NULL ORDER BY c.created_at, c.id`,
      [reviewId],
    );
  }

  @GenerateSql({
    params: [
      ['reviewId', 'findingId', 'authorName', 'body'],
      [[DummyValue.UUID, DummyValue.OTHER_UUID, DummyValue.TEXT, DummyValue.TEXT]],
    ],
  })
  insertComments(properties: (keyof Comment)[], rows: unknown[][]): Promise<string[]> {
    return insertRows(this.manager, Comment, properties, rows);
  }
}
