import { GraphQLSchemaHost } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ACCOUNT_ROLES,
  Cell,
  cellFor,
  endpoints,
  PERMISSIONS_FILE,
  ReviewRoleColumn,
} from '../auth/permissions-table';
import { Role } from '../users/user.entity';
import { adminToken, createAccount, createReview, ok, PASSWORD } from '../testing/accounts';
import { insertSmallCorpus } from '../testing/corpus-fixtures';
import { finishedBatch, textPdf, uploadReports } from '../testing/report-files';
import { GraphqlResult, startTestApp, TEST_ADMIN, TestApp } from '../testing/test-app';

/** Who calls: an account role and a role on the fixture reviews ('none': not a member). */
const ACTORS = {
  admin: [Role.ADMIN, 'none'],
  lead: [Role.REVIEWER, 'LEAD_REVIEWER'],
  team: [Role.REVIEWER, 'REVIEW_TEAM'],
  caseGroup: [Role.REVIEWER, 'CASE_GROUP'],
  observer: [Role.REVIEWER, 'OBSERVER'],
  analystObserver: [Role.ANALYST, 'OBSERVER'],
  analyst: [Role.ANALYST, 'none'],
  trainer: [Role.TRAINER, 'none'],
  outsider: [Role.REVIEWER, 'none'],
} as const satisfies Record<string, readonly [Role, ReviewRoleColumn]>;
type Actor = keyof typeof ACTORS;
const ALL = Object.keys(ACTORS) as Actor[];

const EDITORS: Actor[] = ['admin', 'lead', 'team'];
const MEMBERS: Actor[] = ['admin', 'lead', 'team', 'caseGroup', 'observer', 'analystObserver'];
const REVIEW_MAKERS: Actor[] = ['admin', 'lead', 'team', 'caseGroup', 'observer', 'outsider'];
/** The national corpus: analysts, trainers and administrators, whatever their place on a review. */
const CORPUS_READERS: Actor[] = ['admin', 'analystObserver', 'analyst', 'trainer'];

interface Fixture {
  review: string;
  published: string;
  agency: string;
  person: string;
  event: string;
  otherEvent: string;
  episode: string;
  factor: string;
  finding: string;
  boardAction: string;
  question: string;
  conversation: string;
  collection: string;
  progressId: string;
  spare: string;
  /** every member of the fixture reviews but the lead, with their review role */
  members: [string, string][];
  leadId: string;
  /** a finding of the small published corpus (testing/corpus-fixtures.ts) */
  corpusFinding: string;
}

interface HttpResult {
  status: number;
}
type Result = GraphqlResult | HttpResult;
type Operation = (t: TestApp, token: string, f: Fixture, admin: string) => Promise<Result>;

interface Entry {
  /** as docs/permissions.md names it: `Query review`, `Mutation addMember`, `GET /health` */
  op: string;
  /** what else this entry checks, when an operation has several */
  variant?: string;
  /** which review (or collection) the call is about: decides "if published" and "own only" */
  on?: 'draft' | 'published' | 'own';
  run: Operation;
  allowed: Actor[];
  /**
   * false when the entry checks what the operation gives rather than whether it runs (a real
   * name, a list's content): it is then not compared with the declaration.
   */
  declared?: false;
}

/** The current version of one of the review's episodes or findings. */
async function version(
  t: TestApp,
  admin: string,
  reviewId: string,
  field: 'episodes' | 'findings',
  id: string,
): Promise<number> {
  const data = await ok<{ review: Record<string, { id: string; version: number }[]> }>(
    t,
    `query($id: ID!) { review(id: $id) { ${field} { id version } } }`,
    { id: reviewId },
    admin,
  );
  return data.review[field].find((x) => x.id === id)!.version;
}

/** The current version of a record of the fixture review, read by the administrator. */
async function recordVersion(
  t: TestApp,
  admin: string,
  reviewId: string,
  selection: string,
  id: string,
): Promise<number> {
  const data = await ok<{ review: unknown }>(
    t,
    `query($id: ID!) { review(id: $id) { ${selection} } }`,
    { id: reviewId },
    admin,
  );
  const found: { id: string; version: number }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.id === id && typeof record.version === 'number')
        found.push(record as { id: string; version: number });
      Object.values(record).forEach(walk);
    }
  };
  walk(data.review);
  return found[0].version;
}

/** An update at the record's current version, so only the caller's rights decide. */
const versionedUpdate =
  (mutation: string, selection: string, idOf: (f: Fixture) => string): Operation =>
  async (t, token, f, admin) => {
    const v = await recordVersion(t, admin, f.review, selection, idOf(f));
    return t.gql(mutation, { id: idOf(f), v }, token);
  };

/** A new person in the review, so that a relationship to them is new too. */
async function freshPerson(t: TestApp, admin: string, reviewId: string): Promise<string> {
  const { addPerson } = await ok<{ addPerson: { id: string } }>(
    t,
    'mutation($r: ID!) { addPerson(reviewId: $r, input: { name: "Dee Example", pseudonym: "Relative" }) { id } }',
    { r: reviewId },
    admin,
  );
  return addPerson.id;
}

/** A new account made by the administrator, for the account mutations to act on. */
async function freshAccount(t: TestApp, admin: string): Promise<{ id: string; version: number }> {
  const { createUser } = await ok<{ createUser: { id: string; version: number } }>(
    t,
    'mutation($e: String!) { createUser(input: { email: $e, password: "a long enough password", role: REVIEWER }) { id version } }',
    { e: `target-${suffix()}@test.local` },
    admin,
  );
  return createUser;
}

const gql =
  (query: string, vars: (f: Fixture, token: string) => Record<string, unknown> = () => ({})) =>
  (t: TestApp, token: string, f: Fixture) =>
    t.gql(query, vars(f, token), token);

const get =
  (path: (f: Fixture) => string): Operation =>
  async (t, token, f) =>
    t.http().get(path(f)).set('authorization', `Bearer ${token}`);

const suffix = () => Math.floor(Math.random() * 1e9).toString(36);

/** A new practice-issue set with one issue, made by the administrator. */
async function freshPracticeIssue(
  t: TestApp,
  admin: string,
): Promise<{ set: string; issue: string }> {
  const data = await ok<{ createPracticeIssue: { id: string; setId: string } }>(
    t,
    'mutation { createPracticeIssue(input: { title: "Not convening strategy discussions" }) { id setId } }',
    {},
    admin,
  );
  return { set: data.createPracticeIssue.setId, issue: data.createPracticeIssue.id };
}

/** Trainers and administrators write practice issues; analysts read them too. */
const PRACTICE_WRITERS: Actor[] = ['admin', 'trainer'];
const PRACTICE_READERS: Actor[] = ['admin', 'analystObserver', 'analyst', 'trainer'];
/** The report library: analysts and administrators bring reports in; trainers read them too. */
const REPORT_READERS: Actor[] = ['admin', 'analystObserver', 'analyst', 'trainer'];
const REPORT_IMPORTERS: Actor[] = ['admin', 'analystObserver', 'analyst'];
/** A report of the library, brought in once by the administrator for the entries that need one. */
let reportInLibrary: Promise<string> | undefined;

/** The role-matrix report, brought in once by the administrator; its page reads 'The role matrix report.' */
function matrixReport(t: TestApp, admin: string): Promise<string> {
  reportInLibrary ??= uploadReports(t, admin, [
    { name: 'matrix.pdf', data: textPdf([['The role matrix report.']]) },
  ]).then(
    async (upload) => (await finishedBatch(t, admin, upload.body.batchId!)).files[0].reportId!,
  );
  return reportInLibrary;
}

const CODE_PASSAGE = `mutation($reportId: ID!, $input: ReportCodeInput!) {
  codeReportPassage(reportId: $reportId, input: $input) { id version }
}`;
const MATRIX_CODE = {
  kind: 'CASE_CHARACTERISTICS',
  pageNumber: 1,
  startOffset: 4,
  endOffset: 15,
  quote: 'role matrix',
  themeKeys: ['neglect'],
};

