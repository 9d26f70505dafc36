import { GraphQLSchemaHost } from '@nestjs/graphql';
import ExcelJS from 'exceljs';
import {
  getNamedType,
  GraphQLField,
  GraphQLOutputType,
  isEnumType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { queryCost } from '../graphql/query-cost';
import { adminToken, createAccount, ok } from '../testing/accounts';
import { GraphqlResult, startTestApp, TestApp } from '../testing/test-app';
import { CorpusResolver } from './corpus.resolver';

/** The family's real names, in every form the people register holds them. */
const REAL_NAMES = ['Zebedee', 'Quartermaine', 'Zebbo', 'Morwenna', 'Wenna'];
/** What only the review never published holds. */
const UNPUBLISHED = ['NEVERPUB-7', 'Unpublishedword'];
const FORBIDDEN_TEXT = new RegExp([...REAL_NAMES, ...UNPUBLISHED].join('|'), 'i');

/**
 * A review whose people have real names, recorded where real names belong (the people register:
 * name and aliases; a case group comment), every other text in pseudonyms. The comment is an
 * anonymisation problem, so the lead reviewer publishes with an override.
 */
function bundleOf(reference: string, title: string, word: string) {
  return {
    format: 'scr-workbench/review-bundle',
    formatVersion: 1,
    review: {
      reference,
      title,
      partnership: 'Westmarch Safeguarding Children Partnership',
      type: 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
      status: 'DRAFTING',
      methodology: 'LEARNING_TOGETHER',
      periodStart: '2022-01-01',
      periodEnd: '2023-06-30',
      summary: `Child Z was two when admitted to hospital. ${word}`,
      caseCharacteristics: ['neglect', 'domestic-abuse'],
      caseGroupSignOff: { at: '2024-01-10T10:00:00.000Z', by: 'Case Group Chair' },
    },
    agencies: [
      { ref: 'a1', name: 'Westmarch Children’s Social Care', sector: 'CHILDRENS_SOCIAL_CARE' },
    ],
    people: [
      {
        ref: 'p1',
        name: 'Zebedee Quartermaine',
        aliases: ['Zebbo'],
        pseudonym: 'Child Z',
        relationship: 'Subject child',
        sex: 'MALE',
        bornOn: null,
        ageAtPeriodStart: 1,
        diedOn: null,
        deceased: false,
        isSubjectChild: true,
        households: [],
      },
      {
        ref: 'p2',
        name: 'Morwenna Quartermaine',
        aliases: ['Wenna'],
        pseudonym: 'Mother',
        relationship: 'Mother',
        sex: 'FEMALE',
        bornOn: null,
        ageAtPeriodStart: 24,
        diedOn: null,
        deceased: false,
        isSubjectChild: false,
        households: [],
      },
    ],
    relationships: [],
    events: [
      {
        ref: 'e1',
        occurredOn: '2022-03-14',
        precision: 'DAY',
        time: null,
        agency: 'a1',
        title: 'Referral about home conditions',
        description: `A neighbour reported concerns about Child Z. ${word}`,
        source: 'Children’s social care records',
        people: ['p1', 'p2'],
        contacts: { p1: 'MENTIONED', p2: 'SPOKEN_TO' },
      },
    ],
    episodes: [
      {
        ref: 'k1',
        ordinal: 1,
        title: 'The response to the first referral',
        summary: 'The referral was screened and closed without a visit.',
        startDate: '2022-03-14',
        endDate: '2022-03-20',
        events: ['e1'],
        viewFromTheTunnel: 'The screening team had no record of earlier concerns.',
        appraisal: 'BELOW_EXPECTED',
        appraisalNarrative: 'A visit would have shown the conditions.',
        explanation: 'Demand at the front door was high.',
      },
    ],
    factors: [
      {
        ref: 'f1',
        episode: 'k1',
        level: 'OWN_TEAM',
        description: 'Referrals from neighbours are given less weight.',
        themes: ['thresholds'],
        effect: 'MAKES_PROBLEMS_MORE_LIKELY',
        tier: 'FRONTLINE',
      },
    ],
    reviewQuestions: [{ ref: 'q1', text: 'How were referrals from the community weighed?' }],
    conversations: [],
    findings: [
      {
        ref: 'n1',
        ordinal: 1,
        title: 'Community referrals given less weight',
        category: 'INCIDENTS_AND_CRISES',
        statement: `Referrals from neighbours are routinely closed without a visit. ${word}`,
        manifestation: 'In March 2022 a referral about Child Z was closed without a visit.',
        prevalence: null,
        significance: 'Neighbours often see what agencies do not.',
        notPeculiar: 'The case group said this is usual.',
        questions: ['How will the partnership know that community referrals are weighed fairly?'],
        episodes: ['k1'],
        factors: ['f1'],
        events: [],
        themes: ['referrals-and-contacts'],
        effect: 'MAKES_PROBLEMS_MORE_LIKELY',
        references: [],
        answers: ['q1'],
        boardActions: [],
        comments: [
          {
            author: 'Case Group Member',
            body: 'Zebedee Quartermaine’s mother, Morwenna (Wenna), told us Zebbo was never seen.',
            createdAt: '2024-01-05T09:00:00.000Z',
            resolvedAt: null,
            resolvedBy: null,
          },
        ],
      },
    ],
  };
}

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

/** The queries the corpus resolver declares, read from its metadata: a new one is covered at once. */
function corpusQueries(): string[] {
  const prototype = CorpusResolver.prototype as unknown as Record<string, object>;
  return Object.getOwnPropertyNames(prototype)
    .filter((name) => name !== 'constructor')
    .filter((name) => Reflect.getMetadata(RESOLVER_TYPE, prototype[name]) === 'Query')
    .map((name) => Reflect.getMetadata(RESOLVER_NAME, prototype[name]) ?? name);
}

/** Every field reachable without required arguments, `depth` levels down; '' when nothing is. */
function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) || depth === 0) return '{ __typename }';
  const fields = Object.values(named.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)))
    .map((field) => {
      const inner = getNamedType(field.type);
      return isLeafType(inner) ? field.name : `${field.name} ${selectionOf(field.type, depth - 1)}`;
    });
  return `{ ${fields.join(' ')} }`;
}

