import { DataSource, QueryRunner } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../../testing/test-database';
import { dataSourceOptions } from '../data-source-options';
import { CommentOnFindingAndResolution1765100000000 } from './1765100000000-comment-on-finding-and-resolution';
import { CaseGroupSignOff1765100100000 } from './1765100100000-case-group-sign-off';

describe('the case group migrations, on a database holding the shapes before them', () => {
  let url: string;
  let dataSource: DataSource;
  let q: QueryRunner;
  let reviewId: string;
  let episodeId: string;

  beforeAll(async () => {
    url = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    q = dataSource.createQueryRunner();
    // Back to the shapes before these migrations, then data as it was stored then.
    await new CaseGroupSignOff1765100100000().down(q);
    await new CommentOnFindingAndResolution1765100000000().down(q);
    [{ id: reviewId }] = await q.query(
      `INSERT INTO review (reference, title, type, status) VALUES ('MIG-1', 'Child M', 'SERIOUS_CASE_REVIEW', 'ANALYSIS') RETURNING id`,
    );
    [{ id: episodeId }] = await q.query(
      `INSERT INTO practice_episode (review_id, ordinal, title) VALUES ($1, 1, 'The strategy discussion') RETURNING id`,
      [reviewId],
    );
    await q.query(
      `INSERT INTO review_comment (review_id, episode_id, author_name, body) VALUES ($1, $2, 'Casey', 'The police were not invited.')`,
      [reviewId, episodeId],
    );
    await new CommentOnFindingAndResolution1765100000000().up(q);
    await new CaseGroupSignOff1765100100000().up(q);
  });
  afterAll(async () => {
    await q.release();
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  it('keeps the comments there were, open, and the review without a sign-off', async () => {
    expect(
      await q.query(
        `SELECT episode_id AS "episodeId", finding_id AS "findingId", body, resolved_at AS "resolvedAt", resolved_by_name AS "resolvedBy" FROM review_comment`,
      ),
    ).toEqual([
      {
        episodeId,
        findingId: null,
        body: 'The police were not invited.',
        resolvedAt: null,
        resolvedBy: null,
      },
    ]);
    expect(
      await q.query(
        `SELECT case_group_signed_off_at AS "at", case_group_signed_off_by_name AS "by" FROM review`,
      ),
    ).toEqual([{ at: null, by: null }]);
  });

  it('takes a comment on a finding, never on two things, and a resolution only with its author', async () => {
    const [{ id: findingId }] = await q.query(
      `INSERT INTO finding (review_id, ordinal, title, category, effect) VALUES ($1, 1, 'Who lives in the home', 'TOOLS', 'MAKES_PROBLEMS_MORE_LIKELY') RETURNING id`,
      [reviewId],
    );
    await q.query(
      `INSERT INTO review_comment (review_id, finding_id, author_name, body) VALUES ($1, $2, 'Casey', 'On the finding.')`,
      [reviewId, findingId],
    );
    await expect(
      q.query(
        `INSERT INTO review_comment (review_id, episode_id, finding_id, author_name, body) VALUES ($1, $2, $3, 'Casey', 'Both.')`,
        [reviewId, episodeId, findingId],
      ),
    ).rejects.toThrow(/ck_review_comment_one_target/);
    await expect(
      q.query(`UPDATE review_comment SET resolved_at = now() WHERE finding_id = $1`, [findingId]),
    ).rejects.toThrow(/ck_review_comment_resolution/);
    await expect(
      q.query(`UPDATE review SET case_group_signed_off_at = now() WHERE id = $1`, [reviewId]),
    ).rejects.toThrow(/ck_review_case_group_sign_off/);
  });
});
