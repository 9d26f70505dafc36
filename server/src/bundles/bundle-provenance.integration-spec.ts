import { adminToken, createAccount, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

interface AuditRow {
  actorEmail: string;
  action: string;
  entityType: string;
  after: Record<string, unknown> | null;
}

const ADD_MEMBER =
  'mutation($r: ID!, $u: ID!, $role: ReviewRole!) { addMember(reviewId: $r, userId: $u, role: $role) { id } }';

describe('copies of a review: bundles and exports', () => {
  let t: TestApp;
  let admin: string;
  let lead: { id: string; token: string };
  let caseGroup: { id: string; token: string };
  let observer: { id: string; token: string };
  let team: { id: string; token: string };
  let reviewId: string;

  const get = (path: string, token: string) =>
    t.http().get(path).set('authorization', `Bearer ${token}`);

  async function downloads(id: string): Promise<AuditRow[]> {
    const data = await ok<{ review: { auditTrail: { edges: { node: AuditRow }[] } } }>(
      t,
      'query($id: ID!) { review(id: $id) { auditTrail(first: 100) { edges { node { actorEmail action entityType after } } } } }',
      { id },
      admin,
    );
    return data.review.auditTrail.edges.map((e) => e.node).filter((e) => e.action === 'download');
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    lead = await createAccount(t, admin, 'lead@test.local', 'REVIEWER');
    caseGroup = await createAccount(t, admin, 'casegroup@test.local', 'REVIEWER');
    observer = await createAccount(t, admin, 'observer@test.local', 'REVIEWER');
    team = await createAccount(t, admin, 'team@test.local', 'REVIEWER');
    reviewId = (await createReview(t, lead.token, 'COPY-1')).id;
    for (const [account, role] of [
      [caseGroup, 'CASE_GROUP'],
      [observer, 'OBSERVER'],
      [team, 'REVIEW_TEAM'],
    ] as const)
      await ok(t, ADD_MEMBER, { r: reviewId, u: account.id, role }, lead.token);
    await ok(
      t,
      'mutation($r: ID!) { addPerson(reviewId: $r, input: { name: "Jane Example", pseudonym: "Mother" }) { id } }',
      { r: reviewId },
      lead.token,
    );
    await ok(
      t,
      'mutation($r: ID!) { addTimelineEvents(reviewId: $r, events: [{ occurredOn: "2022-04", title: "Home visit" }]) { id } }',
      { r: reviewId },
      lead.token,
    );
  });
  afterAll(() => t.close());

  it('gives the case group and observers a bundle without real names, and refuses them one with', async () => {
    for (const member of [caseGroup, observer, team]) {
      const bundle = await get(`/api/reviews/${reviewId}/bundle.json`, member.token);
      expect(bundle.status).toBe(200);
      expect(bundle.text).not.toContain('Jane Example');
      expect(bundle.body.people).toEqual([
        expect.objectContaining({ name: null, pseudonym: 'Mother' }),
      ]);
      expect(bundle.body.source.realNames).toBe(false);
      const withNames = await get(`/api/reviews/${reviewId}/bundle.json?names=real`, member.token);
      expect(withNames.status).toBe(403);
    }
  });

  it('lets the lead reviewer and administrators export real names, and records every export', async () => {
    const before = (await downloads(reviewId)).length;
    const byLead = await get(`/api/reviews/${reviewId}/bundle.json`, lead.token);
    expect(byLead.body.people[0].name).toBe('Jane Example');
    expect(byLead.body.source).toEqual({
      installation: expect.any(String),
      reviewId,
      reference: 'COPY-1',
      exportedBy: 'lead@test.local',
      realNames: true,
    });
    const pseudonymised = await get(`/api/reviews/${reviewId}/bundle.json?names=pseudonyms`, admin);
    expect(pseudonymised.body.people[0].name).toBeNull();
    await get(`/api/reviews/${reviewId}/bundle.json`, caseGroup.token);

    const recorded = (await downloads(reviewId)).slice(
      0,
      (await downloads(reviewId)).length - before,
    );
    expect(recorded).toEqual([
      expect.objectContaining({
        actorEmail: 'casegroup@test.local',
        after: { download: 'bundle.json', realNames: false },
      }),
      expect.objectContaining({
        actorEmail: 'admin@test.local',
        after: { download: 'bundle.json', realNames: false },
      }),
      expect.objectContaining({
        actorEmail: 'lead@test.local',
        after: { download: 'bundle.json', realNames: true },
      }),
    ]);
  });

  it('records downloads of the timeline as CSV and XLSX', async () => {
    const before = (await downloads(reviewId)).length;
    expect((await get(`/api/reviews/${reviewId}/timeline.csv`, team.token)).status).toBe(200);
    expect((await get(`/api/reviews/${reviewId}/timeline.xlsx`, observer.token)).status).toBe(200);
    const all = await downloads(reviewId);
    expect(all.slice(0, all.length - before)).toEqual([
      expect.objectContaining({
        actorEmail: 'observer@test.local',
        after: { download: 'timeline.xlsx', realNames: false },
      }),
      expect.objectContaining({
        actorEmail: 'team@test.local',
        after: { download: 'timeline.csv', realNames: false },
      }),
    ]);
  });

  it('records in an imported review where it came from, and audits the import', async () => {
    const bundle = (await get(`/api/reviews/${reviewId}/bundle.json`, lead.token)).body;
    const copy = { ...bundle, review: { ...bundle.review, reference: 'COPY-1-IMPORTED' } };
    const imported = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${team.token}`)
      .send(copy);
    expect(imported.status).toBe(201);
    const data = await ok<{
      review: {
        importedFrom: Record<string, unknown>;
        auditTrail: { edges: { node: AuditRow }[] };
      };
    }>(
      t,
      `query($id: ID!) { review(id: $id) {
         importedFrom { reference sourceReviewId installation exportedAt exportedBy realNames importedAt importedBy }
         auditTrail { edges { node { actorEmail action entityType after } } } } }`,
      { id: imported.body.reviewId },
      team.token,
    );
    const expected = {
      reference: 'COPY-1',
      sourceReviewId: reviewId,
      installation: bundle.source.installation,
      exportedAt: bundle.exportedAt,
      exportedBy: 'lead@test.local',
      realNames: true,
      importedAt: expect.any(String),
      importedBy: 'team@test.local',
    };
    expect(data.review.importedFrom).toEqual(expected);
    const audit = data.review.auditTrail.edges.map((e) => e.node);
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'import',
        actorEmail: 'team@test.local',
        after: expect.objectContaining({ importedFrom: expected }),
      }),
    );

    const fresh = await ok<{ review: { importedFrom: unknown } }>(
      t,
      'query($id: ID!) { review(id: $id) { importedFrom { reference } } }',
      { id: reviewId },
      lead.token,
    );
    expect(fresh.review.importedFrom).toBeNull();
  });

  it('refuses a bundle whose source block is malformed', async () => {
    const bundle = (await get(`/api/reviews/${reviewId}/bundle.json`, lead.token)).body;
    const response = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${lead.token}`)
      .send({
        ...bundle,
        review: { ...bundle.review, reference: 'COPY-1-BAD' },
        source: { ...bundle.source, exportedBy: 'x'.repeat(1000), realNames: 'yes' },
      });
    expect(response.status).toBe(400);
    expect(response.body.problems.map((p: { path: string }) => p.path)).toEqual([
      'source.exportedBy',
      'source.realNames',
    ]);
  });
});
