import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentNode, FieldNode, Kind, print, SelectionSetNode, visit } from 'graphql';
import { adminToken } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

/** Every operation the client sends, from its generated documents. */
function clientOperations(): { name: string; document: DocumentNode }[] {
  const generated = readFileSync(join(__dirname, '../../../client/src/gql/graphql.ts'), 'utf8');
  return [...generated.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as /gm)].map(
    ([, name, json]) => ({ name, document: JSON.parse(json) as DocumentNode }),
  );
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** As Apollo's cache sends it: `__typename` asked for in every selection below the root. */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(node: SelectionSetNode, _key, parent) {
      if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return;
      const asked = node.selections.some(
        (s) => s.kind === Kind.FIELD && s.name.value === '__typename',
      );
      return asked ? undefined : { ...node, selections: [...node.selections, TYPENAME] };
    },
  });
}

/**
 * The query limits (depth, cost, tokens…) refuse a query before it runs. Every operation of the
 * client must stay within them as the client really sends it, or its screen cannot load.
 */
describe("the client's operations", () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
  });
  afterAll(() => t.close());

  it('are all found', () => {
    expect(clientOperations().length).toBeGreaterThan(40);
  });

  it('each stay within the query limits', async () => {
    const refused: string[] = [];
    for (const { name, document } of clientOperations()) {
      // Without variables nothing runs: a refusal by the limits comes before that.
      const result = await t.gql(print(withTypenames(document)), {}, token);
      for (const error of result.errors ?? [])
        if (error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')
          refused.push(`${name}: ${error.message}`);
    }
    expect(refused).toEqual([]);
  });
});