/** A code on the matrix report: the caller's own when they may code, else the administrator's. */
async function codeOf(t: TestApp, token: string, admin: string): Promise<string> {
  const reportId = await matrixReport(t, admin);
  const own = await t.gql<{ codeReportPassage: { id: string } }>(
    CODE_PASSAGE,
    { reportId, input: MATRIX_CODE },
    token,
  );
  if (own.data?.codeReportPassage) return own.data.codeReportPassage.id;
  const byAdmin = await t.gql<{ codeReportPassage: { id: string } }>(
    CODE_PASSAGE,
    { reportId, input: MATRIX_CODE },
    admin,
  );
  return byAdmin.data!.codeReportPassage.id;
}

let bundleForImport: Record<string, unknown> | null = null;

let draftCollectionId: string | null = null;

/** A collection holding the fixture's draft review, made once by the administrator. */
async function draftCollection(t: TestApp, f: Fixture, admin: string): Promise<string> {
  if (draftCollectionId) return draftCollectionId;
  const { createCollection } = await ok<{ createCollection: { id: string } }>(
    t,
    'mutation { createCollection(input: { name: "Draft audit round" }) { id } }',
    {},
    admin,
  );
  await ok(
    t,
    'mutation($c: ID!, $r: [ID!]!) { addToCollection(collectionId: $c, reviewIds: $r) { id } }',
    { c: createCollection.id, r: [f.review] },
    admin,
  );
  draftCollectionId = createCollection.id;
  return draftCollectionId;
}

/**
 * Every query, mutation and route, and who may call it. A role is "allowed" when the answer
 * carries data and no FORBIDDEN or UNAUTHENTICATED error (GraphQL), or a 2xx status (REST).
 */
