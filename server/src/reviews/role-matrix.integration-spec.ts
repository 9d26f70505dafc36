import { adminToken, createAccount, createReview, ok } from '../testing/accounts';
import { GraphqlResult, startTestApp, TestApp } from '../testing/test-app';

const ROLES = [
  'admin',
  'lead',
  'team',
  'caseGroup',
  'observer',
  'analyst',
  'trainer',
  'outsider',
] as const;
type RoleName = (typeof ROLES)[number];

const EDITORS: RoleName[] = ['admin', 'lead', 'team'];
const MEMBERS: RoleName[] = ['admin', 'lead', 'team', 'caseGroup', 'observer'];

interface Fixture {
  review: string;
  published: string;
  agency: string;
  event: string;
  episode: string;
  finding: string;
  spare: string;
}

type Operation = (t: TestApp, token: string, f: Fixture, admin: string) => Promise<GraphqlResult>;

async function currentVersion(
  t: TestApp,
  admin: string,
  query: string,
  id: string,
): Promise<number> {
  const data = await ok<Record<string, { version: number }>>(t, query, { id }, admin);
  return Object.values(data)[0].version;
}

/**
 * Every query and mutation of the casebook, and who may run it. A role is "allowed" when the
 * answer carries data and no FORBIDDEN or UNAUTHENTICATED error.
 */
