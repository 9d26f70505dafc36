import { adminToken, createAccount, createReview, ok } from '../testing/accounts';
import { finishedBatch, textPdf, uploadReports } from '../testing/report-files';
import { startTestApp, TestApp } from '../testing/test-app';

/**
 * Bad input on every mutation of the schema, read from the schema itself: a NUL byte in each
 * string argument and each string field of each input (lists of inputs included), and null for
 * each field of an update input that the record cannot be without. Each must be refused as
 * BAD_USER_INPUT naming the field, never reach the database as INTERNAL_SERVER_ERROR.
 */

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
  defaultValue: string | null;
}
interface FullType {
  kind: string;
  name: string;
  fields: { name: string; args: InputValue[] }[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const INTROSPECTION = `{ __schema { mutationType { name } types {
  kind name
  fields { name args { name defaultValue type { ${TYPE_REF} } } }
  inputFields { name defaultValue type { ${TYPE_REF} } }
  enumValues { name }
} } }`;

const unwrapNonNull = (t: TypeRef) => (t.kind === 'NON_NULL' ? t.ofType! : t);
const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
const typeSyntax = (t: TypeRef): string =>
  t.kind === 'NON_NULL'
    ? `${typeSyntax(t.ofType!)}!`
    : t.kind === 'LIST'
      ? `[${typeSyntax(t.ofType!)}]`
      : t.name!;

/** Fields the record cannot be without, which an update may leave out but not set to null. */
const REQUIRED_ON_UPDATE: Record<string, string[]> = {
  UpdateReviewInput: ['reference', 'title', 'type', 'partnership', 'methodology', 'status'],
  UpdateEpisodeInput: ['title', 'appraisal', 'eventIds'],
  UpdateFactorInput: ['description', 'level', 'themeKeys'],
  UpdateTimelineEventInput: ['occurredOn', 'title', 'personIds', 'personContacts'],
  UpdateBoardActionInput: ['description', 'status'],
  FindingInput: [
    'questions',
    'themeKeys',
    'eventIds',
    'episodeIds',
    'factorIds',
    'answersQuestionIds',
  ],
  UpdateReviewConversationInput: [
    'kind',
    'format',
    'participants',
    'familyPersonIds',
    'episodeIds',
  ],
  PersonInput: ['name', 'households', 'sex', 'deceased', 'isSubjectChild', 'aliases'],
  UpdatePracticeIssueInput: [
    'title',
    'reasonsFromReviews',
    'reasonsFromPractice',
    'practiceReasons',
    'solutions',
    'questions',
  ],
  UpdatePracticeIssueSetInput: ['title', 'reviewIds'],
};

describe('every mutation refuses bad input as BAD_USER_INPUT', () => {
  let t: TestApp;
  let admin: string;
  let lead: string;
  let types: Map<string, FullType>;
  let mutations: { name: string; args: InputValue[] }[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    const reviewer = await createAccount(t, admin, 'sweep-lead@test.local', 'REVIEWER');
    const member = await createAccount(t, admin, 'sweep-member@test.local', 'REVIEWER');
    lead = reviewer.token;
    ids.user = member.id;
    ids.review = (await createReview(t, lead, 'SWEEP-1')).id;
    const r = { r: ids.review };
    const data = await ok<{
      a: { id: string };
      p: { id: string };
      q: { id: string };
      e: { id: string }[];
      k: { id: string };
      n: { id: string };
      c: { id: string };
    }>(
      t,
      `mutation($r: ID!) {
        a: addAgency(reviewId: $r, input: { name: "Police", sector: POLICE }) { id }
        p: addPerson(reviewId: $r, input: { pseudonym: "Child A" }) { id }
        q: addPerson(reviewId: $r, input: { pseudonym: "Mother" }) { id }
        e: addTimelineEvents(reviewId: $r, events: [{ occurredOn: "2022-03-01", title: "Visit" }]) { id }
        k: createEpisode(reviewId: $r, input: { title: "Referral" }) { id }
        n: createFinding(reviewId: $r, input: { title: "Handover", category: TOOLS, effect: SUPPORTS_GOOD_PRACTICE }) { id }
        c: createCollection(input: { name: "Audit round" }) { id }
      }`,
      r,
      lead,
    );
    Object.assign(ids, {
      agency: data.a.id,
      person: data.p.id,
      otherPerson: data.q.id,
      event: data.e[0].id,
      episode: data.k.id,
      finding: data.n.id,
      collection: data.c.id,
    });
    const more = await ok<{
      f: { id: string };
      b: { id: string };
      t: { id: string };
      m: { id: string };
      q: { id: string };
      v: { id: string };
    }>(
      t,
      `mutation($k: ID!, $n: ID!, $r: ID!, $p: String!, $q: String!) {
        f: addContributoryFactor(episodeId: $k, input: { level: FAMILY, description: "Moves" }) { id }
        b: addBoardAction(findingId: $n, input: { description: "Audit" }) { id }
        t: addRelationship(reviewId: $r, input: { fromPersonId: $q, toPersonId: $p, kind: PARENT_OF }) { id }
        m: addComment(reviewId: $r, input: { findingId: $n, body: "Seen differently" }) { id }
        q: addReviewQuestion(reviewId: $r, input: { text: "What helped?" }) { id }
        v: addReviewConversation(reviewId: $r, input: { kind: FAMILY, format: WRITTEN }) { id }
      }`,
      { k: ids.episode, n: ids.finding, r: ids.review, p: ids.person, q: ids.otherPerson },
      lead,
    );
    Object.assign(ids, {
      factor: more.f.id,
      action: more.b.id,
      relationship: more.t.id,
      comment: more.m.id,
      question: more.q.id,
      conversation: more.v.id,
    });
    const practice = await ok<{ createPracticeIssue: { id: string; setId: string } }>(
      t,
      'mutation { createPracticeIssue(input: { title: "Sweep issue" }) { id setId } }',
      {},
      admin,
    );
    ids.practiceIssue = practice.createPracticeIssue.id;
    ids.practiceSet = practice.createPracticeIssue.setId;
    const upload = await uploadReports(t, admin, [
      { name: 'sweep.pdf', data: textPdf([['The sweep report.']]) },
    ]);
    ids.report = (await finishedBatch(t, admin, upload.body.batchId!)).files[0].reportId!;
    const coded = await ok<{ codeReportPassage: { id: string } }>(
      t,
      `mutation($r: ID!) { codeReportPassage(reportId: $r, input: { kind: CASE_CHARACTERISTICS,
        pageNumber: 1, startOffset: 4, endOffset: 9, quote: "sweep", themeKeys: ["neglect"] }) { id } }`,
      { r: ids.report },
      admin,
    );
    ids.reportCode = coded.codeReportPassage.id;

    const schema = await ok<{
      __schema: { mutationType: { name: string }; types: FullType[] };
    }>(t, INTROSPECTION, {}, admin);
    types = new Map(schema.__schema.types.map((type) => [type.name, type]));
    mutations = types.get(schema.__schema.mutationType.name)!.fields!;
  });
  afterAll(() => t.close());

  /** The record an `id` argument of this mutation names. */
  const idFor = (mutation: string): string => {
    const subjects: [RegExp, string][] = [
      [/ReportCode$/, 'reportCode'],
      [/Report$/, 'report'],
      [/Agency$/, 'agency'],
      [/Person$/, 'person'],
      [/Relationship$/, 'relationship'],
      [/TimelineEvents?$|Event$/, 'event'],
      [/Episode$/, 'episode'],
      [/ContributoryFactor$/, 'factor'],
      [/BoardAction$/, 'action'],
      [/Comment$/, 'comment'],
      [/Finding$/, 'finding'],
      [/ReviewQuestions?$/, 'question'],
      [/ReviewConversation$/, 'conversation'],
      [/PracticeIssueSet$/, 'practiceSet'],
      [/PracticeIssues?$|^(un)?linkFindings$/, 'practiceIssue'],
      [/Review$/, 'review'],
      [/User$|UserRole$|UserPassword$/, 'user'],
    ];
    const found = subjects.find(([pattern]) => pattern.test(mutation));
    if (!found) throw new Error(`no record for the id of ${mutation}`);
    return ids[found[1]];
  };

  /** A valid value for an argument or input field, by its type and name. */
  const valueFor = (mutation: string, name: string, type: TypeRef): unknown => {
    const inner = unwrapNonNull(type);
    if (inner.kind === 'LIST') {
      const item = valueFor(mutation, name.replace(/s$/, ''), inner.ofType!);
      return /themeKeys/.test(name) ? [] : [item];
    }
    const typeName = inner.name!;
    const full = types.get(typeName)!;
    if (full.kind === 'ENUM') return full.enumValues![0].name;
    if (full.kind === 'INPUT_OBJECT') {
      const value: Record<string, unknown> = {};
      for (const field of full.inputFields!) {
        if (field.type.kind === 'NON_NULL' && field.defaultValue === null)
          value[field.name] = valueFor(mutation, field.name, field.type);
      }
      return value;
    }
    if (typeName === 'Int') return 1;
    if (typeName === 'Boolean') return /dryRun/.test(name) ? true : false;
    if (typeName === 'ID' || /Id$/.test(name)) {
      const byName: Record<string, string> = {
        reviewId: ids.review,
        userId: ids.user,
        episodeId: ids.episode,
        findingId: ids.finding,
        collectionId: ids.collection,
        fromPersonId: ids.otherPerson,
        toPersonId: ids.person,
        personId: ids.person,
        eventId: ids.event,
        factorId: ids.factor,
        agencyId: ids.agency,
        owningAgencyId: ids.agency,
        questionId: ids.question,
        answersQuestionId: ids.question,
        familyPersonId: ids.person,
        setId: ids.practiceSet,
        practiceIssueId: ids.practiceIssue,
        issueId: ids.practiceIssue,
        reportId: ids.report,
      };
      return byName[name] ?? idFor(mutation);
    }
    if (/email/i.test(name)) return 'someone@test.local';
    if (/password/i.test(name)) return 'a long enough password';
    if (/occurredOn|heldOn/.test(name)) return '2022-03-01';
    if (/key/i.test(name)) return 'sweep-key';
    if (/label/.test(name)) return 'Sweep';
    return 'Sweep text';
  };

  /** Every string position of an argument: the path of the field and a way to set it. */
  const stringPositions = (
    value: unknown,
    type: TypeRef,
    path: string,
    field: string,
  ): { path: string; field: string; set: (root: unknown, text: string) => unknown }[] => {
    const inner = unwrapNonNull(type);
    if (inner.kind === 'LIST') {
      const list = value as unknown[];
      const items = list.length > 0 ? list : [valueFor('', field, inner.ofType!)];
      return stringPositions(items[0], inner.ofType!, `${path}[0]`, field).map((p) => ({
        ...p,
        set: (_root: unknown, text: string) => [p.set(items[0], text), ...items.slice(1)],
      }));
    }
    const full = types.get(inner.name!)!;
    if (full.kind === 'INPUT_OBJECT') {
      const object = value as Record<string, unknown>;
      return full.inputFields!.flatMap((f) =>
        stringPositions(
          object[f.name] ?? valueFor('', f.name, f.type),
          f.type,
          `${path}.${f.name}`,
          f.name,
        ).map((p) => ({
          ...p,
          set: (_root: unknown, text: string) => ({
            ...object,
            [f.name]: p.set(object[f.name], text),
          }),
        })),
      );
    }
    if (inner.name === 'String' || inner.name === 'ID')
      return [{ path, field, set: (_root, text) => text }];
    return [];
  };

  const run = async (mutation: { name: string; args: InputValue[] }, variables: object) => {
    const declared = mutation.args.map((a) => `$${a.name}: ${typeSyntax(a.type)}`).join(', ');
    const passed = mutation.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const query = `mutation${declared ? `(${declared})` : ''} { ${mutation.name}${passed ? `(${passed})` : ''} { __typename } }`;
    const asLead = await t.gql(query, variables as Record<string, unknown>, lead);
    if (asLead.errors?.[0]?.extensions?.code !== 'FORBIDDEN') return asLead;
    return t.gql(query, variables as Record<string, unknown>, admin);
  };

  const baseVariables = (mutation: { name: string; args: InputValue[] }) =>
    Object.fromEntries(mutation.args.map((a) => [a.name, valueFor(mutation.name, a.name, a.type)]));

  it('refuses a NUL byte in every string argument and input field of every mutation', async () => {
    const answers: string[] = [];
    let tried = 0;
    for (const mutation of mutations) {
      const base = baseVariables(mutation);
      for (const arg of mutation.args) {
        for (const position of stringPositions(base[arg.name], arg.type, arg.name, arg.name)) {
          const text = `bad\u0000text`;
          const variables = { ...base, [arg.name]: position.set(base[arg.name], text) };
          const result = await run(mutation, variables);
          tried++;
          const error = result.errors?.[0];
          const problems = (error?.extensions?.problems ?? []) as { field: string }[];
          const named = problems.some((p) =>
            [position.path, position.path.replace(/^[^.[]+\.?/, '')].includes(p.field),
          );
          if (error?.extensions?.code !== 'BAD_USER_INPUT' || !named)
            answers.push(
              `${mutation.name} ${position.path}: ${(error?.extensions?.code as string | undefined) ?? 'no error'} ${error?.message ?? ''}`,
            );
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    expect(answers).toEqual([]);
  });

  it('refuses null for each field an update cannot set to null', async () => {
    const answers: string[] = [];
    let tried = 0;
    for (const mutation of mutations.filter((m) => /^update/.test(m.name))) {
      const base = baseVariables(mutation);
      const input = mutation.args.find((a) => a.name === 'input')!;
      const inputType = named(input.type).name!;
      const inputObject = types.get(inputType)!;
      const required = [
        ...(REQUIRED_ON_UPDATE[inputType] ?? []),
        ...inputObject.inputFields!.filter((f) => f.type.kind === 'NON_NULL').map((f) => f.name),
      ];
      for (const field of inputObject.inputFields!) {
        if (!required.includes(field.name) || field.type.kind === 'NON_NULL') continue;
        const variables = {
          ...base,
          input: { ...(base.input as object), [field.name]: null },
        };
        const result = await run(mutation, variables);
        tried++;
        const error = result.errors?.[0];
        const problems = (error?.extensions?.problems ?? []) as { field: string }[];
        if (
          error?.extensions?.code !== 'BAD_USER_INPUT' ||
          !problems.some((p) => p.field === field.name)
        )
          answers.push(
            `${mutation.name} input.${field.name}: ${(error?.extensions?.code as string | undefined) ?? 'no error'} ${error?.message ?? ''}`,
          );
      }
    }
    expect(tried).toBeGreaterThan(15);
    expect(answers).toEqual([]);
  });

  it('enforces the lengths on each event that addTimelineEvents adds', async () => {
    const result = await t.gql(
      'mutation($r: ID!, $e: [TimelineEventInput!]!) { addTimelineEvents(reviewId: $r, events: $e) { id } }',
      {
        r: ids.review,
        e: [
          { occurredOn: '2022-03-02', title: 'Fine' },
          { occurredOn: '2022-03-03', title: 'x'.repeat(1_000_000) },
        ],
      },
      lead,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        expect.objectContaining({
          field: 'events[1].title',
          message: 'events[1].title must be shorter than or equal to 500 characters',
        }),
      ],
    });
    const stored = await ok<{ review: { events: { totalCount: number } } }>(
      t,
      'query($id: ID!) { review(id: $id) { events(first: 1) { totalCount } } }',
      { id: ids.review },
      lead,
    );
    expect(stored.review.events.totalCount).toBe(1);
  });

  it('keeps line breaks in multi-line text and refuses them in one-line fields', async () => {
    const add = (event: Record<string, unknown>) =>
      t.gql(
        'mutation($r: ID!, $e: [TimelineEventInput!]!) { addTimelineEvents(reviewId: $r, events: $e) { description } }',
        { r: ids.review, e: [{ occurredOn: '2022-03-04', ...event }] },
        lead,
      );
    const multiLine = await add({ title: 'Visit', description: 'First line\r\n\tSecond line' });
    expect(multiLine.data).toEqual({
      addTimelineEvents: [{ description: 'First line\r\n\tSecond line' }],
    });
    const oneLine = await add({ title: 'Visit\nby the police' });
    expect(oneLine.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        {
          field: 'events[0].title',
          value: 'Visit\nby the police',
          message:
            'events[0].title must be one line, without line breaks or tabs (found U+000A at character 6)',
        },
      ],
    });
  });
});