const MATRIX: Entry[] = [
  // --- queries ---------------------------------------------------------------------------------
  // --- the corpus ------------------------------------------------------------------------------
  {
    op: 'Query themePrevalence',
    run: gql('{ themePrevalence(kind: CASE_CHARACTERISTIC) { denominator } }'),
    allowed: CORPUS_READERS,
  },
  {
    op: 'Query themePrevalence',
    variant: 'live, a collection of the draft review',
    declared: false,
    run: async (t, token, f, admin) =>
      t.gql(
        'query($c: ID!) { themePrevalence(filter: { collectionId: $c, live: true }, kind: CASE_CHARACTERISTIC) { denominator } }',
        { c: await draftCollection(t, f, admin) },
        token,
      ),
    allowed: MEMBERS,
  },
  {
    op: 'GET /api/corpus/matrix.csv',
    variant: 'live, a collection of the draft review',
    declared: false,
    run: async (t, token, f, admin) =>
      t
        .http()
        .get(`/api/corpus/matrix.csv?live=true&collectionId=${await draftCollection(t, f, admin)}`)
        .set('authorization', `Bearer ${token}`),
    allowed: MEMBERS,
  },
  {
    op: 'Query categoryPrevalence',
    run: gql(
      '{ categoryPrevalence(filter: { effects: [SUPPORTS_GOOD_PRACTICE] }) { denominator } }',
    ),
    allowed: CORPUS_READERS,
  },
  {
    op: 'Query themeCooccurrence',
    run: gql('{ themeCooccurrence(themeKeys: ["neglect", "toxic-trio"]) { keys } }'),
    allowed: CORPUS_READERS,
  },
  {
    op: 'Query themeTrend',
    run: gql('{ themeTrend(keys: ["neglect", "TOOLS"], by: INCIDENT_YEAR) { year } }'),
    allowed: CORPUS_READERS,
  },
  {
    op: 'Query categoryTrend',
    run: gql('{ categoryTrend { year } }'),
    allowed: CORPUS_READERS,
  },
  {
    op: 'Query corpusReviews',
    run: gql('{ corpusReviews(filter: { themeKeys: ["neglect"] }) { totalCount } }'),
    allowed: CORPUS_READERS,
  },
  {
    op: 'Query corpusFindings',
    run: gql('{ corpusFindings(filter: { categories: [TOOLS] }) { totalCount } }'),
    allowed: CORPUS_READERS,
  },
  {
    op: 'Query searchFindings',
    run: gql('{ searchFindings(query: "escalation") { rank } }'),
    allowed: CORPUS_READERS,
  },
  {
    op: 'Query similarFindings',
    run: gql('query($id: ID!) { similarFindings(findingId: $id) { rank } }', (f) => ({
      id: f.corpusFinding,
    })),
    allowed: CORPUS_READERS,
  },
  {
    op: 'GET /api/corpus/matrix.csv',
    run: get(() => '/api/corpus/matrix.csv?themeKeys=neglect'),
    allowed: CORPUS_READERS,
  },
  {
    op: 'GET /api/corpus/matrix.xlsx',
    run: get(() => '/api/corpus/matrix.xlsx'),
    allowed: CORPUS_READERS,
  },
  { op: 'Query me', run: gql('{ me { id } }'), allowed: ALL },
  { op: 'Query users', run: gql('{ users { id } }'), allowed: ['admin'] },
  { op: 'Query themes', run: gql('{ themes(kind: PRACTICE_THEME) { key } }'), allowed: ALL },
  { op: 'Query reviews', run: gql('{ reviews { totalCount } }'), allowed: ALL },
  {
    op: 'Query reviews',
    variant: 'lists the review in progress',
    declared: false,
    run: async (t, token, f) => {
      const r = await t.gql<{ reviews: { edges: { node: { id: string } }[] } }>(
        '{ reviews(first: 100) { edges { node { id } } } }',
        {},
        token,
      );
      return { data: r.data?.reviews.edges.some((e) => e.node.id === f.review) ? r.data : null };
    },
    allowed: MEMBERS,
  },
  {
    op: 'Query review',
    variant: 'in progress',
    run: gql('query($id: ID!) { review(id: $id) { id title } }', (f) => ({ id: f.review })),
    allowed: MEMBERS,
  },
  {
    op: 'Query review',
    variant: 'published',
    on: 'published',
    run: gql(
      'query($id: ID!) { review(id: $id) { id events { totalCount } findings { title } } }',
      (f) => ({ id: f.published }),
    ),
    allowed: [...MEMBERS, 'analyst', 'trainer'],
  },
  {
    op: 'Query review',
    variant: 'a real name of the published review',
    declared: false,
    run: async (t, token, f) => {
      const r = await t.gql<{ review: { people: { name: string | null }[] } }>(
        'query($id: ID!) { review(id: $id) { people { name pseudonym } } }',
        { id: f.published },
        token,
      );
      return { data: r.data?.review?.people[0]?.name ? r.data : null, errors: r.errors };
    },
    allowed: ['admin', 'lead', 'team', 'caseGroup', 'observer'],
  },
  {
    op: 'Query review',
    variant: 'auditTrail',
    declared: false,
    run: gql('query($id: ID!) { review(id: $id) { auditTrail { totalCount } } }', (f) => ({
      id: f.review,
    })),
    allowed: ['admin', 'lead'],
  },
  { op: 'Query collections', run: gql('{ collections { id name } }'), allowed: ALL },
  {
    op: 'Query collection',
    run: gql('query($id: ID!) { collection(id: $id) { id } }', (f) => ({ id: f.collection })),
    allowed: ALL,
  },

  // --- the review and its members --------------------------------------------------------------
  {
    op: 'Mutation createReview',
    run: gql(
      'mutation($ref: String!) { createReview(input: { reference: $ref, title: "T", type: RAPID_REVIEW }) { id } }',
      () => ({ ref: `R-${suffix()}` }),
    ),
    allowed: REVIEW_MAKERS,
  },
  {
    op: 'Mutation updateReview',
    run: async (t, token, f, admin) => {
      const { review } = await ok<{ review: { version: number } }>(
        t,
        'query($id: ID!) { review(id: $id) { version } }',
        { id: f.review },
        admin,
      );
      return t.gql(
        'mutation($id: ID!, $v: Int!) { updateReview(id: $id, expectedVersion: $v, input: { summary: "edited" }) { version } }',
        { id: f.review, v: review.version },
        token,
      );
    },
    allowed: EDITORS,
  },
  {
    op: 'Mutation signOffAnalysis',
    run: gql('mutation($r: ID!) { signOffAnalysis(reviewId: $r) { id } }', (f) => ({
      r: f.review,
    })),
    allowed: ['admin', 'lead'],
  },
  {
    op: 'Mutation withdrawAnalysisSignOff',
    run: gql('mutation($r: ID!) { withdrawAnalysisSignOff(reviewId: $r) { id } }', (f) => ({
      r: f.review,
    })),
    allowed: ['admin', 'lead'],
  },
  {
    op: 'Mutation setCaseCharacteristics',
    run: gql(
      'mutation($r: ID!) { setCaseCharacteristics(reviewId: $r, themeKeys: ["neglect"]) { id } }',
      (f) => ({ r: f.review }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation addMember',
    run: gql(
      'mutation($r: ID!, $u: ID!) { addMember(reviewId: $r, userId: $u, role: OBSERVER) { id } }',
      (f) => ({ r: f.review, u: f.spare }),
    ),
    allowed: ['admin', 'lead'],
  },
  {
    op: 'Mutation removeMember',
    run: async (t, token, f, admin) => {
      await ok(
        t,
        'mutation($r: ID!, $u: ID!) { addMember(reviewId: $r, userId: $u, role: OBSERVER) { id } }',
        { r: f.review, u: f.spare },
        admin,
      );
      return t.gql(
        'mutation($r: ID!, $u: ID!) { removeMember(reviewId: $r, userId: $u) { id } }',
        { r: f.review, u: f.spare },
        token,
      );
    },
    allowed: ['admin', 'lead'],
  },

  // --- registers ---------------------------------------------------------------------------------
  {
    op: 'Mutation addAgency',
    run: gql(
      'mutation($r: ID!, $n: String!) { addAgency(reviewId: $r, input: { name: $n, sector: POLICE }) { id } }',
      (f) => ({ r: f.review, n: `Police ${suffix()}` }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation updateAgency',
    run: versionedUpdate(
      'mutation($id: ID!, $v: Int!) { updateAgency(id: $id, expectedVersion: $v, input: { name: "Health visiting", sector: HEALTH }) { id } }',
      'agencies { id version }',
      (f) => f.agency,
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation removeAgency',
    variant: 'dry run',
    run: gql('mutation($id: ID!) { removeAgency(id: $id, dryRun: true) { removed } }', (f) => ({
      id: f.agency,
    })),
    allowed: EDITORS,
  },
  {
    op: 'Mutation addPerson',
    run: gql(
      'mutation($r: ID!) { addPerson(reviewId: $r, input: { name: "Real Name", pseudonym: "Sibling" }) { id } }',
      (f) => ({ r: f.review }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation updatePerson',
    run: versionedUpdate(
      'mutation($id: ID!, $v: Int!) { updatePerson(id: $id, expectedVersion: $v, input: { pseudonym: "Mother" }) { id } }',
      'people { id version }',
      (f) => f.person,
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation removePerson',
    variant: 'dry run',
    run: gql('mutation($id: ID!) { removePerson(id: $id, dryRun: true) { removed } }', (f) => ({
      id: f.person,
    })),
    allowed: EDITORS,
  },
  {
    op: 'Mutation addRelationship',
    run: async (t, token, f, admin) =>
      t.gql(
        'mutation($r: ID!, $p: String!, $q: String!) { addRelationship(reviewId: $r, input: { fromPersonId: $p, toPersonId: $q, kind: LIVES_WITH }) { id } }',
        { r: f.review, p: f.person, q: await freshPerson(t, admin, f.review) },
        token,
      ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation removeRelationship',
    run: async (t, token, f, admin) => {
      const { addRelationship } = await ok<{ addRelationship: { id: string } }>(
        t,
        'mutation($r: ID!, $p: String!, $q: String!) { addRelationship(reviewId: $r, input: { fromPersonId: $p, toPersonId: $q, kind: SIBLING_OF }) { id } }',
        { r: f.review, p: f.person, q: await freshPerson(t, admin, f.review) },
        admin,
      );
      return t.gql(
        'mutation($id: ID!) { removeRelationship(id: $id) { removed } }',
        { id: addRelationship.id },
        token,
      );
    },
    allowed: EDITORS,
  },

  // --- practice issues ---------------------------------------------------------------------------
  {
    op: 'Query practiceIssueSets',
    run: gql('{ practiceIssueSets { id basis { reviewCount } } }'),
    allowed: PRACTICE_READERS,
  },
  {
    op: 'Query practiceIssueSet',
    run: async (t, token, _f, admin) => {
      const { set } = await freshPracticeIssue(t, admin);
      return t.gql('query($id: ID!) { practiceIssueSet(id: $id) { id } }', { id: set }, token);
    },
    allowed: PRACTICE_READERS,
  },
  {
    op: 'GET /api/practice-issues/:id/briefing.:format',
    run: async (t, token, _f, admin) => {
      const { issue } = await freshPracticeIssue(t, admin);
      return t
        .http()
        .get(`/api/practice-issues/${issue}/briefing.md`)
        .set('authorization', `Bearer ${token}`);
    },
    allowed: PRACTICE_READERS,
  },
  {
    op: 'GET /api/practice-issue-sets/:id/briefing.:format',
    run: async (t, token, _f, admin) => {
      const { set } = await freshPracticeIssue(t, admin);
      return t
        .http()
        .get(`/api/practice-issue-sets/${set}/briefing.md`)
        .set('authorization', `Bearer ${token}`);
    },
    allowed: PRACTICE_READERS,
  },
  {
    op: 'Query practiceIssues',
    run: gql('{ practiceIssues { id number } }'),
    allowed: PRACTICE_READERS,
  },
  {
    op: 'Query practiceIssue',
    run: async (t, token, _f, admin) => {
      const { issue } = await freshPracticeIssue(t, admin);
      return t.gql('query($id: ID!) { practiceIssue(id: $id) { id } }', { id: issue }, token);
    },
    allowed: PRACTICE_READERS,
  },
  {
    op: 'Mutation createPracticeIssueSet',
    run: gql('mutation { createPracticeIssueSet(input: { title: "Set" }) { id } }'),
    allowed: PRACTICE_WRITERS,
  },
  {
    op: 'Mutation updatePracticeIssueSet',
    run: async (t, token, _f, admin) => {
      const { set } = await freshPracticeIssue(t, admin);
      return t.gql(
        'mutation($id: ID!) { updatePracticeIssueSet(id: $id, expectedVersion: 1, input: { title: "Renamed" }) { id } }',
        { id: set },
        token,
      );
    },
    allowed: PRACTICE_WRITERS,
  },
  {
    op: 'Mutation removePracticeIssueSet',
    run: async (t, token, _f, admin) => {
      const { set } = await freshPracticeIssue(t, admin);
      return t.gql(
        'mutation($id: ID!) { removePracticeIssueSet(id: $id, dryRun: true) { removed } }',
        { id: set },
        token,
      );
    },
    allowed: PRACTICE_WRITERS,
  },
  {
    op: 'Mutation reorderPracticeIssues',
    run: async (t, token, _f, admin) => {
      const { set, issue } = await freshPracticeIssue(t, admin);
      return t.gql(
        'mutation($s: ID!, $i: ID!) { reorderPracticeIssues(setId: $s, issueIds: [$i]) { id } }',
        { s: set, i: issue },
        token,
      );
    },
    allowed: PRACTICE_WRITERS,
  },
  {
    op: 'Mutation createPracticeIssue',
    run: gql('mutation { createPracticeIssue(input: { title: "Issue" }) { id } }'),
    allowed: PRACTICE_WRITERS,
  },
  {
    op: 'Mutation updatePracticeIssue',
    run: async (t, token, _f, admin) => {
      const { issue } = await freshPracticeIssue(t, admin);
      return t.gql(
        'mutation($id: ID!) { updatePracticeIssue(id: $id, expectedVersion: 1, input: { title: "Renamed" }) { id } }',
        { id: issue },
        token,
      );
    },
    allowed: PRACTICE_WRITERS,
  },
  {
    op: 'Mutation removePracticeIssue',
    run: async (t, token, _f, admin) => {
      const { issue } = await freshPracticeIssue(t, admin);
      return t.gql(
        'mutation($id: ID!) { removePracticeIssue(id: $id, dryRun: true) { removed } }',
        { id: issue },
        token,
      );
    },
    allowed: PRACTICE_WRITERS,
  },
  {
    op: 'Mutation linkFindings',
    run: async (t, token, f, admin) => {
      const { issue } = await freshPracticeIssue(t, admin);
      return t.gql(
        'mutation($i: ID!, $f: ID!) { linkFindings(practiceIssueId: $i, findingIds: [$f]) { id } }',
        { i: issue, f: f.corpusFinding },
        token,
      );
    },
    allowed: PRACTICE_WRITERS,
  },
  {
    op: 'Mutation unlinkFindings',
    run: async (t, token, f, admin) => {
      const { issue } = await freshPracticeIssue(t, admin);
      return t.gql(
        'mutation($i: ID!, $f: ID!) { unlinkFindings(practiceIssueId: $i, findingIds: [$f]) { id } }',
        { i: issue, f: f.corpusFinding },
        token,
      );
    },
    allowed: PRACTICE_WRITERS,
  },

  // --- collections -------------------------------------------------------------------------------
  {
    op: 'Mutation createCollection',
    run: gql('mutation { createCollection(input: { name: "Audit round" }) { id } }'),
    allowed: ALL,
  },
  {
    op: 'Mutation addToCollection',
    variant: "an administrator's collection",
    run: gql(
      'mutation($c: ID!, $r: ID!) { addToCollection(collectionId: $c, reviewIds: [$r]) { id } }',
      (f) => ({ c: f.collection, r: f.published }),
    ),
    allowed: ['admin'],
  },
  {
    op: 'Mutation addToCollection',
    variant: 'their own collection',
    on: 'own',
    run: async (t, token) => {
      const own = await t.gql<{ createCollection: { id: string } }>(
        'mutation { createCollection(input: { name: "Mine" }) { id } }',
        {},
        token,
      );
      return t.gql(
        'mutation($c: ID!) { addToCollection(collectionId: $c, reviewIds: []) { id } }',
        { c: own.data?.createCollection.id },
        token,
      );
    },
    allowed: ALL,
  },
  {
    op: 'Mutation removeFromCollection',
    variant: "an administrator's collection",
    run: gql(
      'mutation($c: ID!, $r: ID!) { removeFromCollection(collectionId: $c, reviewIds: [$r]) { id } }',
      (f) => ({ c: f.collection, r: randomUUID() }),
    ),
    allowed: ['admin'],
  },
  {
    op: 'Mutation removeFromCollection',
    variant: 'their own collection',
    on: 'own',
    run: async (t, token) => {
      const own = await t.gql<{ createCollection: { id: string } }>(
        'mutation { createCollection(input: { name: "Mine" }) { id } }',
        {},
        token,
      );
      return t.gql(
        'mutation($c: ID!) { removeFromCollection(collectionId: $c, reviewIds: []) { id } }',
        { c: own.data?.createCollection.id },
        token,
      );
    },
    allowed: ALL,
  },

  // --- learning briefings -------------------------------------------------------------------------
  {
    op: 'Query reviewLearningBriefing',
    run: gql('query($r: ID!) { reviewLearningBriefing(reviewId: $r) { version } }', (f) => ({
      r: f.review,
    })),
    allowed: MEMBERS,
  },
  {
    op: 'Query reviewLearningBriefing',
    variant: 'published',
    on: 'published',
    run: gql('query($r: ID!) { reviewLearningBriefing(reviewId: $r) { version } }', (f) => ({
      r: f.published,
    })),
    allowed: [...MEMBERS, 'analyst', 'trainer'],
  },
  {
    op: 'Query collectionLearningBriefing',
    run: gql(
      'query($c: ID!) { collectionLearningBriefing(collectionId: $c) { emergingThemes { caseCount } } }',
      (f) => ({ c: f.collection }),
    ),
    allowed: ALL,
  },
  ...(['draft', 'published'] as const).map((on): Entry => ({
    op: 'Mutation updateReviewLearningBriefing',
    variant:
      on === 'published' ? 'published: the partnership writes it after publication' : undefined,
    on,
    run: async (t, token, f, admin) => {
      const r = on === 'published' ? f.published : f.review;
      const { reviewLearningBriefing } = await ok<{ reviewLearningBriefing: { version: number } }>(
        t,
        'query($r: ID!) { reviewLearningBriefing(reviewId: $r) { version } }',
        { r },
        admin,
      );
      return t.gql(
        `mutation($r: ID!, $v: Int!) { updateReviewLearningBriefing(reviewId: $r, expectedVersion: $v, input: {
            title: "Learning", background: "", methodology: "", goodPractice: [], keyFindings: ["A finding"],
            learningPoints: [], recommendations: [], messagesForManagers: [], messagesForPractitioners: [],
            furtherInformation: [] }) { version } }`,
        { r, v: reviewLearningBriefing.version },
        token,
      );
    },
    allowed: EDITORS,
  })),
  {
    op: 'Mutation updateCollectionLearningBriefing',
    variant: "an administrator's collection",
    run: async (t, token, f, admin) => {
      const { collectionLearningBriefing } = await ok<{
        collectionLearningBriefing: { version: number };
      }>(
        t,
        'query($c: ID!) { collectionLearningBriefing(collectionId: $c) { version } }',
        { c: f.collection },
        admin,
      );
      return t.gql(
        `mutation($c: ID!, $v: Int!) { updateCollectionLearningBriefing(collectionId: $c, expectedVersion: $v, input: {
          title: "Audit round", background: "", methodology: "", goodPractice: [], keyFindings: [],
          learningPoints: [], recommendations: [], messagesForManagers: ["Supervision"],
          messagesForPractitioners: [], furtherInformation: [] }) { version } }`,
        { c: f.collection, v: collectionLearningBriefing.version },
        token,
      );
    },
    allowed: ['admin'],
  },

  // --- chronology ----------------------------------------------------------------------------------
  {
    op: 'Query timelineEvent',
    run: gql('query($e: ID!) { timelineEvent(id: $e) { id people { id } } }', (f) => ({
      e: f.event,
    })),
    allowed: MEMBERS,
  },
  {
    op: 'Mutation addTimelineEvents',
    run: gql(
      'mutation($r: ID!) { addTimelineEvents(reviewId: $r, events: [{ occurredOn: "2022-04", title: "Home visit" }]) { id } }',
      (f) => ({ r: f.review }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation updateTimelineEvent',
    run: versionedUpdate(
      'mutation($id: ID!, $v: Int!) { updateTimelineEvent(id: $id, expectedVersion: $v, input: { title: "Referral" }) { id } }',
      'events(first: 100) { edges { node { id version } } }',
      (f) => f.event,
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation removeTimelineEvents',
    variant: 'dry run',
    run: gql(
      'mutation($r: ID!, $e: ID!) { removeTimelineEvents(reviewId: $r, ids: [$e], dryRun: true) { removed } }',
      (f) => ({ r: f.review, e: f.event }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation restoreTimelineEvents',
    run: async (t, token, f, admin) => {
      // An event the administrator adds and removes, for the caller to put back.
      const { addTimelineEvents } = await ok<{ addTimelineEvents: { id: string }[] }>(
        t,
        'mutation($r: ID!) { addTimelineEvents(reviewId: $r, events: [{ occurredOn: "2022-04", title: "Removed visit" }]) { id } }',
        { r: f.review },
        admin,
      );
      const e = addTimelineEvents[0].id;
      await ok(
        t,
        'mutation($r: ID!, $e: ID!) { removeTimelineEvents(reviewId: $r, ids: [$e]) { removed } }',
        { r: f.review, e },
        admin,
      );
      return t.gql(
        'mutation($r: ID!, $e: ID!) { restoreTimelineEvents(reviewId: $r, ids: [$e]) { id } }',
        { r: f.review, e },
        token,
      );
    },
    allowed: EDITORS,
  },
  {
    op: 'Mutation linkEvents',
    run: gql(
      'mutation($r: ID!, $a: ID!, $b: ID!) { linkEvents(reviewId: $r, eventIds: [$a, $b]) { id } }',
      (f) => ({ r: f.review, a: f.event, b: f.otherEvent }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation unlinkEvent',
    run: async (t, token, f, admin) => {
      await ok(
        t,
        'mutation($r: ID!, $a: ID!, $b: ID!) { linkEvents(reviewId: $r, eventIds: [$a, $b]) { id } }',
        { r: f.review, a: f.event, b: f.otherEvent },
        admin,
      );
      return t.gql('mutation($id: ID!) { unlinkEvent(id: $id) { id } }', { id: f.event }, token);
    },
    allowed: EDITORS,
  },
  {
    op: 'Mutation addComment',
    run: gql(
      'mutation($r: ID!, $e: ID!) { addComment(reviewId: $r, input: { eventId: $e, body: "We saw it differently." }) { id } }',
      (f) => ({ r: f.review, e: f.event }),
    ),
    allowed: [...EDITORS, 'caseGroup'],
  },
  {
    op: 'Mutation addComment',
    variant: 'on a finding',
    run: gql(
      'mutation($r: ID!, $n: ID!) { addComment(reviewId: $r, input: { findingId: $n, body: "The finding leaves out the GP." }) { id } }',
      (f) => ({ r: f.review, n: f.finding }),
    ),
    allowed: [...EDITORS, 'caseGroup'],
  },
  {
    op: 'Mutation resolveComment',
    run: async (t, token, f, admin) => {
      const { addComment } = await ok<{ addComment: { id: string } }>(
        t,
        'mutation($r: ID!, $n: ID!) { addComment(reviewId: $r, input: { findingId: $n, body: "To resolve." }) { id } }',
        { r: f.review, n: f.finding },
        admin,
      );
      return t.gql(
        'mutation($id: ID!) { resolveComment(id: $id) { resolvedAt } }',
        { id: addComment.id },
        token,
      );
    },
    allowed: ['admin', 'lead'],
  },

  // --- episodes and factors ----------------------------------------------------------------------
  {
    op: 'Mutation createEpisode',
    run: gql(
      'mutation($r: ID!, $e: ID!) { createEpisode(reviewId: $r, input: { title: "An episode", eventIds: [$e] }) { id } }',
      (f) => ({ r: f.review, e: f.event }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation updateEpisode',
    run: async (t, token, f, admin) =>
      t.gql(
        'mutation($id: ID!, $v: Int!) { updateEpisode(id: $id, expectedVersion: $v, input: { appraisal: ADEQUATE }) { version } }',
        { id: f.episode, v: await version(t, admin, f.review, 'episodes', f.episode) },
        token,
      ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation reorderEpisodes',
    run: async (t, token, f, admin) => {
      const { review } = await ok<{ review: { episodes: { id: string }[] } }>(
        t,
        'query($id: ID!) { review(id: $id) { episodes { id } } }',
        { id: f.review },
        admin,
      );
      return t.gql(
        'mutation($r: ID!, $ids: [ID!]!) { reorderEpisodes(reviewId: $r, episodeIds: $ids) { id } }',
        { r: f.review, ids: review.episodes.map((e) => e.id) },
        token,
      );
    },
    allowed: EDITORS,
  },
  {
    op: 'Mutation removeEpisode',
    variant: 'dry run',
    run: gql('mutation($id: ID!) { removeEpisode(id: $id, dryRun: true) { removed } }', (f) => ({
      id: f.episode,
    })),
    allowed: EDITORS,
  },
  {
    op: 'Mutation addContributoryFactor',
    run: gql(
      'mutation($e: ID!) { addContributoryFactor(episodeId: $e, input: { level: ROLE, description: "Unclear role" }) { id } }',
      (f) => ({ e: f.episode }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation updateContributoryFactor',
    run: versionedUpdate(
      'mutation($id: ID!, $v: Int!) { updateContributoryFactor(id: $id, expectedVersion: $v, input: { description: "Workload" }) { id } }',
      'episodes { factors { id version } }',
      (f) => f.factor,
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation removeContributoryFactor',
    variant: 'dry run',
    run: gql(
      'mutation($id: ID!) { removeContributoryFactor(id: $id, dryRun: true) { removed } }',
      (f) => ({ id: f.factor }),
    ),
    allowed: EDITORS,
  },

  // --- findings and board actions ----------------------------------------------------------------
  {
    op: 'Mutation createFinding',
    run: gql(
      'mutation($r: ID!) { createFinding(reviewId: $r, input: { title: "A pattern", category: TOOLS, effect: MAKES_PROBLEMS_MORE_LIKELY }) { id } }',
      (f) => ({ r: f.review }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation updateFinding',
    run: async (t, token, f, admin) =>
      t.gql(
        'mutation($id: ID!, $v: Int!) { updateFinding(id: $id, expectedVersion: $v, input: { title: "Pattern", category: TOOLS }) { version } }',
        { id: f.finding, v: await version(t, admin, f.review, 'findings', f.finding) },
        token,
      ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation reorderFindings',
    run: async (t, token, f, admin) => {
      const { review } = await ok<{ review: { findings: { id: string }[] } }>(
        t,
        'query($id: ID!) { review(id: $id) { findings { id } } }',
        { id: f.review },
        admin,
      );
      return t.gql(
        'mutation($r: ID!, $ids: [ID!]!) { reorderFindings(reviewId: $r, findingIds: $ids) { id } }',
        { r: f.review, ids: review.findings.map((x) => x.id) },
        token,
      );
    },
    allowed: EDITORS,
  },
  {
    op: 'Mutation removeFinding',
    variant: 'dry run',
    run: gql('mutation($id: ID!) { removeFinding(id: $id, dryRun: true) { removed } }', (f) => ({
      id: f.finding,
    })),
    allowed: EDITORS,
  },
  {
    op: 'Mutation addBoardAction',
    run: gql(
      'mutation($f: ID!) { addBoardAction(findingId: $f, input: { description: "Act" }) { id } }',
      (f) => ({ f: f.finding }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation updateBoardAction',
    run: versionedUpdate(
      'mutation($id: ID!, $v: Int!) { updateBoardAction(id: $id, expectedVersion: $v, input: { description: "Act now" }) { id } }',
      'findings { boardActions { id version } }',
      (f) => f.boardAction,
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation removeBoardAction',
    run: async (t, token, f, admin) => {
      const { addBoardAction } = await ok<{ addBoardAction: { id: string } }>(
        t,
        'mutation($f: ID!) { addBoardAction(findingId: $f, input: { description: "Spare" }) { id } }',
        { f: f.finding },
        admin,
      );
      return t.gql(
        'mutation($id: ID!) { removeBoardAction(id: $id) { removed } }',
        { id: addBoardAction.id },
        token,
      );
    },
    allowed: EDITORS,
  },
  {
    op: 'Mutation addReviewQuestion',
    run: gql(
      'mutation($r: ID!) { addReviewQuestion(reviewId: $r, input: { text: "What helped?" }) { id } }',
      (f) => ({ r: f.review }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation updateReviewQuestion',
    run: versionedUpdate(
      'mutation($id: ID!, $v: Int!) { updateReviewQuestion(id: $id, expectedVersion: $v, input: { text: "What got in the way?" }) { id } }',
      'questions { id version }',
      (f) => f.question,
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation reorderReviewQuestions',
    run: async (t, token, f, admin) => {
      const { review } = await ok<{ review: { questions: { id: string }[] } }>(
        t,
        'query($id: ID!) { review(id: $id) { questions { id } } }',
        { id: f.review },
        admin,
      );
      return t.gql(
        'mutation($r: ID!, $ids: [ID!]!) { reorderReviewQuestions(reviewId: $r, questionIds: $ids) { id } }',
        { r: f.review, ids: review.questions.map((x) => x.id) },
        token,
      );
    },
    allowed: EDITORS,
  },
  {
    op: 'Mutation removeReviewQuestion',
    variant: 'dry run',
    run: gql(
      'mutation($id: ID!) { removeReviewQuestion(id: $id, dryRun: true) { removed } }',
      (f) => ({ id: f.question }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation addReviewConversation',
    run: gql(
      'mutation($r: ID!) { addReviewConversation(reviewId: $r, input: { kind: FAMILY, format: WRITTEN }) { id } }',
      (f) => ({ r: f.review }),
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation updateReviewConversation',
    run: versionedUpdate(
      'mutation($id: ID!, $v: Int!) { updateReviewConversation(id: $id, expectedVersion: $v, input: { notes: "More" }) { id } }',
      'conversations { id version }',
      (f) => f.conversation,
    ),
    allowed: EDITORS,
  },
  {
    op: 'Mutation removeReviewConversation',
    run: async (t, token, f, admin) => {
      const { addReviewConversation } = await ok<{ addReviewConversation: { id: string } }>(
        t,
        'mutation($r: ID!) { addReviewConversation(reviewId: $r, input: { kind: PRACTITIONERS, format: WRITTEN }) { id } }',
        { r: f.review },
        admin,
      );
      return t.gql(
        'mutation($id: ID!) { removeReviewConversation(id: $id) { removed } }',
        { id: addReviewConversation.id },
        token,
      );
    },
    allowed: EDITORS,
  },

  // --- administration ----------------------------------------------------------------------------
  {
    op: 'Mutation createTheme',
    run: gql(
      'mutation($k: String!) { createTheme(input: { key: $k, label: "New", kind: PRACTICE_THEME }) { key } }',
      () => ({ k: `theme-${suffix()}` }),
    ),
    allowed: ['admin'],
  },
  {
    op: 'Mutation createUser',
    run: gql(
      'mutation($e: String!) { createUser(input: { email: $e, password: "a long enough password", role: ANALYST }) { id } }',
      () => ({ e: `u${suffix()}@test.local` }),
    ),
    allowed: ['admin'],
  },
  {
    op: 'Mutation signOut',
    // A second session of the caller's own account is signed out, so the caller's token lives on.
    run: async (t, token) => {
      const me = await t.gql<{ me: { email: string } }>('{ me { email } }', {}, token);
      const email = me.data!.me.email;
      const second = await t.login(
        email,
        email === TEST_ADMIN.email ? TEST_ADMIN.password : PASSWORD,
      );
      return t.gql('mutation { signOut }', {}, second);
    },
    allowed: ALL,
  },
  {
    op: 'Query generalAuditTrail',
    run: gql('{ generalAuditTrail(first: 5) { totalCount } }'),
    allowed: ['admin'],
  },
  {
    op: 'Query findAccounts',
    run: gql('query($r: ID!) { findAccounts(search: "spare", reviewId: $r) { id } }', (f) => ({
      r: f.review,
    })),
    allowed: ['admin', 'lead'],
  },
  {
    op: 'Mutation changeUserRole',
    run: async (t, token, _f, admin) => {
      const target = await freshAccount(t, admin);
      return t.gql(
        'mutation($id: ID!, $v: Int!) { changeUserRole(id: $id, expectedVersion: $v, role: TRAINER) { id } }',
        { id: target.id, v: target.version },
        token,
      );
    },
    allowed: ['admin'],
  },
  {
    op: 'Mutation deactivateUser',
    run: async (t, token, _f, admin) => {
      const target = await freshAccount(t, admin);
      return t.gql(
        'mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, expectedVersion: $v) { id } }',
        { id: target.id, v: target.version },
        token,
      );
    },
    allowed: ['admin'],
  },
  {
    op: 'Mutation reactivateUser',
    run: async (t, token, _f, admin) => {
      const target = await freshAccount(t, admin);
      const { deactivateUser } = await ok<{ deactivateUser: { version: number } }>(
        t,
        'mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, expectedVersion: $v) { version } }',
        { id: target.id, v: target.version },
        admin,
      );
      return t.gql(
        'mutation($id: ID!, $v: Int!) { reactivateUser(id: $id, expectedVersion: $v) { id } }',
        { id: target.id, v: deactivateUser.version },
        token,
      );
    },
    allowed: ['admin'],
  },
  {
    op: 'Mutation resetUserPassword',
    run: async (t, token, _f, admin) => {
      const target = await freshAccount(t, admin);
      return t.gql(
        'mutation($id: ID!, $v: Int!) { resetUserPassword(id: $id, expectedVersion: $v) { generatedPassword } }',
        { id: target.id, v: target.version },
        token,
      );
    },
    allowed: ['admin'],
  },
  {
    op: 'Mutation login',
    run: (t) =>
      t.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: 'spare@test.local',
        p: 'a long enough password',
      }),
    allowed: ALL,
  },

  // --- routes ------------------------------------------------------------------------------------
  { op: 'GET /health', run: (t) => t.http().get('/health'), allowed: ALL },
  {
    op: 'POST /api/auth/refresh',
    // Without a refresh cookie there is nothing to restore: 204, whoever asks.
    run: (t) => t.http().post('/api/auth/refresh'),
    allowed: ALL,
  },
  {
    op: 'GET /api/reviews/:id/bundle.json',
    run: get((f) => `/api/reviews/${f.review}/bundle.json`),
    allowed: MEMBERS,
  },
  {
    op: 'GET /api/reviews/:id/bundle.json',
    variant: 'with real names',
    declared: false,
    run: get((f) => `/api/reviews/${f.review}/bundle.json?names=real`),
    allowed: ['admin', 'lead'],
  },
  {
    op: 'POST /api/reviews/bundle',
    run: async (t, token, f, admin) => {
      bundleForImport ??= (
        await t
          .http()
          .get(`/api/reviews/${f.published}/bundle.json`)
          .set('authorization', `Bearer ${admin}`)
      ).body;
      const bundle = bundleForImport as { review: Record<string, unknown> };
      return t
        .http()
        .post('/api/reviews/bundle')
        .set('authorization', `Bearer ${token}`)
        .send({ ...bundle, review: { ...bundle.review, reference: `B-${suffix()}` } });
    },
    allowed: REVIEW_MAKERS,
  },
  {
    op: 'Query publicationProblems',
    run: gql('query($r: ID!) { publicationProblems(reviewId: $r) { kind } }', (f) => ({
      r: f.review,
    })),
    allowed: EDITORS,
  },
  {
    op: 'Mutation publishReview',
    variant: 'refused for its problems, nothing written',
    run: gql('mutation($id: ID!) { publishReview(id: $id) { published } }', (f) => ({
      id: f.review,
    })),
    allowed: EDITORS,
  },
  {
    op: 'Mutation publishReview',
    variant: 'despite problems, with a reason',
    declared: false,
    run: async (t, token, f, admin) => {
      const id = (await createReview(t, admin, `OVR-${randomUUID().slice(0, 8)}`)).id;
      for (const [userId, role] of [[f.leadId, 'LEAD_REVIEWER'], ...f.members])
        await ok(
          t,
          'mutation($r: ID!, $u: ID!, $role: ReviewRole!) { addMember(reviewId: $r, userId: $u, role: $role) { id } }',
          { r: id, u: userId, role },
          admin,
        );
      return t.gql(
        'mutation($id: ID!) { publishReview(id: $id, overrideReason: "Agreed by the panel") { published } }',
        { id },
        token,
      );
    },
    allowed: ['admin', 'lead'],
  },
  {
    op: 'Mutation reopenReview',
    run: async (t, token, f, admin) =>
      t.gql(
        'mutation($id: ID!) { reopenReview(id: $id, reason: "A correction") { status } }',
        { id: await freshPublished(t, f, admin) },
        token,
      ),
    allowed: ['admin', 'lead'],
  },
  {
    op: 'Mutation withdrawReview',
    run: async (t, token, f, admin) =>
      t.gql(
        'mutation($id: ID!) { withdrawReview(id: $id, reason: "The family objected") { status } }',
        { id: await freshPublished(t, f, admin) },
        token,
      ),
    allowed: ['admin'],
  },
  {
    op: 'GET /api/reviews/:id/timeline.csv',
    run: get((f) => `/api/reviews/${f.review}/timeline.csv`),
    allowed: MEMBERS,
  },
  {
    op: 'GET /api/reviews/:id/kpe-table.csv',
    run: get((f) => `/api/reviews/${f.review}/kpe-table.csv`),
    allowed: MEMBERS,
  },
  {
    op: 'GET /api/reviews/:id/report.:format',
    run: get((f) => `/api/reviews/${f.review}/report.md`),
    allowed: MEMBERS,
  },
  {
    op: 'GET /api/reviews/:id/briefing.:format',
    run: get((f) => `/api/reviews/${f.review}/briefing.md`),
    allowed: MEMBERS,
  },
  {
    op: 'GET /api/collections/:id/briefing.:format',
    run: get((f) => `/api/collections/${f.collection}/briefing.md`),
    allowed: ALL,
  },
  {
    op: 'GET /api/reviews/:id/timeline.xlsx',
    run: get((f) => `/api/reviews/${f.review}/timeline.xlsx`),
    allowed: MEMBERS,
  },
  {
    op: 'POST /api/reviews/:id/chronology',
    variant: 'dry run',
    run: (t, token, f) =>
      t
        .http()
        .post(`/api/reviews/${f.review}/chronology`)
        .set('authorization', `Bearer ${token}`)
        .field('dryRun', 'true')
        .field('agencyId', f.agency)
        .attach('file', Buffer.from('Date,Entry\r\n03/04/2014,Home visit\r\n'), 'visits.csv'),
    allowed: EDITORS,
  },
  {
    op: 'GET /api/reviews/:id/chronology/progress/:progressId',
    run: get((f) => `/api/reviews/${f.review}/chronology/progress/${f.progressId}`),
    allowed: EDITORS,
  },
  // --- report library ----------------------------------------------------------------------------
  {
    op: 'Query reports',
    run: gql('{ reports(first: 5) { totalCount edges { node { id title } } } }'),
    allowed: REPORT_READERS,
  },
  {
    op: 'Query report',
    run: async (t, token, _f, admin) =>
      t.gql(
        'query($id: ID!) { report(id: $id) { id } }',
        { id: await libraryReport(t, admin) },
        token,
      ),
    allowed: REPORT_READERS,
  },
  {
    op: 'POST /api/reports',
    run: (t, token) =>
      t
        .http()
        .post('/api/reports')
        .set('authorization', `Bearer ${token}`)
        .attach('file', textPdf([[`Report ${suffix()}`]]), 'report.pdf'),
    allowed: REPORT_IMPORTERS,
  },
  {
    op: 'GET /api/reports/batches/:batchId',
    run: async (t, token, _f, admin) => {
      const upload = await uploadReports(t, admin, [{ name: 'empty.pdf', data: Buffer.alloc(0) }]);
      return t
        .http()
        .get(`/api/reports/batches/${upload.body.batchId}`)
        .set('authorization', `Bearer ${token}`);
    },
    allowed: REPORT_IMPORTERS,
  },
  {
    op: 'Mutation codeReportPassage',
    run: async (t, token, _f, admin) =>
      t.gql(CODE_PASSAGE, { reportId: await matrixReport(t, admin), input: MATRIX_CODE }, token),
    allowed: REPORT_IMPORTERS,
  },
  {
    op: 'Mutation updateReportCode',
    run: async (t, token, _f, admin) =>
      t.gql(
        `mutation($id: ID!, $input: ReportCodeInput!) {
          updateReportCode(id: $id, expectedVersion: 1, input: $input) { id }
        }`,
        { id: await codeOf(t, token, admin), input: MATRIX_CODE },
        token,
      ),
    allowed: REPORT_IMPORTERS,
  },
  {
    op: 'Mutation removeReportCode',
    run: async (t, token, _f, admin) =>
      t.gql(
        'mutation($id: ID!) { removeReportCode(id: $id) { id } }',
        { id: await codeOf(t, token, admin) },
        token,
      ),
    allowed: REPORT_IMPORTERS,
  },
  {
    op: 'Mutation restoreReportCode',
    run: async (t, token, _f, admin) => {
      const id = await codeOf(t, token, admin);
      await t.gql('mutation($id: ID!) { removeReportCode(id: $id) { id } }', { id }, admin);
      return t.gql('mutation($id: ID!) { restoreReportCode(id: $id) { id } }', { id }, token);
    },
    allowed: REPORT_IMPORTERS,
  },
  {
    op: 'Mutation markReportCoded',
    run: async (t, token, _f, admin) =>
      t.gql(
        'mutation($id: ID!) { markReportCoded(reportId: $id) { id } }',
        { id: await matrixReport(t, admin) },
        token,
      ),
    allowed: REPORT_IMPORTERS,
  },
  {
    op: 'Mutation unmarkReportCoded',
    run: async (t, token, _f, admin) =>
      t.gql(
        'mutation($id: ID!) { unmarkReportCoded(reportId: $id) { id } }',
        { id: await matrixReport(t, admin) },
        token,
      ),
    allowed: REPORT_IMPORTERS,
  },
  {
    op: 'Query codingComparison',
    run: async (t, token, f, admin) =>
      t.gql(
        `query($id: ID!, $a: ID!) {
          codingComparison(reportId: $id, userA: $a, userB: $a) { characters }
        }`,
        { id: await matrixReport(t, admin), a: f.leadId },
        token,
      ),
    allowed: REPORT_READERS,
  },
  {
    op: 'Query searchReports',
    run: gql('{ searchReports(query: "matrix", first: 5) { page snippet report { id } } }'),
    allowed: REPORT_READERS,
  },
  {
    op: 'GET /api/reports/:id/file',
    run: async (t, token, _f, admin) =>
      t
        .http()
        .get(`/api/reports/${await libraryReport(t, admin)}/file`)
        .set('authorization', `Bearer ${token}`),
    allowed: REPORT_READERS,
  },
  {
    op: 'Mutation withdrawReport',
    run: async (t, token, _f, admin) => {
      const upload = await uploadReports(t, admin, [
        { name: 'withdrawn.pdf', data: textPdf([[`Report to withdraw ${suffix()}`]]) },
      ]);
      const id = (await finishedBatch(t, admin, upload.body.batchId!)).files[0].reportId!;
      return t.gql(
        'mutation($id: ID!) { withdrawReport(id: $id, reason: "Names the child") { id } }',
        { id },
        token,
      );
    },
    allowed: ['admin'],
  },
];

/** The report of the library the entries read, brought in once by the administrator. */
function libraryReport(t: TestApp, admin: string): Promise<string> {
  reportInLibrary ??= uploadReports(t, admin, [
    { name: 'matrix.pdf', data: textPdf([['The role matrix report.']]) },
  ]).then(
    async (upload) => (await finishedBatch(t, admin, upload.body.batchId!)).files[0].reportId!,
  );
  return reportInLibrary;
}

function outcome(result: Result): 'allowed' | 'refused' {
  if ('status' in result && typeof result.status === 'number' && !('data' in result)) {
    if (result.status >= 200 && result.status < 300) return 'allowed';
    if (result.status === 401 || result.status === 403) return 'refused';
    throw new Error(`unexpected status ${result.status}: ${JSON.stringify(result)}`);
  }
  const gqlResult = result as GraphqlResult;
  const codes = (gqlResult.errors ?? []).map((e) => e.extensions?.code);
  if (codes.includes('FORBIDDEN') || codes.includes('UNAUTHENTICATED')) return 'refused';
  if (gqlResult.errors?.length)
    throw new Error(`unexpected errors: ${JSON.stringify(gqlResult.errors)}`);
  const values = Object.values(gqlResult.data ?? {});
  return values.length > 0 && values.every((v) => v !== null) ? 'allowed' : 'refused';
}

/** Whether a cell of docs/permissions.md lets the call through, for a call about `on`. */
function letsThrough(cell: Cell, on: Entry['on'] = 'draft'): boolean {
  if (cell === 'if published') return on === 'published';
  if (cell === 'own only') return on === 'own';
  return cell === 'yes';
}

/**
 * A fresh review with the fixture reviews' members (the lead as a second lead reviewer), published
 * by the administrator despite its problems: for operations that change a published review.
 */
async function freshPublished(t: TestApp, f: Fixture, admin: string): Promise<string> {
  const id = (await createReview(t, admin, `PUB-${randomUUID().slice(0, 8)}`)).id;
  for (const [userId, role] of [[f.leadId, 'LEAD_REVIEWER'], ...f.members])
    await ok(
      t,
      'mutation($r: ID!, $u: ID!, $role: ReviewRole!) { addMember(reviewId: $r, userId: $u, role: $role) { id } }',
      { r: id, u: userId, role },
      admin,
    );
  await ok(
    t,
    'mutation($id: ID!) { publishReview(id: $id, overrideReason: "A fixture, published to test who may change it") { published } }',
    { id },
    admin,
  );
  return id;
}

const entryName = (e: Entry) => (e.variant ? `${e.op} (${e.variant})` : e.op);

describe('who may do what, for every role and every operation', () => {
  let t: TestApp;
  let admin: string;
  const tokens = {} as Record<Actor, string>;
  let fixture: Fixture;

  beforeAll(async () => {
    t = await startTestApp({ SCR_LOGIN_RATE_LIMIT: '1000' });
    admin = await adminToken(t);
    tokens.admin = admin;
    const ids = {} as Record<Actor, string>;
    for (const actor of ALL.filter((a) => a !== 'admin')) {
      const account = await createAccount(
        t,
        admin,
        `${actor.toLowerCase()}@test.local`,
        ACTORS[actor][0],
      );
      tokens[actor] = account.token;
      ids[actor] = account.id;
    }
    const spare = await createAccount(t, admin, 'spare@test.local', 'REVIEWER');
    const lead = tokens.lead;
    const review = (await createReview(t, lead, 'MATRIX-1')).id;
    const published = (await createReview(t, lead, 'MATRIX-PUB')).id;
    for (const reviewId of [review, published]) {
      for (const actor of ALL) {
        const [, reviewRole] = ACTORS[actor];
        if (reviewRole === 'none' || reviewRole === 'LEAD_REVIEWER') continue;
        await ok(
          t,
          'mutation($r: ID!, $u: ID!, $role: ReviewRole!) { addMember(reviewId: $r, userId: $u, role: $role) { id } }',
          { r: reviewId, u: ids[actor], role: reviewRole },
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
      'mutation($id: ID!) { publishReview(id: $id, overrideReason: "A fixture, published to test who reads it") { published } }',
      { id: published },
      lead,
    );
    const one = async <T>(query: string, vars: Record<string, unknown>): Promise<T> =>
      Object.values(await ok<Record<string, T>>(t, query, vars, lead))[0];
    const agency = (
      await one<{ id: string }>(
        'mutation($r: ID!) { addAgency(reviewId: $r, input: { name: "Health visiting", sector: HEALTH }) { id } }',
        { r: review },
      )
    ).id;
    const person = (
      await one<{ id: string }>(
        'mutation($r: ID!) { addPerson(reviewId: $r, input: { name: "Bea Example", pseudonym: "Mother" }) { id } }',
        { r: review },
      )
    ).id;
    const [event, otherEvent] = (
      await one<{ id: string }[]>(
        'mutation($r: ID!, $a: ID!) { addTimelineEvents(reviewId: $r, events: [{ occurredOn: "2022-03-01", title: "Referral", agencyId: $a }, { occurredOn: "2022-03-01", title: "Referral received" }]) { id } }',
        { r: review, a: agency },
      )
    ).map((e) => e.id);
    const episode = (
      await one<{ id: string }>(
        'mutation($r: ID!) { createEpisode(reviewId: $r, input: { title: "The referral" }) { id } }',
        { r: review },
      )
    ).id;
    const factor = (
      await one<{ id: string }>(
        'mutation($e: ID!) { addContributoryFactor(episodeId: $e, input: { level: ROLE, description: "Cover" }) { id } }',
        { e: episode },
      )
    ).id;
    const finding = (
      await one<{ id: string }>(
        'mutation($r: ID!) { createFinding(reviewId: $r, input: { title: "Referrals", category: INCIDENTS_AND_CRISES, effect: MAKES_PROBLEMS_MORE_LIKELY }) { id } }',
        { r: review },
      )
    ).id;
    const boardAction = (
      await one<{ id: string }>(
        'mutation($f: ID!) { addBoardAction(findingId: $f, input: { description: "Audit" }) { id } }',
        { f: finding },
      )
    ).id;
    const question = (
      await one<{ id: string }>(
        'mutation($r: ID!) { addReviewQuestion(reviewId: $r, input: { text: "How well was information shared?" }) { id } }',
        { r: review },
      )
    ).id;
    const conversation = (
      await one<{ id: string }>(
        'mutation($r: ID!) { addReviewConversation(reviewId: $r, input: { kind: PRACTITIONERS, format: GROUP_LEARNING_EVENT }) { id } }',
        { r: review },
      )
    ).id;
    const collection = (
      await ok<{ createCollection: { id: string } }>(
        t,
        'mutation { createCollection(input: { name: "Administrators\' round" }) { id } }',
        {},
        admin,
      )
    ).createCollection.id;
    const progressId = randomUUID();
    const started = await t
      .http()
      .post(`/api/reviews/${review}/chronology`)
      .set('authorization', `Bearer ${admin}`)
      .field('dryRun', 'true')
      .field('agencyId', agency)
      .field('progressId', progressId)
      .attach('file', Buffer.from('Date,Entry\r\n03/04/2014,Home visit\r\n'), 'visits.csv');
    expect(started.status).toBe(200);
    fixture = {
      review,
      published,
      agency,
      person,
      event,
      otherEvent,
      episode,
      factor,
      finding,
      boardAction,
      question,
      conversation,
      collection,
      progressId,
      spare: spare.id,
      members: ALL.flatMap((actor): [string, string][] => {
        const [, reviewRole] = ACTORS[actor];
        return reviewRole === 'none' || reviewRole === 'LEAD_REVIEWER'
          ? []
          : [[ids[actor], reviewRole]];
      }),
      leadId: ids.lead,
      corpusFinding: (await insertSmallCorpus(t)).get('CR-01')!.findingIds[1][0],
    };
  });
  afterAll(() => t.close());

  it.each(MATRIX.map((entry) => [entryName(entry), entry] as const))('%s', async (_name, entry) => {
    const observed: Record<string, string> = {};
    for (const actor of ALL)
      observed[actor] = outcome(await entry.run(t, tokens[actor], fixture, admin));
    const expected = Object.fromEntries(
      ALL.map((actor) => [actor, entry.allowed.includes(actor) ? 'allowed' : 'refused']),
    );
    expect(observed).toEqual(expected);
  });

  it('covers every query, mutation and route the running server has', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fromSchema = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `Query ${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation ${name}`),
    ];
    const express = t.app.getHttpAdapter().getInstance() as {
      router?: { stack: Layer[] };
      _router?: { stack: Layer[] };
    };
    interface Layer {
      route?: { path: string; methods: Record<string, boolean> };
    }
    const fromRoutes = (express.router ?? express._router)!.stack
      // The framework's own catch-all (its 404) and Apollo's endpoint are not routes of ours.
      .filter((layer) => layer.route && !['/graphql', '{/*splat}'].includes(layer.route.path))
      .flatMap((layer) =>
        Object.keys(layer.route!.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${layer.route!.path}`),
      );
    const declared = endpoints().map((e) => e.operation);
    const running = [...new Set([...fromSchema, ...fromRoutes])].sort();
    // Every operation the server answers is declared (and so in docs/permissions.md) ...
    expect(running.filter((op) => !declared.includes(op))).toEqual([]);
    expect(declared.filter((op) => !running.includes(op))).toEqual([]);
    // ... and has an entry here that checks its declaration.
    const checked = new Set(MATRIX.filter((e) => e.declared !== false).map((e) => e.op));
    expect(running.filter((op) => !checked.has(op))).toEqual([]);
  });

  it('expects what docs/permissions.md says, for every entry that checks a declaration', () => {
    const table = readFileSync(PERMISSIONS_FILE, 'utf8');
    const disagreements: string[] = [];
    for (const entry of MATRIX.filter((e) => e.declared !== false)) {
      const endpoint = endpoints().find((e) => e.operation === entry.op);
      if (!endpoint) {
        disagreements.push(`${entryName(entry)}: not a declared operation`);
        continue;
      }
      expect(table).toContain(`\`${entry.op}\``);
      for (const actor of ALL) {
        const [accountRole, reviewRole] = ACTORS[actor];
        const cell = cellFor(endpoint.policies[0], accountRole, reviewRole);
        if (letsThrough(cell, entry.on) !== entry.allowed.includes(actor))
          disagreements.push(
            `${entryName(entry)}: ${actor} (${accountRole}, ${reviewRole}) is "${cell}" in the table but ${entry.allowed.includes(actor) ? 'allowed' : 'refused'} here`,
          );
      }
    }
    expect(disagreements).toEqual([]);
    expect(ACCOUNT_ROLES).toEqual(
      expect.arrayContaining([...new Set(Object.values(ACTORS).map(([role]) => role))]),
    );
  });

  it('refuses everything but public operations without a token', async () => {
    const result = await t.gql('query($id: ID!) { review(id: $id) { id } }', {
      id: fixture.review,
    });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const route = await t.http().get(`/api/reviews/${fixture.review}/timeline.csv`);
    expect(route.status).toBe(401);
  });
});
