import { adminToken, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

const CREATE = `mutation($r: ID!, $i: FindingInput!) { createFinding(reviewId: $r, input: $i) { id effect } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: FindingInput!) { updateFinding(id: $id, expectedVersion: $v, input: $i) { version effect } }`;

async function exportBundle(t: TestApp, token: string, reviewId: string) {
  const response = await t
    .http()
    .get(`/api/reviews/${reviewId}/bundle.json`)
    .set('authorization', `Bearer ${token}`);
  expect(response.status).toBe(200);
  return response.body;
}

async function importBundle(t: TestApp, token: string, bundle: unknown): Promise<string> {
  const response = await t
    .http()
    .post('/api/reviews/bundle')
    .set('authorization', `Bearer ${token}`)
    .send(bundle as object);
  expect(response.status).toBe(201);
  return response.body.reviewId;
}

describe('the parts of a finding (the Learning Together template)', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'TEMPLATE-1')).id;
  });

  afterAll(() => t.close());

  describe('effect', () => {
    it('is required on a new finding', async () => {
      const result = await t.gql(
        CREATE,
        { r: reviewId, i: { title: 'Referrals', category: 'INCIDENTS_AND_CRISES' } },
        token,
      );
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(/^effect/);
    });

    it('is refused as null or outside its vocabulary', async () => {
      for (const effect of [null, 'HELPFUL']) {
        const result = await t.gql(
          CREATE,
          { r: reviewId, i: { title: 'Referrals', category: 'TOOLS', effect } },
          token,
        );
        expect(result.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION/);
      }
    });

    it('is stored, kept when an update leaves it out, and changed when it is given', async () => {
      const { createFinding } = await ok<{ createFinding: { id: string; effect: string } }>(
        t,
        CREATE,
        {
          r: reviewId,
          i: {
            title: 'Supervision',
            category: 'MANAGEMENT_SYSTEMS',
            effect: 'SUPPORTS_GOOD_PRACTICE',
          },
        },
        token,
      );
      expect(createFinding.effect).toBe('SUPPORTS_GOOD_PRACTICE');
      const kept = await ok<{ updateFinding: { version: number; effect: string } }>(
        t,
        UPDATE,
        { id: createFinding.id, v: 1, i: { title: 'Supervision', category: 'MANAGEMENT_SYSTEMS' } },
        token,
      );
      expect(kept.updateFinding.effect).toBe('SUPPORTS_GOOD_PRACTICE');
      const changed = await ok<{ updateFinding: { effect: string } }>(
        t,
        UPDATE,
        {
          id: createFinding.id,
          v: kept.updateFinding.version,
          i: {
            title: 'Supervision',
            category: 'MANAGEMENT_SYSTEMS',
            effect: 'MAKES_PROBLEMS_MORE_LIKELY',
          },
        },
        token,
      );
      expect(changed.updateFinding.effect).toBe('MAKES_PROBLEMS_MORE_LIKELY');
    });

    it('travels in a bundle, and an older bundle without it imports as making problems more likely', async () => {
      const review = (await createReview(t, token, 'TEMPLATE-EFFECT')).id;
      await ok(
        t,
        CREATE,
        {
          r: review,
          i: { title: 'Good help', category: 'TOOLS', effect: 'SUPPORTS_GOOD_PRACTICE' },
        },
        token,
      );
      const bundle = await exportBundle(t, token, review);
      expect(bundle.findings[0].effect).toBe('SUPPORTS_GOOD_PRACTICE');

      const effectOf = async (id: string) =>
        (
          await ok<{ review: { findings: { effect: string }[] } }>(
            t,
            'query($id: ID!) { review(id: $id) { findings { effect } } }',
            { id },
            token,
          )
        ).review.findings.map((finding) => finding.effect);
      bundle.review.reference = 'TEMPLATE-EFFECT-COPY';
      expect(await effectOf(await importBundle(t, token, bundle))).toEqual([
        'SUPPORTS_GOOD_PRACTICE',
      ]);

      delete bundle.findings[0].effect;
      bundle.review.reference = 'TEMPLATE-EFFECT-OLD';
      expect(await effectOf(await importBundle(t, token, bundle))).toEqual([
        'MAKES_PROBLEMS_MORE_LIKELY',
      ]);
    });
  });
});
