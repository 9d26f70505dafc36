import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ReadinessEpisode,
  ReadinessFinding,
  ReadinessQuestion,
  ReadinessReview,
} from '@scr/shared';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';

/**
 * What the shared readiness rules (shared/src/review-readiness.ts) read, straight from the
 * database: the server checks a move to a later stage with the rules the review's home shows.
 */
@Injectable()
export class ReviewReadinessRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The review as the readiness rules see it, or null when there is no such review. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async readinessOf(reviewId: string): Promise<ReadinessReview | null> {
    const [review] = await this.manager.query<Omit<ReadinessReview, 'episodes' | 'findings' | 'reviewQuestions'>[]>(
      `SELECT r.status,
              to_char(r.period_start, 'YYYY-MM-DD') AS "periodStart",
              to_char(r.period_end, 'YYYY-MM-DD') AS "periodEnd",
              r.case_group_signed_off_at IS NOT NULL AS "caseGroupSignedOff",
              (SELECT count(*)::int FROM agency a WHERE a.review_id = r.id) AS "agencyCount",
              (SELECT count(*)::int FROM timeline_event e WHERE e.review_id = r.id) AS "eventCount"
       FROM review r WHERE r.id = $1`,
      [reviewId],
    );
    if (!review) return null;
    const episodes = await this.manager.query<ReadinessEpisode[]>(
      `SELECT p.id, p.ordinal, p.title, p.appraisal, p.view_from_the_tunnel AS "viewFromTheTunnel",
              (SELECT count(*)::int FROM contributory_factor f WHERE f.episode_id = p.id)
                AS "factorCount"
       FROM practice_episode p WHERE p.review_id = $1 ORDER BY p.ordinal`,
      [reviewId],
    );
    const findings = await this.manager.query<ReadinessFinding[]>(
      `SELECT f.id, f.ordinal, f.title, f.statement, f.questions,
              (SELECT count(*)::int FROM finding_evidence v WHERE v.finding_id = f.id)
                AS "evidenceCount",
              ARRAY(SELECT a.question_id::text FROM finding_review_question a WHERE a.finding_id = f.id)
                AS "answersQuestionIds"
       FROM finding f WHERE f.review_id = $1 ORDER BY f.ordinal`,
      [reviewId],
    );
    const reviewQuestions = await this.manager.query<ReadinessQuestion[]>(
      `SELECT q.id, q.ordinal, q.text FROM review_question q WHERE q.review_id = $1 ORDER BY q.ordinal`,
      [reviewId],
    );
    return { ...review, episodes, findings, reviewQuestions };
  }
}
