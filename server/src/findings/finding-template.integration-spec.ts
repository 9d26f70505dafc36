import { TEXT_LIMITS } from '@scr/shared';
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

  describe('not peculiar to this case, prevalence and its references', () => {
    const PARTS = `mutation($r: ID!, $i: FindingInput!) { createFinding(reviewId: $r, input: $i) { id notPeculiar prevalence references { kind citation url reviewId } } }`;
    const base = {
      title: 'Health at the front door',
      category: 'INCIDENTS_AND_CRISES',
      effect: 'MAKES_PROBLEMS_MORE_LIKELY',
    };

    it('stores the parts apart, with the references in order', async () => {
      const { createFinding } = await ok<{
        createFinding: { notPeculiar: string; prevalence: string; references: unknown[] };
      }>(
        t,
        PARTS,
        {
          r: reviewId,
          i: {
            ...base,
            notPeculiar: 'The case group said\nthis is the usual pattern.',
            prevalence: 'Health was checked in 6% of notifications.',
            references: [
              { kind: 'AUDIT', citation: '  Partnership audit, November 2023  ' },
              { kind: 'OTHER_REVIEW', citation: 'Child J (2021)', reviewId },
              {
                kind: 'RESEARCH',
                citation: 'Brandon et al. (2020), Complexity and challenge',
                url: 'https://www.gov.uk/government/publications/complexity-and-challenge',
              },
            ],
          },
        },
        token,
      );
      expect(createFinding).toEqual({
        id: expect.any(String),
        notPeculiar: 'The case group said\nthis is the usual pattern.',
        prevalence: 'Health was checked in 6% of notifications.',
        references: [
          {
            kind: 'AUDIT',
            citation: 'Partnership audit, November 2023',
            url: null,
            reviewId: null,
          },
          { kind: 'OTHER_REVIEW', citation: 'Child J (2021)', url: null, reviewId },
          {
            kind: 'RESEARCH',
            citation: 'Brandon et al. (2020), Complexity and challenge',
            url: 'https://www.gov.uk/government/publications/complexity-and-challenge',
            reviewId: null,
          },
        ],
      });
    });

    it.each([
      ['a blank citation', { kind: 'AUDIT', citation: '   ' }, /citation/],
      [
        'a citation too long',
        { kind: 'AUDIT', citation: 'x'.repeat(TEXT_LIMITS.referenceCitation + 1) },
        /citation must be shorter/,
      ],
      [
        'an address that is not http or https',
        { kind: 'RESEARCH', citation: 'A paper', url: 'javascript:alert(1)' },
        /url must be an http or https address/,
      ],
      [
        'an address without a scheme',
        { kind: 'RESEARCH', citation: 'A paper', url: 'www.example.org' },
        /url must be an http or https address/,
      ],
      [
        'an address too long',
        {
          kind: 'RESEARCH',
          citation: 'A paper',
          url: `https://example.org/${'a'.repeat(TEXT_LIMITS.referenceUrl)}`,
        },
        /url must be shorter/,
      ],
      [
        'a review that is not an id',
        { kind: 'OTHER_REVIEW', citation: 'Child J', reviewId: 'child-j' },
        /reviewId must be an id/,
      ],
    ])('refuses a reference with %s', async (_what, reference, message) => {
      const result = await t.gql(
        PARTS,
        { r: reviewId, i: { ...base, references: [reference] } },
        token,
      );
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(message);
    });

    it('refuses a notPeculiar longer than a finding part takes', async () => {
      const result = await t.gql(
        PARTS,
        { r: reviewId, i: { ...base, notPeculiar: 'x'.repeat(TEXT_LIMITS.findingPart + 1) } },
        token,
      );
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('replaces the references on update and keeps them when the update leaves them out', async () => {
      const created = await ok<{ createFinding: { id: string } }>(
        t,
        PARTS,
        { r: reviewId, i: { ...base, references: [{ kind: 'AUDIT', citation: 'Audit 2023' }] } },
        token,
      );
      const id = created.createFinding.id;
      const update = `mutation($id: ID!, $v: Int!, $i: FindingInput!) { updateFinding(id: $id, expectedVersion: $v, input: $i) { version notPeculiar references { kind citation } } }`;
      const kept = await ok<{
        updateFinding: { version: number; notPeculiar: string; references: unknown[] };
      }>(t, update, { id, v: 1, i: { ...base, notPeculiar: 'Seen in three other cases.' } }, token);
      expect(kept.updateFinding).toMatchObject({
        notPeculiar: 'Seen in three other cases.',
        references: [{ kind: 'AUDIT', citation: 'Audit 2023' }],
      });
      const replaced = await ok<{ updateFinding: { references: unknown[] } }>(
        t,
        update,
        {
          id,
          v: 2,
          i: {
            ...base,
            references: [
              { kind: 'NATIONAL_DATA', citation: 'Characteristics of children in need' },
            ],
          },
        },
        token,
      );
      expect(replaced.updateFinding.references).toEqual([
        { kind: 'NATIONAL_DATA', citation: 'Characteristics of children in need' },
      ]);
    });

    it('travel through a bundle unchanged, and a bundle with a bad reference is refused', async () => {
      const review = (await createReview(t, token, 'TEMPLATE-PARTS')).id;
      const references = [
        { kind: 'OTHER_REVIEW', citation: 'Child J (2021)', url: null, reviewId },
        {
          kind: 'NATIONAL_DATA',
          citation: 'Children in need census',
          url: 'https://explore-education-statistics.service.gov.uk/',
          reviewId: null,
        },
      ];
      await ok(
        t,
        PARTS,
        {
          r: review,
          i: { ...base, notPeculiar: 'The usual pattern.', prevalence: 'Common.', references },
        },
        token,
      );
      const bundle = await exportBundle(t, token, review);
      expect(bundle.findings[0]).toMatchObject({
        notPeculiar: 'The usual pattern.',
        prevalence: 'Common.',
        references,
      });
      bundle.review.reference = 'TEMPLATE-PARTS-COPY';
      const copy = await importBundle(t, token, bundle);
      const again = await exportBundle(t, token, copy);
      expect(again.findings).toEqual(bundle.findings);

      const broken = structuredClone(bundle);
      broken.review.reference = 'TEMPLATE-PARTS-BROKEN';
      broken.findings[0].references = [
        { kind: 'BLOG', citation: '', url: 'ftp://example.org/x', reviewId: 'j' },
      ];
      const refused = await t
        .http()
        .post('/api/reviews/bundle')
        .set('authorization', `Bearer ${token}`)
        .send(broken);
      expect(refused.status).toBe(400);
      const paths = JSON.stringify(refused.body);
      for (const field of ['kind', 'citation', 'url', 'reviewId'])
        expect(paths).toContain(`findings[0].references[0].${field}`);
    });

    it('reads an older bundle without them as empty', async () => {
      const review = (await createReview(t, token, 'TEMPLATE-OLDER')).id;
      await ok(t, PARTS, { r: review, i: base }, token);
      const bundle = await exportBundle(t, token, review);
      delete bundle.findings[0].notPeculiar;
      delete bundle.findings[0].references;
      bundle.review.reference = 'TEMPLATE-OLDER-COPY';
      const copy = await importBundle(t, token, bundle);
      const again = await exportBundle(t, token, copy);
      expect(again.findings[0]).toMatchObject({ notPeculiar: null, references: [] });
    });
  });
});
