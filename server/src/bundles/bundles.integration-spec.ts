import { adminToken, createAccount, ok } from '../testing/accounts';
import { buildSyntheticReview } from '../testing/synthetic-review';
import { startTestApp, TestApp } from '../testing/test-app';
import { ReviewBundle } from './review-bundle';

async function exportBundle(t: TestApp, token: string, reviewId: string): Promise<ReviewBundle> {
  const response = await t
    .http()
    .get(`/api/reviews/${reviewId}/bundle.json`)
    .set('authorization', `Bearer ${token}`);
  expect(response.status).toBe(200);
  expect(response.headers['content-disposition']).toMatch(
    /attachment; filename=".+\.bundle\.json"/,
  );
  return response.body;
}

async function importBundle(t: TestApp, token: string, bundle: unknown) {
  return t
    .http()
    .post('/api/reviews/bundle')
    .set('authorization', `Bearer ${token}`)
    .send(bundle as object);
}

const withoutExportTime = ({
  exportedAt: _exportedAt,
  source: _source,
  ...rest
}: ReviewBundle & { source?: unknown }) => rest;

describe('review bundles', () => {
  let a: TestApp;
  let b: TestApp;
  let tokenA: string;
  let tokenB: string;
  let reviewId: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp(), startTestApp()]);
    [tokenA, tokenB] = await Promise.all([adminToken(a), adminToken(b)]);
    reviewId = await buildSyntheticReview(a, tokenA, 'BUNDLE-1', {
      events: 40,
      episodes: 4,
      factors: 9,
      findings: 3,
    });
    const person = (name: string, pseudonym: string) =>
      ok<{ addPerson: { id: string } }>(
        a,
        'mutation($r: ID!, $i: PersonInput!) { addPerson(reviewId: $r, input: $i) { id } }',
        { r: reviewId, i: { name, pseudonym, relationship: pseudonym, household: 'Household 1' } },
        tokenA,
      );
    const mother = (await person('Jane Example', 'Mother')).addPerson.id;
    const child = (await person('Sam Example', 'Child S')).addPerson.id;
    await ok(
      a,
      'mutation($r: ID!, $i: RelationshipInput!) { addRelationship(reviewId: $r, input: $i) { id } }',
      { r: reviewId, i: { fromPersonId: mother, toPersonId: child, kind: 'PARENT_OF' } },
      tokenA,
    );
    await ok(
      a,
      'mutation($r: ID!, $e: [TimelineEventInput!]!) { addTimelineEvents(reviewId: $r, events: $e) { id } }',
      {
        r: reviewId,
        e: [
          {
            occurredOn: '2022',
            precision: 'APPROXIMATE',
            title: 'Mother says “things got hard” around then',
            personIds: [mother, child],
            description: 'Line one\nline two, with "quotes" and a \\ backslash',
          },
        ],
      },
      tokenA,
    );
    const { review: commented } = await ok<{ review: { findings: { id: string }[] } }>(
      a,
      'query($id: ID!) { review(id: $id) { findings { id } } }',
      { id: reviewId },
      tokenA,
    );
    const comment = async (body: string) =>
      (
        await ok<{ addComment: { id: string } }>(
          a,
          'mutation($r: ID!, $i: CommentInput!) { addComment(reviewId: $r, input: $i) { id } }',
          { r: reviewId, i: { findingId: commented.findings[1].id, body } },
          tokenA,
        )
      ).addComment.id;
    const resolved = await comment('The finding leaves out the GP.');
    await comment('Still open: the school saw it too.');
    await ok(a, 'mutation($id: ID!) { resolveComment(id: $id) { id } }', { id: resolved }, tokenA);
    await ok(
      a,
      'mutation($r: ID!) { signOffAnalysis(reviewId: $r) { id } }',
      { r: reviewId },
      tokenA,
    );
    const questions = await ok<Record<string, { id: string }>>(
      a,
      `mutation($r: ID!) {
        q1: addReviewQuestion(reviewId: $r, input: { text: "How well did agencies share information?" }) { id }
        q2: addReviewQuestion(reviewId: $r, input: { text: "Was the voice of the child heard?" }) { id }
      }`,
      { r: reviewId },
      tokenA,
    );
    const { review } = await ok<{
      review: { findings: { id: string; version: number; title: string; category: string }[] };
    }>(
      a,
      'query($id: ID!) { review(id: $id) { findings { id version title category } } }',
      { id: reviewId },
      tokenA,
    );
    const { review: analysed } = await ok<{
      review: { episodes: { id: string }[]; agencies: { id: string }[] };
    }>(
      a,
      'query($id: ID!) { review(id: $id) { episodes { id } agencies { id } } }',
      { id: reviewId },
      tokenA,
    );
    await ok(
      a,
      `mutation($r: ID!, $p: ID!, $a: ID!, $k: ID!) {
        c1: addReviewConversation(reviewId: $r, input: { kind: FAMILY, format: INDIVIDUAL_CONVERSATION, heldOn: "2024", precision: APPROXIMATE, familyPersonIds: [$p], familyDescription: "Mother and her sister", notes: "Line one\\nline two", episodeIds: [$k] }) { id }
        c2: addReviewConversation(reviewId: $r, input: { kind: PRACTITIONERS, format: GROUP_LEARNING_EVENT, heldOn: "2023-11-02", participants: [{ role: "Health visitor", agencyId: $a }, { role: "Chair" }] }) { id }
      }`,
      { r: reviewId, p: mother, a: analysed.agencies[0].id, k: analysed.episodes[1].id },
      tokenA,
    );
    const answers = [[questions.q2.id], [questions.q2.id, questions.q1.id]];
    for (const [i, answersQuestionIds] of answers.entries()) {
      const { id, version, title, category } = review.findings[i];
      await ok(
        a,
        'mutation($id: ID!, $v: Int!, $i: FindingInput!) { updateFinding(id: $id, expectedVersion: $v, input: $i) { id } }',
        { id, v: version, i: { title, category, answersQuestionIds } },
        tokenA,
      );
    }
  });
  afterAll(() => Promise.all([a.close(), b.close()]));

  it('round-trips a review into another installation losslessly, with new ids and every link kept', async () => {
    const original = await exportBundle(a, tokenA, reviewId);
    expect(original.events).toHaveLength(41);
    expect(original.episodes.map((k) => k.explanation)).toEqual(
      original.episodes.map(() => 'Why it made sense at the time.'),
    );
    expect(new Set(original.factors.map((f) => `${f.effect} ${f.tier}`))).toEqual(
      new Set([
        'SUPPORTS_GOOD_PRACTICE FRONTLINE',
        'MAKES_PROBLEMS_MORE_LIKELY LOCAL_STRATEGIC',
        'MAKES_PROBLEMS_MORE_LIKELY NATIONAL',
      ]),
    );
    expect(original.findings.every((f) => f.episodes.length + f.factors.length > 0)).toBe(true);
    expect(original.findings[1].comments).toEqual([
      expect.objectContaining({
        body: 'The finding leaves out the GP.',
        resolvedAt: expect.any(String),
        resolvedBy: expect.any(String),
      }),
      expect.objectContaining({
        body: 'Still open: the school saw it too.',
        resolvedAt: null,
        resolvedBy: null,
      }),
    ]);
    expect(original.review.caseGroupSignOff).toEqual({
      at: expect.any(String),
      by: expect.any(String),
    });
    expect(original.reviewQuestions?.map((q) => q.ref)).toEqual(['q1', 'q2']);
    expect(original.findings.map((f) => f.answers)).toEqual([['q2'], ['q1', 'q2'], []]);
    expect(original.conversations).toEqual([
      {
        kind: 'PRACTITIONERS',
        format: 'GROUP_LEARNING_EVENT',
        heldOn: '2023-11-02',
        precision: 'DAY',
        participants: [
          { role: 'Health visitor', agency: 'a1' },
          { role: 'Chair', agency: null },
        ],
        family: [],
        familyDescription: null,
        notes: null,
        episodes: [],
      },
      expect.objectContaining({
        kind: 'FAMILY',
        heldOn: '2024',
        precision: 'APPROXIMATE',
        episodes: ['k2'],
      }),
    ]);
    expect(original.conversations?.[1].family).toHaveLength(1);

    const imported = await importBundle(b, tokenB, original);
    expect(imported.status).toBe(201);
    expect(imported.body.reviewId).not.toBe(reviewId);

    const again = await exportBundle(b, tokenB, imported.body.reviewId);
    expect(withoutExportTime(again)).toEqual(withoutExportTime(original));

    const page = await ok<{
      review: {
        findings: { episodes: { id: string }[]; events: { id: string }[] }[];
        events: { totalCount: number };
      };
    }>(
      b,
      'query($id: ID!) { review(id: $id) { events { totalCount } findings { episodes { id } events { id } } } }',
      { id: imported.body.reviewId },
      tokenB,
    );
    expect(page.review.events.totalCount).toBe(41);
    expect(page.review.findings.flatMap((f) => f.episodes).length).toBe(
      original.findings.flatMap((f) => f.episodes).length,
    );
  });

  it('refuses a malformed bundle whole, listing the first problems with their paths', async () => {
    const good = await exportBundle(a, tokenA, reviewId);
    const before = await ok<{ reviews: { totalCount: number } }>(
      b,
      '{ reviews { totalCount } }',
      {},
      tokenB,
    );
    const broken = structuredClone(good);
    broken.review.reference = 'BROKEN-1';
    broken.review.title = '';
    broken.events[3].occurredOn = '2022-02-30';
    broken.episodes[0].events.push('e999');
    broken.factors[1].level = 'SOMEWHERE' as never;
    broken.agencies[1].ref = broken.agencies[0].ref;
    broken.findings[1].comments![0].createdAt = 'yesterday';
    broken.review.caseGroupSignOff = { at: '2023-01-01T10:00:00Z', by: '' };
    const response = await importBundle(b, tokenB, broken);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    const paths = response.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'review.title',
        'agencies[1].ref',
        'events[3].occurredOn',
        'episodes[0].events[5]',
        'factors[1].level',
        'findings[1].comments[0].createdAt',
        'review.caseGroupSignOff.by',
      ]),
    );
    expect(response.body.message).toMatch(
      /^The bundle was not imported: \d+ problems, starting with review\.title: must not be empty\.$/,
    );
    const after = await ok<{ reviews: { totalCount: number } }>(
      b,
      '{ reviews { totalCount } }',
      {},
      tokenB,
    );
    expect(after.reviews.totalCount).toBe(before.reviews.totalCount);
  });

  it('imports a bundle made before episodes had an explanation and factors an effect and tier, with the defaults', async () => {
    const good = await exportBundle(a, tokenA, reviewId);
    const older = {
      ...good,
      review: (({ caseGroupSignOff: _signOff, ...rest }) => ({
        ...rest,
        reference: 'BUNDLE-OLDER',
      }))(good.review),
      findings: good.findings.map(({ comments: _comments, ...rest }) => rest),
      episodes: good.episodes.map(({ explanation: _explanation, ...rest }) => rest),
      factors: good.factors.map(({ effect: _effect, tier: _tier, ...rest }) => rest),
    };
    const imported = await importBundle(b, tokenB, older);
    expect(imported.status).toBe(201);
    const again = await exportBundle(b, tokenB, imported.body.reviewId);
    expect(again.episodes.map((k) => k.explanation)).toEqual(good.episodes.map(() => null));
    expect(new Set(again.factors.map((f) => `${f.effect} ${f.tier}`))).toEqual(
      new Set(['MAKES_PROBLEMS_MORE_LIKELY FRONTLINE']),
    );
    expect(again.review.caseGroupSignOff).toBeNull();
    expect(again.findings.flatMap((n) => n.comments ?? [])).toEqual([]);
    expect(again.episodes.map((k) => k.appraisalNarrative)).toEqual(
      good.episodes.map((k) => k.appraisalNarrative),
    );
  });

  it('refuses an unknown format version and a reference that already exists', async () => {
    const good = await exportBundle(a, tokenA, reviewId);
    const future = await importBundle(b, tokenB, { ...good, formatVersion: 2 });
    expect(future.body.problems).toEqual([
      { path: 'formatVersion', message: 'version 2 is not one this workbench reads (it reads 1)' },
    ]);
    const duplicate = await importBundle(a, tokenA, good);
    expect(duplicate.body.problems).toEqual([
      {
        path: 'review.reference',
        message: 'a review with the reference "BUNDLE-1" already exists here',
      },
    ]);
    const notJson = await importBundle(b, tokenB, [1, 2, 3]);
    expect(notJson.body.problems).toEqual([{ path: '$', message: 'a bundle is a JSON object' }]);
  });

  it('lets only members and administrators export, since a bundle holds real names', async () => {
    const analyst = await createAccount(a, tokenA, 'analyst@test.local', 'ANALYST');
    const refused = await a
      .http()
      .get(`/api/reviews/${reviewId}/bundle.json`)
      .set('authorization', `Bearer ${analyst.token}`);
    expect(refused.status).toBe(403);
    const anonymous = await a.http().get(`/api/reviews/${reviewId}/bundle.json`);
    expect(anonymous.status).toBe(401);
    const importRefused = await importBundle(
      a,
      analyst.token,
      await exportBundle(a, tokenA, reviewId),
    );
    expect(importRefused.status).toBe(403);
  });
});
