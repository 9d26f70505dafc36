import { adminToken, createReview } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';
import { QUERY_LIMITS } from './graphql-options';

/** Queries the server refuses before running them answer 4xx with a GraphQL error, not 500. */
describe('refusals of oversized or over-cost requests', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (
      await createReview(t, token, 'REFUSE-1', { title: 'Child R', type: 'RAPID_REVIEW' })
    ).id;
  });
  afterAll(() => t.close());

  const post = (body: unknown) =>
    t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .send(body as object);

  it('answers 400 to a query over the cost limit', async () => {
    const fields = 'id title description agency { id name } linkedEvents { id title }';
    const query = `query($id: ID!) { review(id: $id) { ${['a', 'b', 'c', 'd']
      .map((alias) => `${alias}: events(first: 500) { edges { node { ${fields} } } }`)
      .join(' ')} } }`;
    const response = await post({ query, variables: { id: reviewId } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/cost/i);
  });

  it('answers 400 to a query deeper than the limit', async () => {
    let selection = 'id';
    for (let i = 0; i < QUERY_LIMITS.maxDepth + 2; i += 1)
      selection = `linkedEvents { ${selection} }`;
    const query = `query($id: ID!) { review(id: $id) { events(first: 1) { edges { node { ${selection} } } } } }`;
    const response = await post({ query, variables: { id: reviewId } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/depth/i);
  });

  it('answers 400 to a query of too many tokens', async () => {
    const query = `query { me { ${Array.from({ length: QUERY_LIMITS.maxTokens }, () => 'id').join(' ')} } }`;
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/token/i);
  });

  it('answers 413 to a JSON body over the size limit', async () => {
    const response = await post({
      query: '{ me { id } }',
      variables: { x: 'x'.repeat(11 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
  });
});
