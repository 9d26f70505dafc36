import demoReview from '../setup/demo-review.bundle.json';
import { adminToken } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

/** The bundle as text, without what differs from one export to the next. */
function text(bundle: Record<string, unknown>): string {
  const { exportedAt: _exportedAt, source: _source, ...rest } = bundle;
  return JSON.stringify(rest, null, 2);
}

describe('the bundle format', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
  });
  afterAll(() => t.close());

  // The snapshot was written by the export before each context wrote its own part of a bundle:
  // the format, key order included, must not change with how the code is laid out.
  it('writes the demo review out as it always has: the same keys, in the same order', async () => {
    const imported = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${token}`)
      .send(demoReview);
    expect(imported.status).toBe(201);
    const exported = await t
      .http()
      .get(`/api/reviews/${imported.body.reviewId}/bundle.json`)
      .set('authorization', `Bearer ${token}`);
    expect(exported.status).toBe(200);
    expect(text(JSON.parse(exported.text))).toMatchSnapshot();
  });
});
