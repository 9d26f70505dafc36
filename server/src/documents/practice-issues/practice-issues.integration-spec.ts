import { STANDARD_PRACTICE_QUESTIONS } from '@scr/shared';
import { DataSource } from 'typeorm';
import { SqlStatementCounter } from '../../database/sql-statement-counter';
import { adminToken, createAccount, ok } from '../../testing/accounts';
import { FixtureReview, insertCorpus, InsertedReview } from '../../testing/corpus-fixtures';
import { docxParts, docxText, pdfPages } from '../../testing/documents';
import { startTestApp, TestApp } from '../../testing/test-app';

/*
 * A corpus worked by hand for the side box:
 *
 *   PI-01  published 2014-05-20           counted
 *   PI-02  published 2014-10-02           counted
 *   PI-03  published 2015-04-28           counted, then withdrawn in the test
 *   PI-04  published 2016-01-10           withdrawn from the start: never counted
 *   PI-05  never published (no entry)     cannot be linked
 *
 * The set lists PI-01, PI-03 and PI-04; its collection holds PI-02 and PI-05. So it draws on
 * PI-01, PI-02, PI-03 (3 reviews, May 2014 – April 2015) and tells of PI-04's withdrawal.
 */
const finding = (title: string, statement: string) => ({
  title,
  category: 'MANAGEMENT_SYSTEMS',
  effect: 'MAKES_PROBLEMS_MORE_LIKELY' as const,
  statement,
  themeKeys: ['escalation'],
});
const review = (
  reference: string,
  publishedAt: string,
  extra: Partial<FixtureReview> = {},
): FixtureReview => ({
  reference,
  title: `Child ${reference}`,
  partnership: 'Eastmoor SCP',
  type: 'SERIOUS_CASE_REVIEW',
  periodEnd: '2013-12-31',
  status: 'PUBLISHED',
  versions: [
    {
      publishedAt,
      caseCharacteristics: ['neglect'],
      agencySectors: ['HEALTH'],
      findings: [
        finding(
          `Early help assessment in ${reference}`,
          'The health visitor completed a CAF on advice although she thought the family needed statutory help.',
        ),
      ],
    },
  ],
  ...extra,
});
const CORPUS: FixtureReview[] = [
  review('PI-01', '2014-05-20T10:00:00Z'),
  review('PI-02', '2014-10-02T10:00:00Z'),
  review('PI-03', '2015-04-28T10:00:00Z'),
  review('PI-04', '2016-01-10T10:00:00Z', { withdrawn: true }),
  review('PI-05', '2016-02-10T10:00:00Z', { noEntry: true, status: 'DRAFTING' }),
];

const SET = `id title version reviewIds
  basis { reviewCount firstPublishedAt lastPublishedAt sentence }
  withdrawnReviews { reviewId reference }
  issues { id number title }`;
const ISSUE = `id setId number title statement whatIsTheIssue illustration reasonsFromReviews
  reasonsFromPractice practiceReasons { heading text quotes { text role } } solutions
  questions { title questions } version
  linkedFindings { finding { id reference title } reviewTitle stale }`;

interface SetResult {
  id: string;
  version: number;
  reviewIds: string[];
  basis: { reviewCount: number; sentence: string };
  withdrawnReviews: { reviewId: string; reference: string }[];
  issues: { id: string; number: number; title: string }[];
}

