import { adminToken, createReview, ok } from '../../testing/accounts';
import { startTestApp, TestApp } from '../../testing/test-app';

/** Text from a file is checked as typed text is: nothing the database refuses reaches it. */
describe('chronology import: the text of each row', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  let agencyId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'IMPORT-TEXT-1')).id;
    agencyId = (
      await ok<{ addAgency: { id: string } }>(
        t,
        'mutation($r: ID!) { addAgency(reviewId: $r, input: { name: "Police", sector: POLICE }) { id } }',
        { r: reviewId },
        token,
      )
    ).addAgency.id;
  });
  afterAll(() => t.close());

  it('names the rows whose text holds a control character or is too long, storing nothing', async () => {
    const file = Buffer.from(
      `Date,Entry,Details\n01/03/2022,Strategy\u0007discussion,Fine\n02/03/2022,Visit,"${'x'.repeat(20_001)}"\n03/03/2022,Call,"Line one\nline two"\n`,
      'utf8',
    );
    const refused = await t
      .http()
      .post(`/api/reviews/${reviewId}/chronology`)
      .set('authorization', `Bearer ${token}`)
      .field('agencyId', agencyId)
      .field('mapping', JSON.stringify({ date: 'Date', title: 'Entry', description: 'Details' }))
      .attach('file', file, 'police.csv');
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        row: 2,
        column: 'Entry',
        value: 'Strategy\u0007discussion',
        message: 'the text must not contain control characters (found U+0007 at character 9)',
      },
      {
        row: 3,
        column: 'Details',
        value: `${'x'.repeat(200)}…`,
        message: 'the text must be at most 20000 characters long (it has 20001)',
      },
    ]);
    const count = await ok<{ review: { events: { totalCount: number } } }>(
      t,
      'query($id: ID!) { review(id: $id) { events { totalCount } } }',
      { id: reviewId },
      token,
    );
    expect(count.review.events.totalCount).toBe(0);
  });
});
