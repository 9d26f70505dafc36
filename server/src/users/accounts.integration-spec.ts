import { adminToken, createAccount, createReview, ok, PASSWORD } from '../testing/accounts';
import { startTestApp, TEST_ADMIN, TestApp } from '../testing/test-app';

const USERS = '{ users { id email role version deactivatedAt } }';
const CHANGE_ROLE =
  'mutation($id: ID!, $v: Int!, $role: Role!) { changeUserRole(id: $id, expectedVersion: $v, role: $role) { id role version } }';
const DEACTIVATE =
  'mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, expectedVersion: $v) { id version deactivatedAt } }';
const REACTIVATE =
  'mutation($id: ID!, $v: Int!) { reactivateUser(id: $id, expectedVersion: $v) { id version deactivatedAt } }';
const RESET =
  'mutation($id: ID!, $v: Int!, $p: String) { resetUserPassword(id: $id, expectedVersion: $v, newPassword: $p) { generatedPassword user { version } } }';
const FIND =
  'query($s: String!, $r: ID!) { findAccounts(search: $s, reviewId: $r) { id displayName email } }';

type Errors = { errors?: { message: string; extensions?: Record<string, unknown> }[] };
const codeOf = (result: Errors) => result.errors?.[0].extensions?.code;

describe('accounts, as an administrator manages them', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  beforeAll(async () => {
    t = await startTestApp({ SCR_LOGIN_RATE_LIMIT: '1000' });
    admin = await adminToken(t);
    adminId = (await ok<{ me: { id: string } }>(t, '{ me { id } }', {}, admin)).me.id;
  });
  afterAll(() => t.close());

  it('changes a role with the version seen, and answers a stale version with CONFLICT', async () => {
    const account = await createAccount(t, admin, 'trainer@test.local', 'TRAINER');
    const changed = await ok<{ changeUserRole: { role: string; version: number } }>(
      t,
      CHANGE_ROLE,
      { id: account.id, v: 1, role: 'ANALYST' },
      admin,
    );
    expect(changed.changeUserRole).toMatchObject({ role: 'ANALYST', version: 2 });
    const stale = await t.gql(CHANGE_ROLE, { id: account.id, v: 1, role: 'REVIEWER' }, admin);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
  });

  it('deactivates and reactivates an account; only a reactivated one signs in', async () => {
    const account = await createAccount(t, admin, 'seasonal@test.local', 'REVIEWER');
    const off = await ok<{ deactivateUser: { version: number; deactivatedAt: string | null } }>(
      t,
      DEACTIVATE,
      { id: account.id, v: 1 },
      admin,
    );
    expect(off.deactivateUser.deactivatedAt).not.toBeNull();
    await expect(t.login('seasonal@test.local', PASSWORD)).rejects.toThrow('deactivated');
    const on = await ok<{ reactivateUser: { version: number; deactivatedAt: string | null } }>(
      t,
      REACTIVATE,
      { id: account.id, v: 2 },
      admin,
    );
    expect(on.reactivateUser).toMatchObject({ version: 3, deactivatedAt: null });
    await expect(t.login('seasonal@test.local', PASSWORD)).resolves.toEqual(expect.any(String));
  });

  it('resets a password to one the administrator gives, or to a generated one shown once', async () => {
    const account = await createAccount(t, admin, 'forgetful@test.local', 'ANALYST');
    const given = await ok<{ resetUserPassword: { generatedPassword: string | null } }>(
      t,
      RESET,
      { id: account.id, v: 1, p: 'a brand new password' },
      admin,
    );
    expect(given.resetUserPassword.generatedPassword).toBeNull();
    await expect(t.login('forgetful@test.local', PASSWORD)).rejects.toThrow();
    await t.login('forgetful@test.local', 'a brand new password');

    const generated = await ok<{ resetUserPassword: { generatedPassword: string } }>(
      t,
      RESET,
      { id: account.id, v: 2 },
      admin,
    );
    const password = generated.resetUserPassword.generatedPassword;
    expect(password.length).toBeGreaterThanOrEqual(12);
    await t.login('forgetful@test.local', password);

    const short = await t.gql(RESET, { id: account.id, v: 3, p: 'too short' }, admin);
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(short.errors)).not.toContain('too short');
  });

  it('keeps one active administrator: the last cannot demote or deactivate themselves', async () => {
    const demote = await t.gql(CHANGE_ROLE, { id: adminId, v: 1, role: 'REVIEWER' }, admin);
    expect(codeOf(demote)).toBe('BAD_USER_INPUT');
    expect(demote.errors?.[0].message).toMatch(/only active administrator/);
    expect(codeOf(await t.gql(DEACTIVATE, { id: adminId, v: 1 }, admin))).toBe('BAD_USER_INPUT');

    const second = await createAccount(t, admin, 'deputy@test.local', 'ADMIN');
    await ok(t, DEACTIVATE, { id: second.id, v: 1 }, admin);
    expect(codeOf(await t.gql(DEACTIVATE, { id: adminId, v: 1 }, admin))).toBe('BAD_USER_INPUT');

    await ok(t, REACTIVATE, { id: second.id, v: 2 }, admin);
    const deputy = await t.login('deputy@test.local', PASSWORD);
    // With a second active administrator, the first may step down.
    await ok(t, CHANGE_ROLE, { id: adminId, v: 1, role: 'REVIEWER' }, admin);
    const last = await t.gql(CHANGE_ROLE, { id: second.id, v: 3, role: 'ANALYST' }, deputy);
    expect(codeOf(last)).toBe('BAD_USER_INPUT');
    await ok(t, CHANGE_ROLE, { id: adminId, v: 2, role: 'ADMIN' }, deputy);
    admin = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
  });

  it('lets only administrators manage accounts', async () => {
    const reviewer = await createAccount(t, admin, 'curious@test.local', 'REVIEWER');
    for (const [query, variables] of [
      [USERS, {}],
      [CHANGE_ROLE, { id: reviewer.id, v: 1, role: 'ADMIN' }],
      [DEACTIVATE, { id: adminId, v: 1 }],
      [REACTIVATE, { id: reviewer.id, v: 1 }],
      [RESET, { id: adminId, v: 1 }],
    ] as const) {
      expect(codeOf(await t.gql(query, variables, reviewer.token))).toBe('FORBIDDEN');
    }
  });

  describe('findAccounts, for whoever manages a review', () => {
    let lead: { id: string; token: string };
    let reviewId: string;
    beforeAll(async () => {
      lead = await createAccount(t, admin, 'lead@test.local', 'REVIEWER');
      reviewId = (await createReview(t, lead.token, 'FIND-1')).id;
      for (let i = 0; i < 12; i += 1) {
        await createAccount(t, admin, `colleague${i}@partner.example`, 'REVIEWER');
      }
      await createAccount(t, admin, 'pat.smith_x@test.local', 'ANALYST');
    });

    it('finds up to 10 active non-members by name or email, without their role', async () => {
      const found = await ok<{ findAccounts: Record<string, unknown>[] }>(
        t,
        FIND,
        { s: 'Colleague', r: reviewId },
        lead.token,
      );
      expect(found.findAccounts).toHaveLength(10);
      expect(Object.keys(found.findAccounts[0]).sort()).toEqual(['displayName', 'email', 'id']);
      const withRole = await t.gql(
        'query($r: ID!) { findAccounts(search: "coll", reviewId: $r) { role } }',
        { r: reviewId },
        lead.token,
      );
      expect(codeOf(withRole)).toBe('GRAPHQL_VALIDATION_FAILED');

      const self = await ok<{ findAccounts: { email: string }[] }>(
        t,
        FIND,
        { s: 'lead@', r: reviewId },
        lead.token,
      );
      expect(self.findAccounts).toEqual([]);
    });

    it('treats % and _ as themselves, and needs at least 2 characters', async () => {
      const wildcard = await ok<{ findAccounts: unknown[] }>(
        t,
        FIND,
        { s: '%%', r: reviewId },
        lead.token,
      );
      expect(wildcard.findAccounts).toEqual([]);
      const underscore = await ok<{ findAccounts: { email: string }[] }>(
        t,
        FIND,
        { s: 'h_x', r: reviewId },
        lead.token,
      );
      expect(underscore.findAccounts.map((a) => a.email)).toEqual(['pat.smith_x@test.local']);
      const short = await t.gql(FIND, { s: ' c ', r: reviewId }, lead.token);
      expect(codeOf(short)).toBe('BAD_USER_INPUT');
      expect(short.errors?.[0].message).toBe('Type at least 2 characters of a name or email.');
    });

    it('leaves deactivated accounts out', async () => {
      const gone = await createAccount(t, admin, 'departed@test.local', 'REVIEWER');
      await ok(t, DEACTIVATE, { id: gone.id, v: 1 }, admin);
      const found = await ok<{ findAccounts: unknown[] }>(
        t,
        FIND,
        { s: 'departed', r: reviewId },
        lead.token,
      );
      expect(found.findAccounts).toEqual([]);
    });

    it('refuses those who do not manage the review', async () => {
      const outsider = await createAccount(t, admin, 'outsider@test.local', 'REVIEWER');
      expect(codeOf(await t.gql(FIND, { s: 'colleague', r: reviewId }, outsider.token))).toBe(
        'FORBIDDEN',
      );
      const member = await createAccount(t, admin, 'teammate@test.local', 'REVIEWER');
      await ok(
        t,
        'mutation($r: ID!, $u: ID!) { addMember(reviewId: $r, userId: $u, role: REVIEW_TEAM) { id } }',
        { r: reviewId, u: member.id },
        lead.token,
      );
      expect(codeOf(await t.gql(FIND, { s: 'colleague', r: reviewId }, member.token))).toBe(
        'FORBIDDEN',
      );
      const asAdmin = await ok<{ findAccounts: unknown[] }>(
        t,
        FIND,
        { s: 'colleague', r: reviewId },
        admin,
      );
      expect(asAdmin.findAccounts).toHaveLength(10);
    });
  });
});
