import { adminToken, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

describe('one occasion recorded by several agencies', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  const agencies: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'DUPLICATES-1')).id;
    for (const [name, sector] of [
      ['Northmoor Police', 'POLICE'],
      ['Northmoor Children’s Social Care', 'CHILDRENS_SOCIAL_CARE'],
    ]) {
      agencies[sector] = (
        await ok<{ addAgency: { id: string } }>(
          t,
          'mutation($r: ID!, $i: AgencyInput!) { addAgency(reviewId: $r, input: $i) { id } }',
          { r: reviewId, i: { name, sector } },
          token,
        )
      ).addAgency.id;
    }
  });
  afterAll(() => t.close());

  const importFile = (text: string, name: string, agencyId: string) =>
    t
      .http()
      .post(`/api/reviews/${reviewId}/chronology`)
      .set('authorization', `Bearer ${token}`)
      .field('agencyId', agencyId)
      .attach('file', Buffer.from(text), name);

  it('proposes the strategy discussion both agencies recorded, and links the two records as one event', async () => {
    const police = await importFile(
      'Date,Entry,Details\n01/06/2022,Strategy discussion with social care,Police attended the strategy discussion\n03/06/2022,Arrest of Mr B,\n',
      'police.csv',
      agencies.POLICE,
    );
    expect(police.body.duplicateCandidates).toBe(0);
    const social = await importFile(
      'Date,Entry,Details\n01/06/2022,Strategy discussion held with police,Decision: section 47 enquiry\nJune 2022,Home visit,\n',
      'csc.csv',
      agencies.CHILDRENS_SOCIAL_CARE,
    );
    expect(social.body.duplicateCandidates).toBe(1);

    const proposed = await ok<{
      review: {
        duplicateCandidates: {
          score: number;
          first: { id: string; title: string };
          second: { id: string; title: string };
        }[];
      };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { duplicateCandidates { score first { id title } second { id title } } } }',
      { id: reviewId },
      token,
    );
    expect(proposed.review.duplicateCandidates).toHaveLength(1);
    const [pair] = proposed.review.duplicateCandidates;
    expect([pair.first.title, pair.second.title].sort()).toEqual([
      'Strategy discussion held with police',
      'Strategy discussion with social care',
    ]);
    expect(pair.score).toBeGreaterThanOrEqual(0.3);

    const linked = await ok<{
      linkEvents: {
        id: string;
        source: string;
        agency: { name: string };
        linkedEvents: { id: string }[];
      }[];
    }>(
      t,
      'mutation($r: ID!, $ids: [ID!]!) { linkEvents(reviewId: $r, eventIds: $ids) { id source agency { name } linkedEvents { id } } }',
      { r: reviewId, ids: [pair.first.id, pair.second.id] },
      token,
    );
    expect(linked.linkEvents).toHaveLength(2);
    expect(linked.linkEvents.map((e) => e.source).sort()).toEqual([
      'csc.csv, row 2',
      'police.csv, row 2',
    ]);
    expect(linked.linkEvents[0].linkedEvents).toEqual([{ id: linked.linkEvents[1].id }]);

    const after = await ok<{
      review: { duplicateCandidates: unknown[]; events: { totalCount: number } };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { duplicateCandidates { score } events { totalCount } } }',
      { id: reviewId },
      token,
    );
    expect(after.review.duplicateCandidates).toEqual([]);
    expect(after.review.events.totalCount).toBe(4);

    const unlinked = await ok<{ unlinkEvent: { linkedEvents: unknown[] } }>(
      t,
      'mutation($id: ID!) { unlinkEvent(id: $id) { linkedEvents { id } } }',
      { id: pair.first.id },
      token,
    );
    expect(unlinked.unlinkEvent.linkedEvents).toEqual([]);
  });

  it('refuses to link fewer than two events', async () => {
    const result = await t.gql(
      'mutation($r: ID!, $ids: [ID!]!) { linkEvents(reviewId: $r, eventIds: $ids) { id } }',
      { r: reviewId, ids: ['00000000-0000-0000-0000-000000000000'] },
      token,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'eventIds',
    });
  });
});
