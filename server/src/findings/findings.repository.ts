import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OPEN_BOARD_ACTION_STATUSES } from '@scr/shared';
import { DataSource } from 'typeorm';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import { selectColumns } from '../database/entity-columns';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { sqlRowsWhereIn } from '../database/loader-queries';
import { applyOrder, closeGaps, nextOrdinal } from '../database/ordering';
import { BaseRepository } from '../database/unit-of-work';
import { updateVersioned } from '../database/versioned-update';
import { BoardAction } from './board-action.entity';
import { Finding } from './finding.entity';

/** A finding's evidence: the episodes, factors and events it cites, each list in its order. */
export interface Evidence {
  episodeIds: string[];
  factorIds: string[];
  eventIds: string[];
}

/** Findings, the evidence they cite, and the board's actions on them. */
@Injectable()
export class FindingsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The findings of the reviews, in order: the batch of the request loaders. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  findingsOfReviews(reviewIds: string[]): Promise<Finding[]> {
    return sqlRowsWhereIn(this.manager, Finding, 'reviewId', reviewIds, 't.ordinal');
  }

  /** The board's actions on the findings, by due date: the batch of the request loaders. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  boardActionsOfFindings(findingIds: string[]): Promise<BoardAction[]> {
    return sqlRowsWhereIn(
      this.manager,
      BoardAction,
      'findingId',
      findingIds,
      't.due_date NULLS LAST, t.created_at, t.id',
    );
  }

  /** The evidence of the findings in their order, each linked event read in the same statement. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  evidenceOfFindings(findingIds: string[]): Promise<Record<string, unknown>[]> {
    return this.manager.query(
      `SELECT fe.finding_id AS "findingId", fe.episode_id AS "episodeId", fe.factor_id AS "factorId", ${selectColumns(this.manager, TimelineEvent, 'e')}
       FROM finding_evidence fe LEFT JOIN timeline_event e ON e.id = fe.event_id
       WHERE fe.finding_id = ANY($1) ORDER BY fe.finding_id, fe.position`,
      [findingIds],
    );
  }

  /** The next free ordinal of the review's findings, with the review row locked. */
  @GenerateSql({ params: [DummyValue.UUID] })
  nextFindingOrdinal(reviewId: string): Promise<number> {
    return nextOrdinal(this.manager, 'finding', reviewId);
  }

  @GenerateSql({
    params: [
      {
        reviewId: DummyValue.UUID,
        ordinal: 1,
        title: DummyValue.TEXT,
        category: 'INCIDENTS_AND_CRISES',
        effect: 'MAKES_PROBLEMS_MORE_LIKELY',
        questions: [],
        themeKeys: [],
      },
    ],
  })
  insertFinding(values: Partial<Finding>): Promise<Finding> {
    const repository = this.manager.getRepository(Finding);
    return repository.save(repository.create(values));
  }

  /** Replaces the finding's evidence with the given links, kept in the order given. */
  @GenerateSql(
    { name: 'none', params: [DummyValue.UUID, { episodeIds: [], factorIds: [], eventIds: [] }] },
    {
      name: 'some',
      params: [
        DummyValue.UUID,
        { episodeIds: [DummyValue.OTHER_UUID], factorIds: [], eventIds: [DummyValue.OTHER_UUID] },
      ],
    },
  )
  async linkEvidence(findingId: string, evidence: Evidence): Promise<void> {
    await this.manager.query(`DELETE FROM finding_evidence WHERE finding_id = $1`, [findingId]);
    const rows = [
      ...[...new Set(evidence.episodeIds)].map((id) => [id, null, null]),
      ...[...new Set(evidence.factorIds)].map((id) => [null, id, null]),
      ...[...new Set(evidence.eventIds)].map((id) => [null, null, id]),
    ];
    if (rows.length === 0) return;
    await this.manager.query(
      `INSERT INTO finding_evidence (finding_id, position, episode_id, factor_id, event_id)
       SELECT $1, o.position, o.episode_id, o.factor_id, o.event_id
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS o(episode_id, factor_id, event_id, position)`,
      [findingId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    );
  }

  /** The review questions the findings answer: the batch of the request loaders. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  answersOfFindings(findingIds: string[]): Promise<{ findingId: string; questionId: string }[]> {
    return this.manager.query(
      `SELECT a.finding_id AS "findingId", a.question_id AS "questionId"
       FROM finding_review_question a JOIN review_question q ON q.id = a.question_id
       WHERE a.finding_id = ANY($1) ORDER BY a.finding_id, q.ordinal`,
      [findingIds],
    );
  }

  /** The review questions the finding answers. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async answersOf(findingId: string): Promise<string[]> {
    const rows = await this.answersOfFindings([findingId]);
    return rows.map((row) => row.questionId);
  }

  /** Replaces the review questions the finding answers. */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.OTHER_UUID]] })
  async linkAnswers(findingId: string, questionIds: string[]): Promise<void> {
    await this.manager.query(`DELETE FROM finding_review_question WHERE finding_id = $1`, [
      findingId,
    ]);
    if (questionIds.length === 0) return;
    await this.manager.query(
      `INSERT INTO finding_review_question (finding_id, question_id) SELECT $1, unnest($2::uuid[])`,
      [findingId, [...new Set(questionIds)]],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async evidenceOf(findingId: string): Promise<Evidence> {
    const rows: { episode_id: string | null; factor_id: string | null; event_id: string | null }[] =
      await this.manager.query(
        `SELECT episode_id, factor_id, event_id FROM finding_evidence WHERE finding_id = $1 ORDER BY position`,
        [findingId],
      );
    return {
      episodeIds: rows.flatMap((r) => (r.episode_id ? [r.episode_id] : [])),
      factorIds: rows.flatMap((r) => (r.factor_id ? [r.factor_id] : [])),
      eventIds: rows.flatMap((r) => (r.event_id ? [r.event_id] : [])),
    };
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { title: DummyValue.TEXT }] })
  updateFinding(
    id: string,
    expectedVersion: number,
    changes: Partial<Finding>,
  ): Promise<{ before: Finding; after: Finding }> {
    return updateVersioned(this.manager, Finding, id, expectedVersion, changes, 'finding');
  }

  /** Renumbers the review's findings in the given order; `ids` must name every one. */
  @GenerateSql({ params: [DummyValue.UUID, []] })
  reorderFindings(reviewId: string, ids: string[]): Promise<void> {
    return applyOrder(this.manager, 'finding', reviewId, ids, 'findingIds');
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  findingsOf(reviewId: string): Promise<Finding[]> {
    return this.manager
      .getRepository(Finding)
      .find({ where: { reviewId }, order: { ordinal: 'ASC' } });
  }

  /** How many board actions the finding has. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async countActions(findingId: string): Promise<number> {
    const [{ actions }] = await this.manager.query(
      `SELECT count(*)::int AS actions FROM board_action WHERE finding_id = $1`,
      [findingId],
    );
    return actions;
  }

  /** Closes the gap a removed finding leaves in the review's ordinals. */
  @GenerateSql({ params: [DummyValue.UUID] })
  closeFindingGaps(reviewId: string): Promise<void> {
    return closeGaps(this.manager, 'finding', reviewId);
  }

  @GenerateSql({
    params: [
      {
        reviewId: DummyValue.UUID,
        findingId: DummyValue.OTHER_UUID,
        description: DummyValue.TEXT,
        status: 'PLANNED',
      },
    ],
  })
  insertBoardAction(values: Partial<BoardAction>): Promise<BoardAction> {
    const repository = this.manager.getRepository(BoardAction);
    return repository.save(repository.create(values));
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { description: DummyValue.TEXT }] })
  updateBoardAction(
    id: string,
    expectedVersion: number,
    changes: Partial<BoardAction>,
  ): Promise<{ before: BoardAction; after: BoardAction }> {
    return updateVersioned(this.manager, BoardAction, id, expectedVersion, changes, 'board action');
  }

  /** Actions past their due date that are neither done nor dropped. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.DAY] })
  overdueActions(reviewId: string, today: string): Promise<BoardAction[]> {
    return this.manager
      .getRepository(BoardAction)
      .createQueryBuilder('action')
      .where('action.review_id = :reviewId', { reviewId })
      .andWhere('action.due_date < :today', { today })
      .andWhere('action.status IN (:...open)', { open: OPEN_BOARD_ACTION_STATUSES })
      .orderBy('action.due_date', 'ASC')
      .getMany();
  }
}
