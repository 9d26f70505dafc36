import { Client } from 'pg';
import { adminToken, createAccount, createReview, ok, PASSWORD } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

const GENERAL_TRAIL = `query($first: Int, $after: String, $type: String) {
  generalAuditTrail(first: $first, after: $after, entityType: $type) {
    totalCount
    edges { cursor node { entityType entityId action actorEmail before after } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface TrailNode {
  entityType: string;
  entityId: string | null;
  action: string;
  actorEmail: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
interface Trail {
  generalAuditTrail: {
    totalCount: number;
    edges: { cursor: string; node: TrailNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('the audit trail outside reviews', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ SCR_LOGIN_RATE_LIMIT: '1000' });
    admin = await adminToken(t);
  });
  afterAll(() => t.close());

  it('records account creation, role changes, deactivation and password resets, without passwords', async () => {
    const account = await createAccount(t, admin, 'audited@test.local', 'ANALYST');
    await ok(
      t,
      'mutation($id: ID!) { changeUserRole(id: $id, expectedVersion: 1, role: TRAINER) { id } }',
      { id: account.id },
      admin,
    );
    await ok(
      t,
      'mutation($id: ID!) { deactivateUser(id: $id, expectedVersion: 2) { id } }',
      { id: account.id },
      admin,
    );
    await ok(
      t,
      'mutation($id: ID!) { reactivateUser(id: $id, expectedVersion: 3) { id } }',
      { id: account.id },
      admin,
    );
    await ok(
      t,
      'mutation($id: ID!) { resetUserPassword(id: $id, expectedVersion: 4, newPassword: "another long password") { user { id } } }',
      { id: account.id },
      admin,
    );

    const trail = await ok<Trail>(t, GENERAL_TRAIL, { type: 'User' }, admin);
    const mine = trail.generalAuditTrail.edges
      .map((edge) => edge.node)
      .filter((node) => node.entityId === account.id);
    expect(mine.map((node) => node.action)).toEqual([
      'reset-password',
      'reactivate',
      'deactivate',
      'change-role',
      'create',
    ]);
    expect(mine.every((node) => node.actorEmail === 'admin@test.local')).toBe(true);
    expect(mine[3]).toMatchObject({ before: { role: 'ANALYST' }, after: { role: 'TRAINER' } });
    expect(mine[4]).toMatchObject({
      before: null,
      after: { email: 'audited@test.local', role: 'ANALYST' },
    });
    const text = JSON.stringify(mine);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('another long password');
    expect(text).not.toMatch(/argon2|passwordHash/);
  });

  it('shows administrators theme changes but not changes inside reviews, a page at a time', async () => {
    await ok(
      t,
      'mutation { createTheme(input: { key: "audit-test-theme", label: "Audit test", kind: PRACTICE_THEME }) { key } }',
      {},
      admin,
    );
    await createReview(t, admin, 'AUDIT-1');

    const first = await ok<Trail>(t, GENERAL_TRAIL, { first: 2 }, admin);
    expect(first.generalAuditTrail.edges).toHaveLength(2);
    expect(first.generalAuditTrail.pageInfo.hasNextPage).toBe(true);
    expect(first.generalAuditTrail.edges[0].node).toMatchObject({
      entityType: 'Theme',
      action: 'create',
    });
    const rest = await ok<Trail>(
      t,
      GENERAL_TRAIL,
      { first: 100, after: first.generalAuditTrail.pageInfo.endCursor },
      admin,
    );
    const all = [...first.generalAuditTrail.edges, ...rest.generalAuditTrail.edges];
    expect(all).toHaveLength(first.generalAuditTrail.totalCount);
    expect(new Set(all.map((edge) => edge.cursor)).size).toBe(all.length);
    expect(all.some((edge) => edge.node.entityType === 'Review')).toBe(false);
  });

  it('is for administrators only', async () => {
    const reviewer = await createAccount(t, admin, 'nosy@test.local', 'REVIEWER');
    const refused = await t.gql(GENERAL_TRAIL, {}, reviewer.token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  describe('in the database', () => {
    let client: Client;
    beforeAll(async () => {
      client = new Client({ connectionString: t.databaseUrl });
      await client.connect();
    });
    afterAll(() => client.end());

    it.each([
      ['UPDATE', `UPDATE audit_event SET action = 'nothing happened'`],
      ['DELETE', `DELETE FROM audit_event`],
      ['TRUNCATE', `TRUNCATE audit_event`],
    ])('refuses %s of audit rows, even to the owner of the table', async (_op, statement) => {
      const before = (await client.query('SELECT count(*)::int AS n FROM audit_event')).rows[0].n;
      expect(before).toBeGreaterThan(0);
      await expect(client.query(statement)).rejects.toThrow(/audit trail is append-only/);
      const after = (await client.query('SELECT count(*)::int AS n FROM audit_event')).rows[0].n;
      expect(after).toBe(before);
    });

    it('refuses to delete a review or an account that the trail is about, rather than rewrite the trail', async () => {
      const review = await createReview(t, admin, 'AUDIT-2');
      await expect(client.query('DELETE FROM review WHERE id = $1', [review.id])).rejects.toThrow(
        /audit_event_review_id_fkey/,
      );
      const { rows } = await client.query(
        `SELECT id FROM user_account WHERE email = 'admin@test.local'`,
      );
      await expect(
        client.query('DELETE FROM user_account WHERE id = $1', [rows[0].id]),
      ).rejects.toThrow(/audit_event_actor_id_fkey/);
    });
  });
});