describe('an analyst or trainer never sees an unpublished review or a real name', () => {
  let t: TestApp;
  let admin: string;
  let lead: string;
  let tokens: Record<'ANALYST' | 'TRAINER', string>;
  let publishedId: string;
  let draftId: string;
  let draftFindingId: string;
  let corpusFindingId: string;
  let collectionId: string;
  const responses: { role: string; what: string; body: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    lead = (await createAccount(t, admin, 'lead@names.test', 'REVIEWER')).token;
    tokens = {
      ANALYST: (await createAccount(t, admin, 'analyst@names.test', 'ANALYST')).token,
      TRAINER: (await createAccount(t, admin, 'trainer@names.test', 'TRAINER')).token,
    };
    const imported = async (bundle: object) => {
      const response = await t
        .http()
        .post('/api/reviews/bundle')
        .set('authorization', `Bearer ${lead}`)
        .send(bundle);
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      return response.body.reviewId as string;
    };
    publishedId = await imported(bundleOf('PUB-NAMES-1', 'Child Z', ''));
    draftId = await imported(bundleOf(UNPUBLISHED[0], `Child Y ${UNPUBLISHED[1]}`, UNPUBLISHED[1]));

    const refused = await ok<{
      publishReview: { published: boolean; problems: { kind: string }[] };
    }>(
      t,
      'mutation($id: ID!) { publishReview(id: $id) { published problems { kind } } }',
      { id: publishedId },
      lead,
    );
    // the comment names the family: published only with the lead reviewer's override
    expect(refused.publishReview.published).toBe(false);
    expect(refused.publishReview.problems.length).toBeGreaterThan(0);
    const published = await ok<{ publishReview: { published: boolean } }>(
      t,
      'mutation($id: ID!, $why: String) { publishReview(id: $id, overrideReason: $why) { published } }',
      {
        id: publishedId,
        why: 'The comment stays with the review team; it never reaches the corpus.',
      },
      lead,
    );
    expect(published.publishReview.published).toBe(true);

    draftFindingId = (
      await ok<{ review: { findings: { id: string }[] } }>(
        t,
        'query($id: ID!) { review(id: $id) { findings { id } } }',
        { id: draftId },
        lead,
      )
    ).review.findings[0].id;
    corpusFindingId = (
      await ok<{ corpusFindings: { edges: { node: { id: string } }[] } }>(
        t,
        '{ corpusFindings { edges { node { id } } } }',
        {},
        tokens.ANALYST,
      )
    ).corpusFindings.edges[0].node.id;
    collectionId = (
      await ok<{ createCollection: { id: string } }>(
        t,
        'mutation { createCollection(input: { name: "Both" }) { id } }',
        {},
        admin,
      )
    ).createCollection.id;
    await ok(
      t,
      'mutation($c: ID!, $r: [ID!]!) { addToCollection(collectionId: $c, reviewIds: $r) { id } }',
      { c: collectionId, r: [publishedId, draftId] },
      admin,
    );
  });
  afterAll(() => t.close());

  const call = async (role: 'ANALYST' | 'TRAINER', what: string, query: string, vars = {}) => {
    const result: GraphqlResult = await t.gql(query, vars, tokens[role]);
    const body = JSON.stringify(result);
    expect(body).not.toContain('Query Cost limit');
    responses.push({ role, what, body });
    return result;
  };

  /** The values to try for each argument of a corpus query; an unknown argument fails the test. */
  const argumentValues = (field: GraphQLField<unknown, unknown>): Record<string, unknown>[] => {
    let combinations: Record<string, unknown>[] = [{}];
    for (const arg of field.args) {
      const type = getNamedType(arg.type);
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      let values: unknown[];
      if (arg.name === 'filter')
        values = [
          undefined,
          { themeKeys: ['neglect'] },
          { categories: ['INCIDENTS_AND_CRISES'], effects: ['MAKES_PROBLEMS_MORE_LIKELY'] },
          { partnership: 'Westmarch Safeguarding Children Partnership' },
          { collectionId },
          { collectionId, live: true },
          { themeKeys: ['no-such-theme'] },
        ];
      else if (isEnumType(type)) values = type.getValues().map((value) => value.value);
      else if (arg.name === 'query')
        values = [...REAL_NAMES, ...UNPUBLISHED, 'neighbours', 'referral*', '"without a visit"'];
      else if (arg.name === 'findingId') values = [corpusFindingId, draftFindingId, randomUUID()];
      else if (['themeKeys', 'keys'].includes(arg.name))
        values = [['neglect', 'domestic-abuse', 'toxic-trio', 'INCIDENTS_AND_CRISES']];
      else if (!required) values = [undefined];
      else throw new Error(`No values to try for ${field.name}(${arg.name}): add them here.`);
      combinations = combinations.flatMap((vars) =>
        values.map((value) => (value === undefined ? vars : { ...vars, [arg.name]: value })),
      );
    }
    return combinations;
  };

  it.each(['ANALYST', 'TRAINER'] as const)(
    '%s: every corpus query, with every kind of filter, search and error',
    async (role) => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const queries = corpusQueries();
      expect(queries).toEqual(
        expect.arrayContaining(['themePrevalence', 'corpusReviews', 'searchFindings']),
      );
      for (const name of queries) {
        const field = schema.getQueryType()!.getFields()[name];
        const declared = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
        const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
        const query = `query${declared ? `(${declared})` : ''} { ${name}${passed ? `(${passed})` : ''} ${selectionOf(field.type, 4)} }`;
        let answered = 0;
        for (const vars of argumentValues(field)) {
          const result = await call(role, `${name} ${JSON.stringify(vars)}`, query, vars);
          if (result.data?.[name]) answered += 1;
        }
        // each query answered for real at least once: the test looks at data, not only errors
        expect([name, answered > 0]).toEqual([name, true]);
      }
      // the published review is there to be seen, pseudonyms only
      const listed = responses.filter((r) => r.role === role && r.what.startsWith('corpusReviews'));
      expect(listed.some((r) => r.body.includes('PUB-NAMES-1'))).toBe(true);
    },
  );

  it.each(['ANALYST', 'TRAINER'] as const)(
    '%s: the matrix as CSV and XLSX, and its errors',
    async (role) => {
      const get = (path: string) =>
        t
          .http()
          .get(path)
          .set('authorization', `Bearer ${tokens[role]}`)
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          });
      const csv = await get('/api/corpus/matrix.csv');
      expect(csv.status).toBe(200);
      const csvText = (csv.body as Buffer).toString('utf8');
      expect(csvText).toContain('PUB-NAMES-1');
      responses.push({ role, what: 'matrix.csv', body: csvText });

      const xlsx = await get(`/api/corpus/matrix.xlsx?collectionId=${collectionId}`);
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as never);
      const cells: string[] = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
      expect(cells.join('\n')).toContain('PUB-NAMES-1');
      responses.push({ role, what: 'matrix.xlsx', body: cells.join('\n') });

      for (const path of [
        `/api/corpus/matrix.csv?collectionId=${collectionId}&live=true`,
        '/api/corpus/matrix.csv?themeKeys=no-such-theme',
        '/api/corpus/matrix.xlsx?collectionId=not-a-uuid',
        '/api/corpus/matrix.csv?surname=x',
      ]) {
        const refused = await get(path);
        expect(refused.status).toBeGreaterThanOrEqual(400);
        responses.push({ role, what: path, body: (refused.body as Buffer).toString('utf8') });
      }
    },
  );

  it.each(['ANALYST', 'TRAINER'] as const)(
    '%s: the published review itself, field by field, and the unpublished one refused',
    async (role) => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const reviewType = schema.getType('Review');
      if (!isObjectType(reviewType)) throw new Error('no Review type');
      for (const field of Object.values(reviewType.getFields())) {
        if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined))
          continue;
        // as deep as the cost limit lets one query go
        const queryAt = (depth: number) =>
          `query($id: ID!) { review(id: $id) { ${field.name} ${isLeafType(getNamedType(field.type)) ? '' : selectionOf(field.type, depth)} } }`;
        const depth = [4, 3, 2, 1].find(
          (d) => queryCost(schema, parse(queryAt(d)), { id: publishedId }) < 30_000,
        )!;
        await call(role, `review.${field.name}`, queryAt(depth), { id: publishedId });
      }
      const people = await call(
        role,
        'review.people',
        'query($id: ID!) { review(id: $id) { people { pseudonym name aliases } } }',
        { id: publishedId },
      );
      const register = (
        people.data?.review as { people: { pseudonym: string; name: string | null }[] }
      ).people;
      expect(register.map((p) => p.pseudonym).sort()).toEqual(['Child Z', 'Mother']);
      expect(register.every((p) => p.name === null)).toBe(true);

      for (const id of [draftId, randomUUID()]) {
        const refused = await call(
          role,
          `review ${id}`,
          'query($id: ID!) { review(id: $id) { id title reference summary people { name } } }',
          { id },
        );
        expect(refused.data?.review ?? null).toBeNull();
      }
      const search = await call(role, 'reviews list', '{ reviews { id reference title } }');
      expect(JSON.stringify(search)).not.toContain(UNPUBLISHED[0]);
    },
  );

  it('gives an administrator in the corpus exactly what it gives an analyst', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    let compared = 0;
    for (const name of corpusQueries()) {
      const field = schema.getQueryType()!.getFields()[name];
      const declared = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const query = `query${declared ? `(${declared})` : ''} { ${name}${passed ? `(${passed})` : ''} ${selectionOf(field.type, 4)} }`;
      // live analysis of a collection is the one place an administrator may see more
      for (const vars of argumentValues(field).filter(
        (v) => !JSON.stringify(v).includes('"live"'),
      )) {
        const [asAnalyst, asAdmin] = await Promise.all([
          t.gql(query, vars, tokens.ANALYST),
          t.gql(query, vars, admin),
        ]);
        expect([name, vars, asAdmin.data]).toEqual([name, vars, asAnalyst.data]);
        if (asAnalyst.data?.[name]) compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('found no real name and nothing of the unpublished review in any response', () => {
    expect(responses.length).toBeGreaterThan(100);
    const leaks = responses
      .filter((response) => FORBIDDEN_TEXT.test(response.body))
      .map(
        (response) =>
          `${response.role} ${response.what}: ${response.body.match(FORBIDDEN_TEXT)?.[0] ?? ''}`,
      );
    expect(leaks).toEqual([]);
  });
});
