import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getIntrospectionQuery, parse } from 'graphql';
import { adminToken, createReview } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';
import { QUERY_LIMITS } from './graphql-options';
import { queryCost } from './query-cost';

/** Every operation and fragment the client sends, from its generated document map. */
function clientDocuments(): { operations: string[]; fragments: Map<string, string> } {
  const source = readFileSync(join(__dirname, '../../../client/src/gql/gql.ts'), 'utf8');
  const typeBlock = source.slice(source.indexOf('type Documents = {'), source.indexOf('};'));
  const texts = [...typeBlock.matchAll(/^\s+("(?:[^"\\]|\\.)*"): typeof/gm)].map(
    (m) => JSON.parse(m[1]) as string,
  );
  const fragments = new Map<string, string>();
  const operations: string[] = [];
  for (const text of texts) {
    const fragment = /^\s*fragment (\w+)/.exec(text);
    if (fragment) fragments.set(fragment[1], text);
    else operations.push(text);
  }
  return { operations, fragments };
}

function withFragments(text: string, fragments: Map<string, string>): string {
  const used = new Set<string>();
  const pending = [text];
  while (pending.length) {
    for (const [, name] of pending.pop()!.matchAll(/\.\.\.(\w+)/g)) {
      if (used.has(name) || !fragments.has(name)) continue;
      used.add(name);
      pending.push(fragments.get(name)!);
    }
  }
  return [text, ...[...used].map((name) => fragments.get(name)!)].join('\n');
}

describe('the cost of a query', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'COST-1', { title: 'Child C', type: 'RAPID_REVIEW' }))
      .id;
  });
  afterAll(() => t.close());

  const costOf = (query: string, variables: Record<string, unknown> = {}) =>
    queryCost(t.app.get(GraphQLSchemaHost).schema, parse(query), variables);

  it('leaves room under the limit for every operation the client sends', () => {
    const { operations, fragments } = clientDocuments();
    expect(operations.length).toBeGreaterThan(20);
    const costs = operations.map((text) => ({
      name: /(query|mutation) (\w+)/.exec(text)?.[2],
      cost: costOf(withFragments(text, fragments), { after: null }),
    }));
    // A quarter of the limit is left over, so a little more on a screen does not break it.
    const over = costs.filter((c) => c.cost > QUERY_LIMITS.maxCost * 0.75);
    expect(over).toEqual([]);
  });

  it("costs nothing for the schema's description of itself, which development tools read whole", async () => {
    expect(costOf(getIntrospectionQuery())).toBe(0);
    const result = await t.gql(getIntrospectionQuery(), {}, token);
    expect(result.errors).toBeUndefined();
  });

  it('counts a page size passed as a variable as it counts one written in the query', async () => {
    const page = (alias: string) =>
      `${alias}: events(first: $n) { edges { node { id title description agency { id name } linkedEvents { id title } } } }`;
    const query = `query($id: ID!, $n: Int) { review(id: $id) { ${['a', 'b', 'c', 'd'].map(page).join(' ')} } }`;
    expect(costOf(query, { n: 500 })).toBe(costOf(query.replace(/\$n\)/g, '500)'), {}));
    const response = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .send({ query, variables: { id: reviewId, n: 500 } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/Query Cost limit of \d+ exceeded/);
    expect(response.body.data).toBeUndefined();
  });

  it('charges duplicate detection heavily: a few in one query are refused', async () => {
    const one = 'duplicateCandidates(first: 20) { score first { id } second { id } }';
    expect(costOf(`query($id: ID!) { review(id: $id) { ${one} } }`)).toBeGreaterThan(
      QUERY_LIMITS.maxCost / 4,
    );
    const four = `query($id: ID!) { review(id: $id) { ${['a', 'b', 'c', 'd'].map((alias) => `${alias}: ${one}`).join(' ')} } }`;
    const result = await t.gql(four, { id: reviewId }, token);
    expect(result.errors?.[0]?.message).toMatch(/Query Cost limit of \d+ exceeded/);
  });

  it('charges a page of the audit trail and of the reviews list by its size', () => {
    const audit = (n: number) =>
      costOf(
        `query($id: ID!) { review(id: $id) { auditTrail(first: ${n}) { edges { node { id action } } } } }`,
      );
    expect(audit(500)).toBeGreaterThan(audit(5) * 20);
    const reviews = (n: number) =>
      costOf(`{ reviews(first: ${n}) { edges { node { id title agencies { id } } } } }`);
    expect(reviews(500)).toBeGreaterThan(reviews(5) * 20);
  });
});