const MATRIX: [string, Operation, RoleName[]][] = [
  [
    'review (in progress)',
    (t, token, f) =>
      t.gql('query($id: ID!) { review(id: $id) { id title } }', { id: f.review }, token),
    MEMBERS,
  ],
  [
    'review (published)',
    (t, token, f) =>
      t.gql(
        'query($id: ID!) { review(id: $id) { id events { totalCount } findings { title } } }',
        { id: f.published },
        token,
      ),
    [...MEMBERS, 'analyst', 'trainer'],
  ],
  [
    'reviews list includes the review',
    async (t, token, f) => {
      const r = await t.gql<{ reviews: { edges: { node: { id: string } }[] } }>(
        '{ reviews { edges { node { id } } } }',
        {},
        token,
      );
      return { data: r.data?.reviews.edges.some((e) => e.node.id === f.review) ? r.data : null };
    },
    MEMBERS,
  ],
  [
    'a real name of the published review',
    async (t, token, f) => {
      const r = await t.gql<{ review: { people: { name: string | null }[] } }>(
        'query($id: ID!) { review(id: $id) { people { name pseudonym } } }',
        { id: f.published },
        token,
      );
      return { data: r.data?.review?.people[0]?.name ? r.data : null, errors: r.errors };
    },
    MEMBERS,
  ],
  [
    'review.auditTrail',
    (t, token, f) =>
      t.gql(
        'query($id: ID!) { review(id: $id) { auditTrail { totalCount } } }',
        { id: f.review },
        token,
      ),
    ['admin', 'lead'],
  ],
  [
    'updateReview',
    async (t, token, f, admin) => {
      const v = await currentVersion(
        t,
        admin,
        'query($id: ID!) { review(id: $id) { version } }',
        f.review,
      );
      return t.gql(
        'mutation($id: ID!, $v: Int!) { updateReview(id: $id, expectedVersion: $v, input: { summary: "edited" }) { version } }',
        { id: f.review, v },
        token,
      );
    },
    EDITORS,
  ],
  [
    'setCaseCharacteristics',
    (t, token, f) =>
      t.gql(
        'mutation($r: ID!) { setCaseCharacteristics(reviewId: $r, themeKeys: ["neglect"]) { id } }',
        { r: f.review },
        token,
      ),
    EDITORS,
  ],
  [
    'addAgency',
    (t, token, f) =>
      t.gql(
        'mutation($r: ID!, $n: String!) { addAgency(reviewId: $r, input: { name: $n, sector: POLICE }) { id } }',
        { r: f.review, n: `Police ${token.slice(-8)}` },
        token,
      ),
    EDITORS,
  ],
  [
    'addPerson',
    (t, token, f) =>
      t.gql(
        'mutation($r: ID!) { addPerson(reviewId: $r, input: { name: "Real Name", pseudonym: "Sibling" }) { id } }',
        { r: f.review },
        token,
      ),
    EDITORS,
  ],
  [
    'addTimelineEvents',
    (t, token, f) =>
      t.gql(
        'mutation($r: ID!) { addTimelineEvents(reviewId: $r, events: [{ occurredOn: "2022-04", title: "Home visit" }]) { id } }',
        { r: f.review },
        token,
      ),
    EDITORS,
  ],
  [
    'removeTimelineEvents (dry run)',
    (t, token, f) =>
      t.gql(
        'mutation($r: ID!, $e: ID!) { removeTimelineEvents(reviewId: $r, ids: [$e], dryRun: true) { removed } }',
        { r: f.review, e: f.event },
        token,
      ),
    EDITORS,
  ],
  [
    'createEpisode',
    (t, token, f) =>
      t.gql(
        'mutation($r: ID!, $e: ID!) { createEpisode(reviewId: $r, input: { title: "An episode", eventIds: [$e] }) { id } }',
        { r: f.review, e: f.event },
        token,
      ),
    EDITORS,
  ],
  [
    'updateEpisode',
    async (t, token, f, admin) => {
      const data = await ok<{ review: { episodes: { id: string; version: number }[] } }>(
        t,
        'query($id: ID!) { review(id: $id) { episodes { id version } } }',
        { id: f.review },
        admin,
      );
      const v = data.review.episodes.find((e) => e.id === f.episode)!.version;
      return t.gql(
        'mutation($id: ID!, $v: Int!) { updateEpisode(id: $id, expectedVersion: $v, input: { appraisal: ADEQUATE }) { version } }',
        { id: f.episode, v },
        token,
      );
    },
    EDITORS,
  ],
  [
    'addContributoryFactor',
    (t, token, f) =>
      t.gql(
        'mutation($e: ID!) { addContributoryFactor(episodeId: $e, input: { level: ROLE, description: "Unclear role" }) { id } }',
        { e: f.episode },
        token,
      ),
    EDITORS,
  ],
  [
    'createFinding',
    (t, token, f) =>
      t.gql(
        'mutation($r: ID!) { createFinding(reviewId: $r, input: { title: "A pattern", category: TOOLS }) { id } }',
        { r: f.review },
        token,
      ),
    EDITORS,
  ],
  [
    'updateFinding',
    async (t, token, f, admin) => {
      const data = await ok<{ review: { findings: { id: string; version: number }[] } }>(
        t,
        'query($id: ID!) { review(id: $id) { findings { id version } } }',
        { id: f.review },
        admin,
      );
      const v = data.review.findings.find((x) => x.id === f.finding)!.version;
      return t.gql(
        'mutation($id: ID!, $v: Int!) { updateFinding(id: $id, expectedVersion: $v, input: { title: "Pattern", category: TOOLS }) { version } }',
        { id: f.finding, v },
        token,
      );
    },
    EDITORS,
  ],
  [
    'addBoardAction',
    (t, token, f) =>
      t.gql(
        'mutation($f: ID!) { addBoardAction(findingId: $f, input: { description: "Act" }) { id } }',
        { f: f.finding },
        token,
      ),
    EDITORS,
  ],
  [
    'addComment',
    (t, token, f) =>
      t.gql(
        'mutation($r: ID!, $e: ID!) { addComment(reviewId: $r, input: { eventId: $e, body: "We saw it differently." }) { id } }',
        { r: f.review, e: f.event },
        token,
      ),
    [...EDITORS, 'caseGroup'],
  ],
  [
    'addMember',
    (t, token, f) =>
      t.gql(
        'mutation($r: ID!, $u: ID!) { addMember(reviewId: $r, userId: $u, role: OBSERVER) { id } }',
        { r: f.review, u: f.spare },
        token,
      ),
    ['admin', 'lead'],
  ],
  [
    'createReview',
    (t, token) =>
      t.gql(
        'mutation($ref: String!) { createReview(input: { reference: $ref, title: "T", type: RAPID_REVIEW }) { id } }',
        { ref: `R-${Math.random()}` },
        token,
      ),
    ['admin', 'lead', 'team', 'caseGroup', 'observer', 'outsider'],
  ],
  [
    'createCollection',
    (t, token) =>
      t.gql('mutation { createCollection(input: { name: "Audit round" }) { id } }', {}, token),
    [...ROLES],
  ],
  [
    'themes',
    (t, token) => t.gql('{ themes(kind: PRACTICE_THEME) { key } }', {}, token),
    [...ROLES],
  ],
  [
    'createTheme',
    (t, token) =>
      t.gql(
        'mutation($k: String!) { createTheme(input: { key: $k, label: "New", kind: PRACTICE_THEME }) { key } }',
        { k: `theme-${Math.floor(Math.random() * 1e9)}` },
        token,
      ),
    ['admin'],
  ],
  [
    'createUser',
    (t, token) =>
      t.gql(
        'mutation($e: String!) { createUser(input: { email: $e, password: "a long enough password", role: ANALYST }) { id } }',
        { e: `u${Math.floor(Math.random() * 1e9)}@test.local` },
        token,
      ),
    ['admin'],
  ],
  ['users', (t, token) => t.gql('{ users { id } }', {}, token), ['admin']],
];

