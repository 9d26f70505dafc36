import { SqlStatementCounter } from '../database/sql-statement-counter';
import { adminToken } from '../testing/accounts';
import { REVIEW_PAGE_QUERY } from '../testing/review-page.query';
import { buildSyntheticReview } from '../testing/synthetic-review';
import { startTestApp, TestApp } from '../testing/test-app';

describe('SQL statements behind the review page', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
  });
  afterAll(() => t.close());

  async function statementsFor(reviewId: string): Promise<number> {
    SqlStatementCounter.reset();
    const result = await t.gql<{ review: { events: { totalCount: number } } }>(
      REVIEW_PAGE_QUERY,
      { id: reviewId },
      token,
    );
    const count = SqlStatementCounter.count;
    expect(result.errors).toBeUndefined();
    if (count > 12)
      process.stderr.write(`${SqlStatementCounter.statementsSinceReset.join('\n')}\n`);
    return count;
  }

  it('is the same for 10 events as for 1,000, and within the budget of 12', async () => {
    const small = await buildSyntheticReview(t, token, 'COUNT-10', {
      events: 10,
      episodes: 3,
      factors: 6,
      findings: 2,
    });
    const large = await buildSyntheticReview(t, token, 'COUNT-1000', {
      events: 1000,
      episodes: 20,
      factors: 60,
      findings: 8,
    });
    const smallCount = await statementsFor(small);
    const largeCount = await statementsFor(large);
    expect(largeCount).toBe(smallCount);
    expect(largeCount).toBeLessThanOrEqual(12);
  });
});
