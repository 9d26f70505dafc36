import { TEXT_LIMITS } from '@scr/shared';
import { adminToken, createAccount, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

const ADD = `mutation($r: ID!, $text: String!) { addReviewQuestion(reviewId: $r, input: { text: $text }) { id ordinal text version } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $text: String!) { updateReviewQuestion(id: $id, expectedVersion: $v, input: { text: $text }) { id text version } }`;
const REORDER = `mutation($r: ID!, $ids: [ID!]!) { reorderReviewQuestions(reviewId: $r, questionIds: $ids) { id ordinal } }`;
const REMOVE = `mutation($id: ID!, $dry: Boolean!) { removeReviewQuestion(id: $id, dryRun: $dry) { removed consequences } }`;
const QUESTIONS = `query($id: ID!) { review(id: $id) { questions { id ordinal text } findings { id answersQuestionIds answersQuestions { id text } } } }`;
const CREATE_FINDING = `mutation($r: ID!, $i: FindingInput!) { createFinding(reviewId: $r, input: $i) { id version answersQuestionIds answersQuestions { id ordinal } } }`;
const UPDATE_FINDING = `mutation($id: ID!, $v: Int!, $i: FindingInput!) { updateFinding(id: $id, expectedVersion: $v, input: $i) { version answersQuestionIds } }`;

type Question = { id: string; ordinal: number; text: string; version: number };

describe('review questions (terms of reference)', () => {
  let t: TestApp;
  let admin: string;
  let reviewId: string;
  let otherReviewId: string;
  let observer: string;

  const add = async (text: string, review = reviewId) =>
    (await ok<{ addReviewQuestion: Question }>(t, ADD, { r: review, text }, admin))
      .addReviewQuestion;

  const finding = (extra: Record<string, unknown>) => ({
    title: 'Information sharing',
    category: 'INCIDENTS_AND_CRISES',
    effect: 'MAKES_PROBLEMS_MORE_LIKELY',
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    reviewId = (await createReview(t, admin, 'QUESTIONS-1')).id;
    otherReviewId = (await createReview(t, admin, 'QUESTIONS-2')).id;
    const account = await createAccount(t, admin, 'observer-questions@test.local', 'REVIEWER');
    await ok(
      t,
      'mutation($r: ID!, $u: ID!) { addMember(reviewId: $r, userId: $u, role: OBSERVER) { id } }',
      { r: reviewId, u: account.id },
      admin,
    );
    observer = account.token;
  });

  afterAll(() => t.close());

  it('keeps the questions in the order they were added, numbered from 1', async () => {
    const first = await add('How well did agencies share information?');
    const second = await add('  Was the voice of the child heard?  ');
    expect([first.ordinal, second.ordinal]).toEqual([1, 2]);
    expect(second.text).toBe('Was the voice of the child heard?');
    const { review } = await ok<{ review: { questions: Question[] } }>(
      t,
      QUESTIONS,
      { id: reviewId },
      observer,
    );
    expect(review.questions.map((q) => q.id)).toEqual([first.id, second.id]);
  });

  it('refuses a blank question or one over the limit', async () => {
    for (const text of ['   ', 'x'.repeat(TEXT_LIMITS.reviewQuestion + 1)]) {
      const result = await t.gql(ADD, { r: reviewId, text }, admin);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('lets a member who may only read see the questions but not change them', async () => {
    const question = await add('Was escalation used?');
    const added = await t.gql(ADD, { r: reviewId, text: 'Not mine to ask' }, observer);
    expect(added.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const updated = await t.gql(UPDATE, { id: question.id, v: 1, text: 'Changed' }, observer);
    expect(updated.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const removed = await t.gql(REMOVE, { id: question.id, dry: false }, observer);
    expect(removed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await ok(t, REMOVE, { id: question.id, dry: false }, admin);
  });

  it('updates a question at the version it was read at, and refuses a stale version', async () => {
    const question = await add('Did supervision help?');
    const { updateReviewQuestion } = await ok<{ updateReviewQuestion: Question }>(
      t,
      UPDATE,
      { id: question.id, v: 1, text: 'Did supervision help the social worker?' },
      admin,
    );
    expect(updateReviewQuestion.version).toBe(2);
    const stale = await t.gql(UPDATE, { id: question.id, v: 1, text: 'Again' }, admin);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    await ok(t, REMOVE, { id: question.id, dry: false }, admin);
  });

  it("reorders the questions, refusing another review's question", async () => {
    const { review } = await ok<{ review: { questions: Question[] } }>(
      t,
      QUESTIONS,
      { id: reviewId },
      admin,
    );
    const ids = review.questions.map((q) => q.id).reverse();
    const { reorderReviewQuestions } = await ok<{ reorderReviewQuestions: Question[] }>(
      t,
      REORDER,
      { r: reviewId, ids },
      admin,
    );
    expect(reorderReviewQuestions.map((q) => q.id)).toEqual(ids);
    expect(reorderReviewQuestions.map((q) => q.ordinal)).toEqual(ids.map((_, i) => i + 1));
    const foreign = await add('Elsewhere', otherReviewId);
    const refused = await t.gql(REORDER, { r: reviewId, ids: [...ids, foreign.id] }, admin);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await ok(t, REORDER, { r: reviewId, ids: [...ids].reverse() }, admin);
  });

  it('records which questions a finding answers, only questions of its own review', async () => {
    const { review } = await ok<{ review: { questions: Question[] } }>(
      t,
      QUESTIONS,
      { id: reviewId },
      admin,
    );
    const [first, second] = review.questions;
    const { createFinding } = await ok<{
      createFinding: {
        id: string;
        version: number;
        answersQuestionIds: string[];
        answersQuestions: { id: string; ordinal: number }[];
      };
    }>(t, CREATE_FINDING, { r: reviewId, i: finding({ answersQuestionIds: [second.id] }) }, admin);
    expect(createFinding.answersQuestionIds).toEqual([second.id]);
    expect(createFinding.answersQuestions).toEqual([{ id: second.id, ordinal: 2 }]);

    const foreign = await add('Not this review', otherReviewId);
    const refused = await t.gql(
      UPDATE_FINDING,
      { id: createFinding.id, v: 1, i: finding({ answersQuestionIds: [foreign.id] }) },
      admin,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/^answersQuestionIds/);
    const refusedOnCreate = await t.gql(
      CREATE_FINDING,
      { r: reviewId, i: finding({ answersQuestionIds: [foreign.id] }) },
      admin,
    );
    expect(refusedOnCreate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const kept = await ok<{ updateFinding: { version: number; answersQuestionIds: string[] } }>(
      t,
      UPDATE_FINDING,
      { id: createFinding.id, v: 1, i: finding({ title: 'Information sharing at the door' }) },
      admin,
    );
    expect(kept.updateFinding.answersQuestionIds).toEqual([second.id]);
    const both = await ok<{ updateFinding: { version: number; answersQuestionIds: string[] } }>(
      t,
      UPDATE_FINDING,
      {
        id: createFinding.id,
        v: kept.updateFinding.version,
        i: finding({ answersQuestionIds: [second.id, first.id] }),
      },
      admin,
    );
    // In the order of the questions, whatever order they were given in.
    expect(both.updateFinding.answersQuestionIds).toEqual([first.id, second.id]);

    const dryRun = await ok<{ removeReviewQuestion: { removed: boolean; consequences: string[] } }>(
      t,
      REMOVE,
      { id: first.id, dry: true },
      admin,
    );
    expect(dryRun.removeReviewQuestion).toEqual({
      removed: false,
      consequences: ['1 finding will no longer say they answer it'],
    });
    await ok(t, REMOVE, { id: first.id, dry: false }, admin);
    const after = await ok<{
      review: {
        questions: Question[];
        findings: { id: string; answersQuestionIds: string[] }[];
      };
    }>(t, QUESTIONS, { id: reviewId }, admin);
    expect(after.review.questions.map((q) => [q.id, q.ordinal])).toEqual([[second.id, 1]]);
    expect(after.review.findings[0].answersQuestionIds).toEqual([second.id]);
  });

  it('carries the questions and the answers through a bundle without loss', async () => {
    const exported = await t
      .http()
      .get(`/api/reviews/${reviewId}/bundle.json`)
      .set('authorization', `Bearer ${admin}`);
    expect(exported.status).toBe(200);
    expect(exported.body.reviewQuestions).toEqual([
      { ref: 'q1', text: 'Was the voice of the child heard?' },
    ]);
    expect(exported.body.findings[0].answers).toEqual(['q1']);
    const imported = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${admin}`)
      .send({ ...exported.body, review: { ...exported.body.review, reference: 'QUESTIONS-COPY' } });
    expect([imported.status, imported.body]).toEqual([201, expect.anything()]);
    const copy = await ok<{
      review: { questions: Question[]; findings: { answersQuestions: { text: string }[] }[] };
    }>(t, QUESTIONS, { id: imported.body.reviewId }, admin);
    expect(copy.review.questions.map((q) => q.text)).toEqual(['Was the voice of the child heard?']);
    expect(copy.review.findings[0].answersQuestions).toEqual([
      { id: copy.review.questions[0].id, text: 'Was the voice of the child heard?' },
    ]);
  });

  it('refuses a bundle whose finding answers a question it does not define', async () => {
    const exported = await t
      .http()
      .get(`/api/reviews/${reviewId}/bundle.json`)
      .set('authorization', `Bearer ${admin}`);
    const bundle = { ...exported.body, reviewQuestions: [] };
    const imported = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${admin}`)
      .send(bundle);
    expect(imported.status).toBe(400);
    expect(JSON.stringify(imported.body)).toContain('findings[0].answers[0]');
  });
});
