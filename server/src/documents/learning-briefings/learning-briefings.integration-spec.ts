import { adminToken, createAccount, createReview, ok } from '../../testing/accounts';
import { docxParts, docxText, pdfPages } from '../../testing/documents';
import { startTestApp, TestApp } from '../../testing/test-app';

const FIELDS = `id version editable title background keyFindings recommendations
  messagesForManagers
  emergingThemes { caseCount casesWithoutCharacteristics message reviewTypes periodStart periodEnd
    rows { key count percent sentence } }
  anonymisationWarnings { field excerpt kind }
  document`;
const REVIEW_BRIEFING = `query($r: ID!) { reviewLearningBriefing(reviewId: $r) { ${FIELDS} } }`;
const COLLECTION_BRIEFING = `query($c: ID!) { collectionLearningBriefing(collectionId: $c) { ${FIELDS} } }`;
const SAVE_REVIEW = `mutation($r: ID!, $v: Int!, $i: LearningBriefingInput!) {
  updateReviewLearningBriefing(reviewId: $r, expectedVersion: $v, input: $i) { ${FIELDS} } }`;
const SAVE_COLLECTION = `mutation($c: ID!, $v: Int!, $i: LearningBriefingInput!) {
  updateCollectionLearningBriefing(collectionId: $c, expectedVersion: $v, input: $i) { ${FIELDS} } }`;

interface Briefing {
  id: string | null;
  version: number;
  editable: boolean;
  title: string;
  background: string;
  keyFindings: string[];
  recommendations: string[];
  messagesForManagers: string[];
  emergingThemes: {
    caseCount: number;
    casesWithoutCharacteristics: number;
    message: string;
    reviewTypes: string[];
    periodStart: string | null;
    periodEnd: string | null;
    rows: { key: string; count: number; percent: number; sentence: string }[];
  };
  anonymisationWarnings: { field: string; excerpt: string; kind: string }[];
  document: { title: string; blocks: { kind: string; text?: string }[]; closing?: string };
}

const input = (changes: Record<string, unknown> = {}) => ({
  title: '',
  background: '',
  methodology: '',
  goodPractice: [],
  keyFindings: [],
  learningPoints: [],
  recommendations: [],
  messagesForManagers: [],
  messagesForPractitioners: [],
  furtherInformation: [],
  ...changes,
});

const ALWAYS = ['previous-social-care-involvement', 'neglect', 'disguised-compliance'];

/*
 * The audit round, worked by hand like the Dudley audit (seed 004): four cases.
 *   A  always + parental-alcohol-misuse, graded-care-profile-used
 *   B  always + parental-alcohol-misuse, parental-drug-misuse, graded-care-profile-used
 *   C  always + parental-drug-misuse, graded-care-profile-used, parental-learning-disability
 *   D  always
 * 100% previous involvement, neglect, disguised compliance; substance misuse A, B (once), C = 75%.
 */