function outcome(result: GraphqlResult): 'allowed' | 'refused' {
  const codes = (result.errors ?? []).map((e) => e.extensions?.code);
  if (codes.includes('FORBIDDEN') || codes.includes('UNAUTHENTICATED')) return 'refused';
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  const values = Object.values(result.data ?? {});
  return values.length > 0 && values.every((v) => v !== null) ? 'allowed' : 'refused';
}

describe('who may do what, for every role', () => {
  let t: TestApp;
  let admin: string;
  const tokens = {} as Record<RoleName, string>;
  let fixture: Fixture;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    tokens.admin = admin;
    const accounts: [RoleName, string][] = [
      ['lead', 'REVIEWER'],
      ['team', 'REVIEWER'],
      ['caseGroup', 'REVIEWER'],
      ['observer', 'REVIEWER'],
      ['analyst', 'ANALYST'],
      ['trainer', 'TRAINER'],
      ['outsider', 'REVIEWER'],
    ];
    const ids = {} as Record<RoleName, string>;
    for (const [role, accountRole] of accounts) {
      const account = await createAccount(
        t,
        admin,
        `${role.toLowerCase()}@test.local`,
        accountRole,
      );
      tokens[role] = account.token;
      ids[role] = account.id;
    }
    const spare = await createAccount(t, admin, 'spare@test.local', 'REVIEWER');
    const lead = tokens.lead;
    const review = (await createReview(t, lead, 'MATRIX-1')).id;
    const published = (await createReview(t, lead, 'MATRIX-PUB')).id;
    for (const reviewId of [review, published]) {
      for (const [role, reviewRole] of [
        ['team', 'REVIEW_TEAM'],
        ['caseGroup', 'CASE_GROUP'],
        ['observer', 'OBSERVER'],
      ] as const) {
        await ok(
          t,
          'mutation($r: ID!, $u: ID!, $role: ReviewRole!) { addMember(reviewId: $r, userId: $u, role: $role) { id } }',
          { r: reviewId, u: ids[role], role: reviewRole },
          lead,
        );
      }
    }
    await ok(
      t,
      'mutation($r: ID!) { addPerson(reviewId: $r, input: { name: "Amy Example", pseudonym: "Child A" }) { id } }',
      { r: published },
      lead,
    );
    await ok(
      t,
      'mutation($id: ID!) { updateReview(id: $id, expectedVersion: 1, input: { status: PUBLISHED }) { publishedAt } }',
      { id: published },
      lead,
    );
    const agency = (
      await ok<{ addAgency: { id: string } }>(
        t,
        'mutation($r: ID!) { addAgency(reviewId: $r, input: { name: "Health visiting", sector: HEALTH }) { id } }',
        { r: review },
        lead,
      )
    ).addAgency.id;
    const event = (
      await ok<{ addTimelineEvents: { id: string }[] }>(
        t,
        'mutation($r: ID!) { addTimelineEvents(reviewId: $r, events: [{ occurredOn: "2022-03-01", title: "Referral" }]) { id } }',
        { r: review },
        lead,
      )
    ).addTimelineEvents[0].id;
    const episode = (
      await ok<{ createEpisode: { id: string } }>(
        t,
        'mutation($r: ID!) { createEpisode(reviewId: $r, input: { title: "The referral" }) { id } }',
        { r: review },
        lead,
      )
    ).createEpisode.id;
    const finding = (
      await ok<{ createFinding: { id: string } }>(
        t,
        'mutation($r: ID!) { createFinding(reviewId: $r, input: { title: "Referrals", category: INCIDENTS_AND_CRISES }) { id } }',
        { r: review },
        lead,
      )
    ).createFinding.id;
    fixture = { review, published, agency, event, episode, finding, spare: spare.id };
  });
  afterAll(() => t.close());

  it.each(MATRIX.map(([name, operation, allowed]) => [name, operation, allowed] as const))(
    '%s',
    async (_name, operation, allowed) => {
      const observed: Record<string, string> = {};
      for (const role of ROLES)
        observed[role] = outcome(await operation(t, tokens[role], fixture, admin));
      const expected = Object.fromEntries(
        ROLES.map((role) => [role, allowed.includes(role) ? 'allowed' : 'refused']),
      );
      expect(observed).toEqual(expected);
    },
  );

  it('refuses everything without a token', async () => {
    const result = await t.gql('query($id: ID!) { review(id: $id) { id } }', {
      id: fixture.review,
    });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
