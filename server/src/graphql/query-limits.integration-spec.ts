import { adminToken, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

const EVENT_FIELDS = `id occurredOn precision sortDate endDate timeOfDay title description source
  agency { id name } linkedEvents { id agency { name } }`;

const pageOf = (selection: string) => `query($id: ID!) {
  review(id: $id) { id events(first: 500) { totalCount edges { node { ${selection} } } pageInfo { hasNextPage endCursor } } }
}`;

describe('the query cost limit', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (
      await createReview(t, token, 'LIMITS-1', { title: 'Child L', type: 'RAPID_REVIEW' })
    ).id;
  });
  afterAll(() => t.close());

  it('charges fields given through a fragment as it charges the same fields written out', async () => {
    await ok(t, pageOf(EVENT_FIELDS), { id: reviewId }, token);
    const withFragment = `${pageOf('...EventFields')}
      fragment EventFields on TimelineEvent { ${EVENT_FIELDS} }`;
    await ok(t, withFragment, { id: reviewId }, token);
  });

  it('still refuses a query whose cost is past the limit, fragments or not', async () => {
    // Three pages of 500 events in one request: three times what the chronology asks for.
    const copies = (events: string) =>
      `review(id: $id) { ${['a', 'b', 'c']
        .map((alias) => `${alias}: events(first: 500) { edges { node { ${events} } } }`)
        .join(' ')} }`;
    const writtenOut = await t.gql(
      `query($id: ID!) { ${copies(EVENT_FIELDS)} }`,
      { id: reviewId },
      token,
    );
    expect(writtenOut.errors?.[0]?.message).toMatch(/Query Cost limit of \d+ exceeded/);
    const withFragment = await t.gql(
      `query($id: ID!) { ${copies('...EventFields')} }
       fragment EventFields on TimelineEvent { ${EVENT_FIELDS} }`,
      { id: reviewId },
      token,
    );
    expect(withFragment.errors?.[0]?.message).toMatch(/Query Cost limit of \d+ exceeded/);
  });
});