describe('learning briefings of a review and of a collection', () => {
  let t: TestApp;
  let admin: string;
  let lead: string;
  let team: string;
  let caseGroup: string;
  let outsider: string;
  let audit: string[];
  let reviewId: string;
  let roundId: string;
  let emptyId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    lead = (await createAccount(t, admin, 'lb-lead@test.local', 'REVIEWER')).token;
    const teamAccount = await createAccount(t, admin, 'lb-team@test.local', 'REVIEWER');
    const caseGroupAccount = await createAccount(t, admin, 'lb-case@test.local', 'REVIEWER');
    team = teamAccount.token;
    caseGroup = caseGroupAccount.token;
    outsider = (await createAccount(t, admin, 'lb-out@test.local', 'REVIEWER')).token;
    const keys = [
      [...ALWAYS, 'parental-alcohol-misuse', 'graded-care-profile-used'],
      [...ALWAYS, 'parental-alcohol-misuse', 'parental-drug-misuse', 'graded-care-profile-used'],
      [
        ...ALWAYS,
        'parental-drug-misuse',
        'graded-care-profile-used',
        'parental-learning-disability',
      ],
      ALWAYS,
    ];
    audit = [];
    for (const [i, k] of keys.entries()) {
      const { id } = await createReview(t, lead, `MACFA-${i + 1}`, {
        type: 'MULTI_AGENCY_CASE_AUDIT',
        periodStart: `2016-0${i + 1}-01`,
        periodEnd: `2017-0${i + 1}-28`,
      });
      await ok(
        t,
        'mutation($r: ID!, $k: [String!]!) { setCaseCharacteristics(reviewId: $r, themeKeys: $k) { id } }',
        { r: id, k },
        lead,
      );
      audit.push(id);
    }
    reviewId = audit[0];
    await ok(
      t,
      `mutation($r: ID!, $a: ID!, $b: ID!) {
        a: addMember(reviewId: $r, userId: $a, role: REVIEW_TEAM) { __typename }
        b: addMember(reviewId: $r, userId: $b, role: CASE_GROUP) { __typename }
        p: addPerson(reviewId: $r, input: { pseudonym: "Child A", name: "Maisie Ward" }) { id }
      }`,
      { r: reviewId, a: teamAccount.id, b: caseGroupAccount.id },
      lead,
    );
    const made = await ok<{ a: { id: string }; b: { id: string } }>(
      t,
      `mutation { a: createCollection(input: { name: "October 2017 audit" }) { id }
                  b: createCollection(input: { name: "Nothing yet" }) { id } }`,
      {},
      lead,
    );
    roundId = made.a.id;
    emptyId = made.b.id;
    await ok(
      t,
      'mutation($c: ID!, $r: [ID!]!) { addToCollection(collectionId: $c, reviewIds: $r) { id } }',
      { c: roundId, r: audit },
      lead,
    );
  });
  afterAll(() => t.close());

  const percents = (b: Briefing) =>
    Object.fromEntries(b.emergingThemes.rows.map((row) => [row.key, row.percent]));

  it("computes a collection's emerging themes from its reviews' case characteristics as they are now", async () => {
    const { collectionLearningBriefing: b } = await ok<{ collectionLearningBriefing: Briefing }>(
      t,
      COLLECTION_BRIEFING,
      { c: roundId },
      lead,
    );
    expect(b.emergingThemes).toMatchObject({
      caseCount: 4,
      casesWithoutCharacteristics: 0,
      reviewTypes: ['Multi-agency case file audit'],
      periodStart: '2016-01-01',
      periodEnd: '2017-04-28',
    });
    expect(percents(b)).toMatchObject({
      'previous-social-care-involvement': 100,
      neglect: 100,
      'disguised-compliance': 100,
      'parental-substance-misuse': 75,
      'graded-care-profile-used': 75,
      'parental-alcohol-misuse': 50,
      'parental-learning-disability': 25,
    });
    expect(b.emergingThemes.rows.map((r) => r.sentence)).toContain(
      '75% of cases had parental substance misuse',
    );
    expect(b).toMatchObject({ id: null, version: 0, editable: true });

    // A case loses its characteristics: it still counts, in no theme, and the shares change.
    await ok(
      t,
      'mutation($r: ID!) { setCaseCharacteristics(reviewId: $r, themeKeys: []) { id } }',
      { r: audit[3] },
      lead,
    );
    const after = (
      await ok<{ collectionLearningBriefing: Briefing }>(
        t,
        COLLECTION_BRIEFING,
        { c: roundId },
        lead,
      )
    ).collectionLearningBriefing;
    expect(after.emergingThemes).toMatchObject({ caseCount: 4, casesWithoutCharacteristics: 1 });
    expect(percents(after)).toMatchObject({ neglect: 75, 'parental-substance-misuse': 75 });
    await ok(
      t,
      'mutation($r: ID!, $k: [String!]!) { setCaseCharacteristics(reviewId: $r, themeKeys: $k) { id } }',
      { r: audit[3], k: ALWAYS },
      lead,
    );
  });

  it('gives an empty collection a clear message and no themes', async () => {
    const { collectionLearningBriefing: b } = await ok<{ collectionLearningBriefing: Briefing }>(
      t,
      COLLECTION_BRIEFING,
      { c: emptyId },
      lead,
    );
    expect(b.emergingThemes).toMatchObject({ caseCount: 0, rows: [] });
    expect(b.emergingThemes.message).toMatch(/There are no cases to count yet/);
    expect(b.document.blocks).toEqual([]);
  });

  it("saves a review's briefing from version 0, refuses a stale version, and prints it", async () => {
    const first = (
      await ok<{ updateReviewLearningBriefing: Briefing }>(
        t,
        SAVE_REVIEW,
        {
          r: reviewId,
          v: 0,
          i: input({
            title: 'Learning from Child A',
            keyFindings: ['Fathers were not spoken to', '   '],
            recommendations: ['Police to speak to children'],
          }),
        },
        lead,
      )
    ).updateReviewLearningBriefing;
    expect(first).toMatchObject({ version: 1, keyFindings: ['Fathers were not spoken to'] });
    expect(first.emergingThemes.caseCount).toBe(1);
    expect(first.document.title).toBe('Learning from Child A');
    expect(first.document.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'Emerging themes',
      'Key findings',
      'Recommendations',
    ]);

    const second = await ok<{ updateReviewLearningBriefing: Briefing }>(
      t,
      SAVE_REVIEW,
      { r: reviewId, v: 1, i: input({ title: 'Learning from Child A', background: 'An audit.' }) },
      team,
    );
    expect(second.updateReviewLearningBriefing.version).toBe(2);

    const stale = await t.gql(SAVE_REVIEW, { r: reviewId, v: 1, i: input() }, lead);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const neverSaved = await t.gql(SAVE_REVIEW, { r: audit[1], v: 3, i: input() }, lead);
    expect(neverSaved.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('warns the author when a section names someone of the people register', async () => {
    const current = (
      await ok<{ reviewLearningBriefing: Briefing }>(t, REVIEW_BRIEFING, { r: reviewId }, lead)
    ).reviewLearningBriefing;
    const saved = (
      await ok<{ updateReviewLearningBriefing: Briefing }>(
        t,
        SAVE_REVIEW,
        {
          r: reviewId,
          v: current.version,
          i: input({ messagesForManagers: ['Check on Child A', 'Speak to Maisie about school'] }),
        },
        lead,
      )
    ).updateReviewLearningBriefing;
    expect(saved.anonymisationWarnings).toEqual([
      expect.objectContaining({ field: 'messagesForManagers[1]', kind: 'REAL_NAME' }),
    ]);
  });

  it('lets readers read, and only the review team, the owner and administrators save', async () => {
    const asCaseGroup = (
      await ok<{ reviewLearningBriefing: Briefing }>(t, REVIEW_BRIEFING, { r: reviewId }, caseGroup)
    ).reviewLearningBriefing;
    expect(asCaseGroup).toMatchObject({ editable: false, anonymisationWarnings: [] });
    const refused = await t.gql(
      SAVE_REVIEW,
      { r: reviewId, v: asCaseGroup.version, i: input() },
      caseGroup,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outside = await t.gql(REVIEW_BRIEFING, { r: reviewId }, outsider);
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Another account sees the collection's briefing over the reviews it may read: none.
    const theirs = (
      await ok<{ collectionLearningBriefing: Briefing }>(
        t,
        COLLECTION_BRIEFING,
        { c: roundId },
        outsider,
      )
    ).collectionLearningBriefing;
    expect(theirs).toMatchObject({ editable: false, emergingThemes: { caseCount: 0 } });
    const notOwner = await t.gql(SAVE_COLLECTION, { c: roundId, v: 0, i: input() }, outsider);
    expect(notOwner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const byOwner = await ok<{ updateCollectionLearningBriefing: Briefing }>(
      t,
      SAVE_COLLECTION,
      { c: roundId, v: 0, i: input({ messagesForManagers: ['Supervision'] }) },
      lead,
    );
    expect(byOwner.updateCollectionLearningBriefing).toMatchObject({ version: 1 });
    const byAdmin = await ok<{ updateCollectionLearningBriefing: Briefing }>(
      t,
      SAVE_COLLECTION,
      { c: roundId, v: 1, i: input({ messagesForManagers: ['Supervision', 'Challenge'] }) },
      admin,
    );
    expect(byAdmin.updateCollectionLearningBriefing.messagesForManagers).toEqual([
      'Supervision',
      'Challenge',
    ]);
  });

  it("carries a review's briefing in its bundle, out and back in, and refuses a bad one", async () => {
    const exported = await t
      .http()
      .get(`/api/reviews/${reviewId}/bundle.json`)
      .set('authorization', `Bearer ${admin}`);
    expect(exported.status).toBe(200);
    const bundle = exported.body as Record<string, unknown> & { review: Record<string, unknown> };
    expect(bundle.learningBriefing).toMatchObject({
      messagesForManagers: ['Check on Child A', 'Speak to Maisie about school'],
    });
    const imported = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${admin}`)
      .send({
        ...bundle,
        source: undefined,
        review: { ...bundle.review, reference: 'MACFA-COPY' },
      });
    expect(imported.status).toBe(201);
    const copy = (
      await ok<{ reviewLearningBriefing: Briefing }>(
        t,
        REVIEW_BRIEFING,
        { r: imported.body.reviewId },
        admin,
      )
    ).reviewLearningBriefing;
    expect(copy).toMatchObject({
      version: 1,
      messagesForManagers: ['Check on Child A', 'Speak to Maisie about school'],
    });

    const bad = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${admin}`)
      .send({
        ...bundle,
        source: undefined,
        review: { ...bundle.review, reference: 'MACFA-BAD' },
        learningBriefing: { keyFindings: ['fine', 42] },
      });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('learningBriefing.keyFindings[1]');
  });

  it('refuses text over the limits as bad input', async () => {
    const long = await t.gql(
      SAVE_REVIEW,
      { r: reviewId, v: 0, i: input({ keyFindings: ['x'.repeat(2001)] }) },
      lead,
    );
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
  it("downloads a collection's briefing in every format: computed shares, escaped text, no empty headings", async () => {
    const { collectionLearningBriefing: now } = await ok<{ collectionLearningBriefing: Briefing }>(
      t,
      COLLECTION_BRIEFING,
      { c: roundId },
      lead,
    );
    await ok(
      t,
      SAVE_COLLECTION,
      {
        c: roundId,
        v: now.version,
        i: input({
          title: 'Early help audit <script>alert(1)</script>',
          keyFindings: ['Neglect was seen late & *not* named'],
        }),
      },
      lead,
    );
    const download = (format: string) =>
      t
        .http()
        .get(`/api/collections/${roundId}/briefing.${format}`)
        .set('authorization', `Bearer ${lead}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });

    const md = await download('md');
    expect(md.status).toBe(200);
    const markdown = (md.body as Buffer).toString('utf8');
    expect(markdown).toContain('75% of cases had parental substance misuse');
    expect(markdown).toContain('100% of cases had neglect');
    expect(markdown).toContain('\\<script\\>');
    expect(markdown).not.toMatch(/#+ Recommendations/);

    const html = ((await download('html')).body as Buffer).toString('utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('Key findings');
    expect(html).not.toContain('>Recommendations<');

    const docx = await download('docx');
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const words = docxText((await docxParts(docx.body as Buffer))['word/document.xml']);
    expect(words).toContain('100% of cases had previous social care involvement');
    expect(words).toContain('Neglect was seen late & *not* named');

    const pdf = await download('pdf');
    expect(pdf.status).toBe(200);
    expect((await pdfPages(pdf.body as Buffer)).join('\n')).toContain('75% of cases had parental');

    const unknown = await download('rtf');
    expect(unknown.status).toBe(400);
    const stranger = await t
      .http()
      .get(`/api/reviews/${reviewId}/briefing.md`)
      .set('authorization', `Bearer ${outsider}`);
    expect(stranger.status).toBe(403);
  });
});
