import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { BaseRepository } from '../../database/unit-of-work';
import {
  LinkedFinding,
  PracticeIssueRow,
  PracticeIssueSetRow,
  PracticeQuestionGroup,
  PracticeReason,
  PracticeSetBasis,
  WithdrawnLinkedReview,
} from './practice-issues.types';

const SET_COLUMNS = `s.id, s.title, s.purpose, s.collection_id AS "collectionId", s.gathering,
  s.participant_count AS "participantCount", s.closing_source AS "closingSource", s.version,
  s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

const ISSUE_COLUMNS = `i.id, i.set_id AS "setId", i.number, i.title, i.statement,
  i.what_is_the_issue AS "whatIsTheIssue", i.illustration,
  i.reasons_from_reviews AS "reasonsFromReviews", i.reasons_from_practice AS "practiceReasons",
  i.solutions, i.questions, i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;

/** The reviews each of the sets draws on: its own list and its collection's members. */
const DRAWN_REVIEWS = `(
  SELECT sr.set_id, sr.review_id FROM practice_issue_set_review sr WHERE sr.set_id = ANY($1::uuid[])
  UNION
  SELECT s.id, cm.review_id FROM practice_issue_set s
    JOIN collection_review cm ON cm.collection_id = s.collection_id
  WHERE s.id = ANY($1::uuid[])
)`;

export interface SetValues {
  title: string;
  purpose: string | null;
  collectionId: string | null;
  gathering: string | null;
  participantCount: number | null;
  closingSource: string | null;
}

export interface IssueValues {
  title: string;
  statement: string | null;
  whatIsTheIssue: string | null;
  illustration: string | null;
  reasonsFromReviews: string[];
  practiceReasons: PracticeReason[];
  solutions: string[];
  questions: PracticeQuestionGroup[];
}

const SET_FIELDS: Record<keyof SetValues, string> = {
  title: 'title',
  purpose: 'purpose',
  collectionId: 'collection_id',
  gathering: 'gathering',
  participantCount: 'participant_count',
  closingSource: 'closing_source',
};

const ISSUE_FIELDS: Record<keyof IssueValues, [string, string]> = {
  title: ['title', ''],
  statement: ['statement', ''],
  whatIsTheIssue: ['what_is_the_issue', ''],
  illustration: ['illustration', ''],
  reasonsFromReviews: ['reasons_from_reviews', '::text[]'],
  practiceReasons: ['reasons_from_practice', '::jsonb'],
  solutions: ['solutions', '::text[]'],
  questions: ['questions', '::jsonb'],
};

const EXAMPLE_ISSUE: IssueValues = {
  title: DummyValue.TEXT,
  statement: null,
  whatIsTheIssue: null,
  illustration: null,
  reasonsFromReviews: [DummyValue.TEXT],
  practiceReasons: [],
  solutions: [],
  questions: [],
};
const EXAMPLE_SET: SetValues = {
  title: DummyValue.TEXT,
  purpose: null,
  collectionId: null,
  gathering: null,
  participantCount: 1,
  closingSource: null,
};

const jsonValue = (column: string, value: unknown) =>
  column.endsWith('::jsonb') ? JSON.stringify(value) : value;

