import { TEST_ADMIN, startTestApp, TestApp } from '../testing/test-app';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt user { email role } } }';
const CREATE_USER =
  'mutation($input: CreateUserInput!) { createUser(input: $input) { id email role displayName } }';

describe('sign-in and accounts', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await startTestApp({ SCR_LOGIN_RATE_LIMIT: '1000' });
    adminToken = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(() => t.close());

  it('signs the administrator from the environment in, with an expiring token', async () => {
    const result = await t.gql<{
      login: { token: string; expiresAt: string; user: { role: string } };
    }>(LOGIN, {
      e: TEST_ADMIN.email.toUpperCase(),
      p: TEST_ADMIN.password,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.login.user.role).toBe('ADMIN');
    const hours = (Date.parse(result.data!.login.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrongPassword = await t.gql(LOGIN, { e: TEST_ADMIN.email, p: 'not the password at all' });
    const unknownEmail = await t.gql(LOGIN, {
      e: 'nobody@test.local',
      p: 'not the password at all',
    });
    expect(wrongPassword.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknownEmail.errors?.[0]).toEqual(wrongPassword.errors?.[0]);
  });

  it('refuses every other operation without a valid token', async () => {
    expect((await t.gql('{ me { email } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = adminToken.slice(0, -4) + 'abcd';
    expect((await t.gql('{ me { email } }', {}, forged)).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const me = await t.gql<{ me: { email: string } }>('{ me { email } }', {}, adminToken);
    expect(me.data?.me.email).toBe(TEST_ADMIN.email);
  });

  it('lets an administrator create accounts, and only an administrator', async () => {
    const created = await t.gql<{
      createUser: { email: string; role: string; displayName: string };
    }>(
      CREATE_USER,
      {
        input: {
          email: ' Reviewer@Test.Local ',
          password: 'a long enough password',
          role: 'REVIEWER',
        },
      },
      adminToken,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createUser).toMatchObject({
      email: 'reviewer@test.local',
      role: 'REVIEWER',
      displayName: 'reviewer',
    });

    const reviewerToken = await t.login('reviewer@test.local', 'a long enough password');
    const refused = await t.gql(
      CREATE_USER,
      { input: { email: 'x@test.local', password: 'a long enough password', role: 'ADMIN' } },
      reviewerToken,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await t.gql('{ users { email } }', {}, reviewerToken)).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('refuses a password under 12 characters with a clear message', async () => {
    const result = await t.gql(
      CREATE_USER,
      { input: { email: 'short@test.local', password: 'elevenchars', role: 'ANALYST' } },
      adminToken,
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toBe('Password must be at least 12 characters long.');
    expect(JSON.stringify(result.errors)).not.toContain('elevenchars');
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const input = {
      email: 'twice@test.local',
      password: 'a long enough password',
      role: 'TRAINER',
    };
    await t.gql(CREATE_USER, { input }, adminToken);
    const again = await t.gql(
      CREATE_USER,
      { input: { ...input, email: 'TWICE@test.local' } },
      adminToken,
    );
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].message).toContain('already exists');
  });

  it('refuses a malformed email and an unknown role', async () => {
    const badEmail = await t.gql(
      CREATE_USER,
      { input: { email: 'not-an-email', password: 'a long enough password', role: 'TRAINER' } },
      adminToken,
    );
    expect(badEmail.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(badEmail.errors?.[0].message).toBe('email must be an email address');
    const badRole = await t.gql(
      CREATE_USER,
      { input: { email: 'r@test.local', password: 'a long enough password', role: 'KING' } },
      adminToken,
    );
    expect(badRole.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a query with more aliases than the limit', async () => {
    const aliases =
      '{ ' + Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ') + ' }';
    const refused = await t.gql(aliases, {}, adminToken);
    expect(refused.errors?.[0].message).toMatch(/aliases/i);
  });
});