describe('practice issues', () => {
  let t: TestApp;
  let trainer: string;
  let analyst: string;
  let corpus: Map<string, InsertedReview>;
  let collectionId: string;
  let setId: string;

  const id = (reference: string) => corpus.get(reference)!.reviewId;
  const findingOf = (reference: string) => corpus.get(reference)!.findingIds[0][0];
  const readSet = async (token = trainer) =>
    (
      await ok<{ practiceIssueSet: SetResult }>(
        t,
        `query($id: ID!) { practiceIssueSet(id: $id) { ${SET} } }`,
        { id: setId },
        token,
      )
    ).practiceIssueSet;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await adminToken(t);
    trainer = (await createAccount(t, admin, 'trainer@test.local', 'TRAINER')).token;
    analyst = (await createAccount(t, admin, 'analyst@test.local', 'ANALYST')).token;
    corpus = await insertCorpus(t.app.get(DataSource), CORPUS);
    collectionId = (
      await ok<{ createCollection: { id: string } }>(
        t,
        'mutation { createCollection(input: { name: "Pilot reviews" }) { id } }',
        {},
        trainer,
      )
    ).createCollection.id;
    await t.app
      .get(DataSource)
      .query(
        `INSERT INTO collection_review (collection_id, review_id) SELECT $1, unnest($2::uuid[])`,
        [collectionId, [id('PI-02'), id('PI-05')]],
      );
  });
  afterAll(() => t.close());

  it('counts the published, not withdrawn reviews a set draws on, listed or in its collection', async () => {
    const created = await ok<{ createPracticeIssueSet: SetResult }>(
      t,
      `mutation($input: PracticeIssueSetInput!) { createPracticeIssueSet(input: $input) { ${SET} } }`,
      {
        input: {
          title: 'Practice issues from case reviews',
          purpose: 'To support managers and practitioners.',
          collectionId,
          reviewIds: [id('PI-01'), id('PI-03'), id('PI-04')],
          gathering: 'Summits in London, Leeds and Birmingham in September 2015',
          participantCount: 194,
          closingSource: 'Learning into Practice',
        },
      },
      trainer,
    );
    setId = created.createPracticeIssueSet.id;
    expect(created.createPracticeIssueSet.basis).toEqual({
      reviewCount: 3,
      firstPublishedAt: '2014-05-20T10:00:00.000Z',
      lastPublishedAt: '2015-04-28T10:00:00.000Z',
      sentence: '3 reviews published between May 2014 and April 2015',
    });
    expect(created.createPracticeIssueSet.withdrawnReviews).toEqual([
      { reviewId: id('PI-04'), reference: 'PI-04' },
    ]);
  });

  it('refuses a review never published', async () => {
    const result = await t.gql(
      `mutation($input: PracticeIssueSetInput!) { createPracticeIssueSet(input: $input) { id } }`,
      { input: { title: 'Bad', reviewIds: [id('PI-05')] } },
      trainer,
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('changes the count and tells the trainer when a linked review is withdrawn', async () => {
    await t.app
      .get(DataSource)
      .query(
        `UPDATE corpus_entry SET withdrawn_at = now(), withdrawn_by_name = 'Admin', withdraw_reason = 'Complaint' WHERE review_id = $1`,
        [id('PI-03')],
      );
    const set = await readSet();
    expect(set.basis).toMatchObject({
      reviewCount: 2,
      sentence: '2 reviews published between May 2014 and October 2014',
    });
    expect(set.withdrawnReviews.map((r) => r.reference)).toEqual(['PI-03', 'PI-04']);
  });

  it('creates issues with the standard questions, numbered in the set, and inserts at a number', async () => {
    const create = (input: Record<string, unknown>) =>
      ok<{ createPracticeIssue: { id: string; number: number; questions: unknown } }>(
        t,
        `mutation($input: PracticeIssueInput!) { createPracticeIssue(input: $input) { ${ISSUE} } }`,
        { input: { setId, ...input } },
        trainer,
      );
    const first = await create({
      title: 'Disagreement about use of early help assessment',
      reasonsFromReviews: ['escalation procedures not being used'],
      reasonsFromPractice: ['Professional hierarchy and challenge'],
    });
    expect(first.createPracticeIssue).toMatchObject({
      number: 1,
      questions: STANDARD_PRACTICE_QUESTIONS,
      reasonsFromPractice: ['Professional hierarchy and challenge'],
      practiceReasons: [
        { heading: null, text: 'Professional hierarchy and challenge', quotes: [] },
      ],
    });
    await create({ title: 'Not convening strategy discussions' });
    const inserted = await create({ title: 'Confusion about referrals and contacts', number: 2 });
    expect(inserted.createPracticeIssue.number).toBe(2);
    expect((await readSet()).issues.map((i) => [i.number, i.title])).toEqual([
      [1, 'Disagreement about use of early help assessment'],
      [2, 'Confusion about referrals and contacts'],
      [3, 'Not convening strategy discussions'],
    ]);
  });

  it('updates at the expected version only, and keeps quotes by role', async () => {
    const [issue] = (await readSet()).issues;
    const update = (expectedVersion: number) =>
      t.gql<{ updatePracticeIssue: { version: number; practiceReasons: unknown } }>(
        `mutation($id: ID!, $v: Int!, $input: UpdatePracticeIssueInput!) {
          updatePracticeIssue(id: $id, expectedVersion: $v, input: $input) { ${ISSUE} } }`,
        {
          id: issue.id,
          v: expectedVersion,
          input: {
            statement: 'Agencies use the CAF because they have been told to',
            practiceReasons: [
              {
                heading: 'Professional hierarchy and challenge',
                text: 'Professionals described difficulty in challenging advice.',
                quotes: [{ text: 'It is an issue of hierarchy.', role: 'Named Nurse' }],
              },
            ],
          },
        },
        trainer,
      );
    const saved = await update(1);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updatePracticeIssue.version).toBe(2);
    expect(saved.data!.updatePracticeIssue.practiceReasons).toEqual([
      {
        heading: 'Professional hierarchy and challenge',
        text: 'Professionals described difficulty in challenging advice.',
        quotes: [{ text: 'It is an issue of hierarchy.', role: 'Named Nurse' }],
      },
    ]);
    const stale = await update(1);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const both = await t.gql(
      `mutation($id: ID!) { updatePracticeIssue(id: $id, expectedVersion: 2, input: { reasonsFromPractice: ["a"], practiceReasons: [] }) { id } }`,
      { id: issue.id },
      trainer,
    );
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const nulled = await t.gql(
      `mutation($id: ID!) { updatePracticeIssue(id: $id, expectedVersion: 2, input: { title: null }) { id } }`,
      { id: issue.id },
      trainer,
    );
    expect(nulled.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reorders the issues of a set, renumbering them, and refuses a partial list', async () => {
    const ids = (await readSet()).issues.map((i) => i.id);
    const reordered = await ok<{ reorderPracticeIssues: { id: string; number: number }[] }>(
      t,
      `mutation($s: ID!, $ids: [ID!]!) { reorderPracticeIssues(setId: $s, issueIds: $ids) { id number } }`,
      { s: setId, ids: [ids[2], ids[0], ids[1]] },
      trainer,
    );
    expect(reordered.reorderPracticeIssues).toEqual([
      { id: ids[2], number: 1 },
      { id: ids[0], number: 2 },
      { id: ids[1], number: 3 },
    ]);
    const partial = await t.gql(
      `mutation($s: ID!, $ids: [ID!]!) { reorderPracticeIssues(setId: $s, issueIds: $ids) { id } }`,
      { s: setId, ids: [ids[0]] },
      trainer,
    );
    expect(partial.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Giving an issue another number moves it there, and the others make room.
    const issue = await ok<{ practiceIssue: { version: number } }>(
      t,
      `query($id: ID!) { practiceIssue(id: $id) { version } }`,
      { id: ids[1] },
      trainer,
    );
    await ok(
      t,
      `mutation($id: ID!, $v: Int!) { updatePracticeIssue(id: $id, expectedVersion: $v, input: { number: 1 }) { id } }`,
      { id: ids[1], v: issue.practiceIssue.version },
      trainer,
    );
    expect((await readSet()).issues.map((i) => i.id)).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('links published findings as published, marks a withdrawn one, and unlinks', async () => {
    const issueId = (await readSet()).issues[0].id;
    const linked = await ok<{
      linkFindings: { linkedFindings: { finding: { reference: string }; stale: boolean }[] };
    }>(
      t,
      `mutation($i: ID!, $f: [ID!]!) { linkFindings(practiceIssueId: $i, findingIds: $f) { ${ISSUE} } }`,
      { i: issueId, f: [findingOf('PI-01'), findingOf('PI-03')] },
      trainer,
    );
    expect(linked.linkFindings.linkedFindings.map((l) => [l.finding.reference, l.stale])).toEqual([
      ['PI-01', false],
      ['PI-03', true],
    ]);
    const notPublished = await t.gql(
      `mutation($i: ID!, $f: [ID!]!) { linkFindings(practiceIssueId: $i, findingIds: $f) { id } }`,
      { i: issueId, f: [setId] },
      trainer,
    );
    expect(notPublished.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unlinked = await ok<{
      unlinkFindings: { linkedFindings: { finding: { reference: string } }[] };
    }>(
      t,
      `mutation($i: ID!, $f: [ID!]!) { unlinkFindings(practiceIssueId: $i, findingIds: $f) { ${ISSUE} } }`,
      { i: issueId, f: [findingOf('PI-03')] },
      trainer,
    );
    expect(unlinked.unlinkFindings.linkedFindings.map((l) => l.finding.reference)).toEqual([
      'PI-01',
    ]);
  });

  it('lets analysts read but not write', async () => {
    expect((await readSet(analyst)).issues).toHaveLength(3);
    const refused = await t.gql(
      `mutation { createPracticeIssueSet(input: { title: "Mine" }) { id } }`,
      {},
      analyst,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('removes an issue after a dry run says what goes, and renumbers the rest', async () => {
    const [first] = (await readSet()).issues;
    const remove = (dryRun: boolean) =>
      ok<{ removePracticeIssue: { removed: boolean; consequences: string[] } }>(
        t,
        `mutation($id: ID!, $d: Boolean!) { removePracticeIssue(id: $id, dryRun: $d) { removed consequences } }`,
        { id: first.id, d: dryRun },
        trainer,
      );
    expect((await remove(true)).removePracticeIssue).toEqual({
      removed: false,
      consequences: [
        'its 1 link to published findings will go',
        'the issues after it will be numbered one less',
      ],
    });
    expect((await readSet()).issues).toHaveLength(3);
    expect((await remove(false)).removePracticeIssue.removed).toBe(true);
    expect((await readSet()).issues.map((i) => i.number)).toEqual([1, 2]);
  });

  it("prints the set's counted side box and closing line in each issue's briefing", async () => {
    const [issue] = (await readSet()).issues;
    const data = await ok<{ practiceIssue: { printedDocument: string } }>(
      t,
      `query($id: ID!) { practiceIssue(id: $id) { printedDocument } }`,
      { id: issue.id },
      analyst,
    );
    const doc = JSON.parse(data.practiceIssue.printedDocument) as {
      title: string;
      closing: string;
      blocks: { kind: string; variant?: string; blocks?: { runs: string[] }[] }[];
    };
    expect(doc.title).toBe(`1. ${issue.title}`);
    const side = doc.blocks.find((b) => b.kind === 'box' && b.variant === 'side')!;
    expect(side.blocks!.map((b) => b.runs.join(''))).toEqual([
      'This document is one of a set of 2 briefings.',
      'To support managers and practitioners.',
      'The briefings are based on analysis of 2 reviews published between May 2014 and October 2014.',
      'Summits in London, Leeds and Birmingham in September 2015',
      '194 practitioners and managers took part.',
    ]);
    expect(doc.closing).toBe(
      'This briefing was produced as part of Learning into Practice. It draws on 2 reviews published between May 2014 and October 2014.',
    );
    const set = await ok<{ practiceIssueSet: { printedDocument: string } }>(
      t,
      `query($id: ID!) { practiceIssueSet(id: $id) { printedDocument } }`,
      { id: setId },
      trainer,
    );
    expect(JSON.parse(set.practiceIssueSet.printedDocument)).toMatchObject({ contents: true });
  });

  it('downloads an issue and the whole set in every format, with the counted side box and contents', async () => {
    const [issue] = (await readSet()).issues;
    const download = (path: string) =>
      t
        .http()
        .get(path)
        .set('authorization', `Bearer ${analyst}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const counted = 'based on analysis of 2 reviews published between May 2014 and October 2014';

    const md = (
      (await download(`/api/practice-issues/${issue.id}/briefing.md`)).body as Buffer
    ).toString('utf8');
    expect(md).toContain(issue.title);
    expect(md).toContain(counted);
    expect(md).toContain('Questions for you to consider');

    const docx = await download(`/api/practice-issues/${issue.id}/briefing.docx`);
    expect(docx.status).toBe(200);
    const words = docxText((await docxParts(docx.body as Buffer))['word/document.xml']);
    expect(words).toContain(counted);
    expect(words).toContain('Unpicking the issue');

    const setHtml = (
      (await download(`/api/practice-issue-sets/${setId}/briefing.html`)).body as Buffer
    ).toString('utf8');
    expect(setHtml).toContain('Contents');
    expect(setHtml).toContain(issue.title);

    const setPdf = await download(`/api/practice-issue-sets/${setId}/briefing.pdf`);
    expect(setPdf.status).toBe(200);
    expect((await pdfPages(setPdf.body as Buffer)).join('\n').replace(/\s+/g, ' ')).toContain(
      counted,
    );

    expect(
      (await download('/api/practice-issues/00000000-0000-4000-8000-000000000000/briefing.md'))
        .status,
    ).toBe(404);
  });

  it('lists the sets with their issues, counts and linked findings in as many statements for 1 set as for 5', async () => {
    const LIST = `{ practiceIssueSets { id basis { sentence } withdrawnReviews { reference }
      issues { id set { id } linkedFindings { finding { id } } } } }`;
    const statements = async () => {
      SqlStatementCounter.reset();
      const result = await t.gql(LIST, {}, analyst);
      expect(result.errors).toBeUndefined();
      return SqlStatementCounter.count;
    };
    const one = await statements();
    for (let i = 0; i < 4; i++) {
      const created = await ok<{ createPracticeIssue: { id: string } }>(
        t,
        `mutation { createPracticeIssue(input: { title: "Counted" }) { id } }`,
        {},
        trainer,
      );
      await ok(
        t,
        `mutation($i: ID!, $f: [ID!]!) { linkFindings(practiceIssueId: $i, findingIds: $f) { id } }`,
        { i: created.createPracticeIssue.id, f: [findingOf('PI-02')] },
        trainer,
      );
    }
    expect(await statements()).toBe(one);
  });
});