/** Practice-issue sets, their issues and the published findings the issues draw on. */
@Injectable()
export class PracticeIssuesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [] })
  allSets(): Promise<PracticeIssueSetRow[]> {
    return this.manager.query(
      `SELECT ${SET_COLUMNS} FROM practice_issue_set s ORDER BY s.created_at, s.id`,
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async findSet(id: string): Promise<PracticeIssueSetRow | null> {
    const [row] = await this.manager.query(
      `SELECT ${SET_COLUMNS} FROM practice_issue_set s WHERE s.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The sets of the ids: the batch of the request loaders. */
  @GenerateSql({ params: [[DummyValue.UUID, DummyValue.OTHER_UUID]] })
  setsByIds(ids: string[]): Promise<PracticeIssueSetRow[]> {
    return this.manager.query(
      `SELECT ${SET_COLUMNS} FROM practice_issue_set s WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  @GenerateSql({ params: [EXAMPLE_SET, DummyValue.UUID] })
  async insertSet(values: SetValues, createdBy: string): Promise<PracticeIssueSetRow> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO practice_issue_set (title, purpose, collection_id, gathering, participant_count, closing_source, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        values.title,
        values.purpose,
        values.collectionId,
        values.gathering,
        values.participantCount,
        values.closingSource,
        createdBy,
      ],
    );
    return (await this.findSet(id))!;
  }

  /** Applies the changes if the set is still at `expectedVersion`; CONFLICT otherwise. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { title: DummyValue.TEXT }] })
  async updateSet(
    id: string,
    expectedVersion: number,
    changes: Partial<SetValues>,
  ): Promise<{ before: PracticeIssueSetRow; after: PracticeIssueSetRow }> {
    const [before] = await this.manager.query(
      `SELECT ${SET_COLUMNS} FROM practice_issue_set s WHERE s.id = $1 FOR UPDATE`,
      [id],
    );
    if (!before) throw notFound(`There is no practice issue set with id ${id}.`);
    checkVersion('practice issue set', before, expectedVersion);
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const params: unknown[] = [id];
    const assignments = entries.map(([key, value]) => {
      params.push(value);
      return `${SET_FIELDS[key as keyof SetValues]} = $${params.length}`;
    });
    await this.manager.query(
      `UPDATE practice_issue_set SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`,
      params,
    );
    return { before, after: (await this.findSet(id))! };
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async removeSet(id: string): Promise<void> {
    await this.manager.query(`DELETE FROM practice_issue_set WHERE id = $1`, [id]);
  }

  /** The reviews listed on the set itself (not its collection's), by reference. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async reviewIdsOf(setId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT sr.review_id AS id FROM practice_issue_set_review sr JOIN review r ON r.id = sr.review_id
       WHERE sr.set_id = $1 ORDER BY r.reference, r.id`,
      [setId],
    );
    return rows.map((row) => row.id);
  }

  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.OTHER_UUID]] })
  async replaceReviews(setId: string, reviewIds: string[]): Promise<void> {
    await this.manager.query(`DELETE FROM practice_issue_set_review WHERE set_id = $1`, [setId]);
    await this.manager.query(
      `INSERT INTO practice_issue_set_review (set_id, review_id) SELECT $1, unnest($2::uuid[])`,
      [setId, [...new Set(reviewIds)]],
    );
  }

  /** Those of the ids that name a review ever published (one with a corpus entry). */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  async publishedReviewIds(ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT review_id AS id FROM corpus_entry WHERE review_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async collectionExists(id: string): Promise<boolean> {
    const rows = await this.manager.query(`SELECT 1 FROM collection WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /**
   * Per set, what it draws on now: its reviews (listed or in its collection) that are published
   * and not withdrawn, counted through their corpus entries, and the first and last months.
   */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  async basisOfSets(setIds: string[]): Promise<Map<string, Omit<PracticeSetBasis, 'sentence'>>> {
    const rows: {
      setId: string;
      reviewCount: number;
      firstPublishedAt: Date | null;
      lastPublishedAt: Date | null;
    }[] = await this.manager.query(
      `SELECT d.set_id AS "setId", count(*)::int AS "reviewCount",
              min(cr.published_at) AS "firstPublishedAt", max(cr.published_at) AS "lastPublishedAt"
       FROM ${DRAWN_REVIEWS} d
       JOIN corpus_entry ce ON ce.review_id = d.review_id AND ce.withdrawn_at IS NULL
       JOIN corpus_review cr ON cr.snapshot_id = ce.snapshot_id
       GROUP BY d.set_id`,
      [setIds],
    );
    return new Map(rows.map(({ setId, ...basis }) => [setId, basis]));
  }

  /** Per set, the reviews it draws on that have been withdrawn from the corpus. */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  async withdrawnOfSets(setIds: string[]): Promise<Map<string, WithdrawnLinkedReview[]>> {
    const rows: (WithdrawnLinkedReview & { setId: string })[] = await this.manager.query(
      `SELECT d.set_id AS "setId", d.review_id AS "reviewId", cr.reference,
              ce.withdrawn_at AS "withdrawnAt"
       FROM ${DRAWN_REVIEWS} d
       JOIN corpus_entry ce ON ce.review_id = d.review_id AND ce.withdrawn_at IS NOT NULL
       JOIN corpus_review cr ON cr.snapshot_id = ce.snapshot_id
       ORDER BY cr.reference, d.review_id`,
      [setIds],
    );
    const bySet = new Map<string, WithdrawnLinkedReview[]>();
    for (const { setId, ...review } of rows)
      bySet.set(setId, [...(bySet.get(setId) ?? []), review]);
    return bySet;
  }

  @GenerateSql({ params: [] })
  allIssues(): Promise<PracticeIssueRow[]> {
    return this.manager.query(
      `SELECT ${ISSUE_COLUMNS} FROM practice_issue i JOIN practice_issue_set s ON s.id = i.set_id
       ORDER BY s.created_at, s.id, i.number`,
    );
  }

  @GenerateSql({ params: [[DummyValue.UUID]] })
  issuesOfSets(setIds: string[]): Promise<PracticeIssueRow[]> {
    return this.manager.query(
      `SELECT ${ISSUE_COLUMNS} FROM practice_issue i WHERE i.set_id = ANY($1::uuid[]) ORDER BY i.set_id, i.number`,
      [setIds],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async findIssue(id: string): Promise<PracticeIssueRow | null> {
    const [row] = await this.manager.query(
      `SELECT ${ISSUE_COLUMNS} FROM practice_issue i WHERE i.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The ids of the set's issues in their order, with the set row locked against concurrent changes. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async lockedIssueIds(setId: string): Promise<string[]> {
    await this.manager.query(`SELECT 1 FROM practice_issue_set WHERE id = $1 FOR UPDATE`, [setId]);
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM practice_issue WHERE set_id = $1 ORDER BY number`,
      [setId],
    );
    return rows.map((row) => row.id);
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, EXAMPLE_ISSUE] })
  async insertIssue(setId: string, number: number, values: IssueValues): Promise<string> {
    await this.manager.query(`SET CONSTRAINTS uq_practice_issue_number DEFERRED`);
    const [{ id }] = await this.manager.query(
      `INSERT INTO practice_issue (set_id, number, title, statement, what_is_the_issue, illustration,
         reasons_from_reviews, reasons_from_practice, solutions, questions)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::jsonb, $9::text[], $10::jsonb) RETURNING id`,
      [
        setId,
        number,
        values.title,
        values.statement,
        values.whatIsTheIssue,
        values.illustration,
        values.reasonsFromReviews,
        JSON.stringify(values.practiceReasons),
        values.solutions,
        JSON.stringify(values.questions),
      ],
    );
    return id;
  }

  /** Applies the changes if the issue is still at `expectedVersion`; CONFLICT otherwise. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { title: DummyValue.TEXT }] })
  async updateIssue(
    id: string,
    expectedVersion: number,
    changes: Partial<IssueValues>,
  ): Promise<{ before: PracticeIssueRow; after: PracticeIssueRow }> {
    const [before] = await this.manager.query(
      `SELECT ${ISSUE_COLUMNS} FROM practice_issue i WHERE i.id = $1 FOR UPDATE`,
      [id],
    );
    if (!before) throw notFound(`There is no practice issue with id ${id}.`);
    checkVersion('practice issue', before, expectedVersion);
    const params: unknown[] = [id];
    const assignments = Object.entries(changes)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => {
        const [column, cast] = ISSUE_FIELDS[key as keyof IssueValues];
        params.push(jsonValue(cast, value));
        return `${column} = $${params.length}${cast}`;
      });
    await this.manager.query(
      `UPDATE practice_issue SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`,
      params,
    );
    return { before, after: (await this.findIssue(id))! };
  }

  /** Numbers the set's issues 1, 2, 3 … in the given order; `ids` must name every one. */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.OTHER_UUID]] })
  async numberIssues(setId: string, ids: string[]): Promise<void> {
    await this.manager.query(`SET CONSTRAINTS uq_practice_issue_number DEFERRED`);
    await this.manager.query(
      `UPDATE practice_issue i SET number = o.position
       FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position)
       WHERE i.id = o.id AND i.set_id = $1 AND i.number <> o.position`,
      [setId, ids],
    );
    await this.manager.query(`SET CONSTRAINTS uq_practice_issue_number IMMEDIATE`);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async removeIssue(id: string): Promise<void> {
    await this.manager.query(`DELETE FROM practice_issue WHERE id = $1`, [id]);
  }

  /** Those of the ids that name a published finding (a corpus_finding row). */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  async corpusFindingIds(ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM corpus_finding WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.OTHER_UUID]] })
  async linkFindings(issueId: string, findingIds: string[]): Promise<void> {
    await this.manager.query(
      `INSERT INTO practice_issue_finding (issue_id, corpus_finding_id)
       SELECT $1, f FROM unnest($2::uuid[]) WITH ORDINALITY AS o(f, position) ORDER BY position
       ON CONFLICT DO NOTHING`,
      [issueId, [...new Set(findingIds)]],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.OTHER_UUID]] })
  async unlinkFindings(issueId: string, findingIds: string[]): Promise<number> {
    const [, count] = await this.manager.query(
      `DELETE FROM practice_issue_finding WHERE issue_id = $1 AND corpus_finding_id = ANY($2::uuid[])`,
      [issueId, findingIds],
    );
    return count;
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async countLinkedFindings(issueId: string): Promise<number> {
    const [{ count }] = await this.manager.query(
      `SELECT count(*)::int AS count FROM practice_issue_finding WHERE issue_id = $1`,
      [issueId],
    );
    return count;
  }

  /** The findings each issue draws on, as published, in the order they were added. */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  async findingsOfIssues(issueIds: string[]): Promise<Map<string, LinkedFinding[]>> {
    const rows: {
      issueId: string;
      addedAt: Date;
      reviewTitle: string;
      publishedAt: Date;
      stale: boolean;
      id: string;
      reviewId: string;
      reference: string;
      ordinal: number;
      title: string;
      category: LinkedFinding['finding']['category'];
      effect: LinkedFinding['finding']['effect'];
      statement: string | null;
      manifestation: string | null;
      notPeculiar: string | null;
      prevalence: string | null;
      significance: string | null;
      questions: string[];
      themeKeys: string[];
    }[] = await this.manager.query(
      `SELECT pf.issue_id AS "issueId", pf.added_at AS "addedAt", cr.title AS "reviewTitle",
              cr.published_at AS "publishedAt",
              (ce.withdrawn_at IS NOT NULL OR ce.snapshot_id IS DISTINCT FROM f.snapshot_id) AS stale,
              f.id, cr.review_id AS "reviewId", cr.reference, f.ordinal, f.title, f.category, f.effect,
              f.statement, f.manifestation, f.not_peculiar AS "notPeculiar", f.prevalence,
              f.significance, f.questions, f.theme_keys AS "themeKeys"
       FROM practice_issue_finding pf
       JOIN corpus_finding f ON f.id = pf.corpus_finding_id
       JOIN corpus_review cr ON cr.snapshot_id = f.snapshot_id
       LEFT JOIN corpus_entry ce ON ce.review_id = cr.review_id
       WHERE pf.issue_id = ANY($1::uuid[])
       ORDER BY pf.issue_id, pf.added_at, f.id`,
      [issueIds],
    );
    const byIssue = new Map<string, LinkedFinding[]>();
    for (const { issueId, addedAt, reviewTitle, publishedAt, stale, ...finding } of rows)
      byIssue.set(issueId, [
        ...(byIssue.get(issueId) ?? []),
        {
          // Practice issues link published reviews' findings only.
          finding: { ...finding, source: 'REVIEW', reportId: null, passage: null },
          reviewTitle,
          publishedAt,
          stale,
          addedAt,
        },
      ]);
    return byIssue;
  }

  /**
   * What a demo set draws on: the current, not withdrawn reviews whose reference starts so, and
   * up to `limit` of their findings with the theme (the demo corpus's), oldest review first.
   */
  @GenerateSql({ params: [DummyValue.TEXT, DummyValue.TEXT, DummyValue.NUMBER] })
  async corpusSources(
    referencePrefix: string,
    themeKey: string,
    limit: number,
  ): Promise<{ reviewIds: string[]; findingIds: string[] }> {
    const reviews: { id: string }[] = await this.manager.query(
      `SELECT cr.review_id AS id FROM corpus_entry ce JOIN corpus_review cr ON cr.snapshot_id = ce.snapshot_id
       WHERE ce.withdrawn_at IS NULL AND starts_with(cr.reference, $1)
       ORDER BY cr.published_at, cr.reference`,
      [referencePrefix],
    );
    const findings: { id: string }[] = await this.manager.query(
      `SELECT f.id FROM corpus_entry ce JOIN corpus_review cr ON cr.snapshot_id = ce.snapshot_id
       JOIN corpus_finding f ON f.snapshot_id = cr.snapshot_id
       WHERE ce.withdrawn_at IS NULL AND starts_with(cr.reference, $1) AND $2 = ANY(f.theme_keys)
       ORDER BY cr.published_at, cr.reference, f.ordinal LIMIT $3`,
      [referencePrefix, themeKey, limit],
    );
    return { reviewIds: reviews.map((r) => r.id), findingIds: findings.map((f) => f.id) };
  }
}

function checkVersion(what: string, before: { version: number }, expectedVersion: number): void {
  if (before.version !== expectedVersion)
    throw conflict(
      `Someone else saved this ${what} first: you edited version ${expectedVersion}, it is now at version ${before.version}.`,
      { currentVersion: before.version, expectedVersion, current: before },
    );
}

export const noSuchIds = (field: string, ids: string[], found: Set<string>, what: string) => {
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw badInput(`${field}: ${missing} is not ${what}.`, { field, value: missing });
};
