import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { adminToken } from '../testing/accounts';
import { buildSyntheticReview } from '../testing/synthetic-review';
import { startTestApp, TestApp } from '../testing/test-app';

function expectSecurityHeaders(response: Response): void {
  const csp = response.headers['content-security-policy'];
  expect(csp).toBeDefined();
  const directives = new Map<string, string>(
    csp.split(';').map((part: string) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as [string, string];
    }),
  );
  expect(directives.get('default-src')).toBe("'self'");
  expect(directives.get('script-src')).toBe("'self'");
  expect(directives.get('style-src')).toBe("'self'");
  expect(directives.get('object-src')).toBe("'none'");
  expect(directives.get('frame-ancestors')).toBe("'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['x-powered-by']).toBeUndefined();
}

describe('security headers', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;

  beforeAll(async () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'scr-client-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>');
    t = await startTestApp({ CLIENT_DIR: clientDir });
    token = await adminToken(t);
    reviewId = await buildSyntheticReview(t, token, 'HEADERS-1', {
      events: 2,
      episodes: 0,
      factors: 0,
      findings: 0,
    });
  });
  afterAll(() => t.close());

  it('are sent with the workbench page', async () => {
    const response = await t.http().get('/reviews/1').set('accept', 'text/html');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<div id="root">');
    expectSecurityHeaders(response);
  });

  it('are sent with GraphQL answers, refusals included', async () => {
    const answered = await t
      .http()
      .post('/graphql')
      .set('authorization', `Bearer ${token}`)
      .send({ query: '{ me { id } }' });
    expect(answered.body.data.me.id).toBeTruthy();
    expectSecurityHeaders(answered);
    const refused = await t.http().post('/graphql').send({ query: '{ me { id } }' });
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expectSecurityHeaders(refused);
  });

  it('are sent with downloads under /api', async () => {
    const response = await t
      .http()
      .get(`/api/reviews/${reviewId}/bundle.json`)
      .set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
    expectSecurityHeaders(response);
    expectSecurityHeaders(await t.http().get(`/api/reviews/${reviewId}/timeline.csv`));
  });

  it('are sent with /health and with a 404', async () => {
    const health = await t.http().get('/health');
    expect(health.status).toBe(200);
    expectSecurityHeaders(health);
    const missing = await t.http().get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });
});
