import { adminToken, createAccount, ok, PASSWORD } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';
import { createApp } from '../bootstrap/create-app';
import { loadConfig } from '../config/load-config';
import request from 'supertest';

const SIGN_OUT = 'mutation { signOut }';
const ME = '{ me { email role } }';
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt user { email } } }';

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0].extensions?.code;

/** The refresh cookie as the browser would store it: `scr_refresh=<value>` plus its attributes. */
function refreshCookie(setCookie: string | string[] | undefined): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return all.find((cookie) => cookie.startsWith('scr_refresh='));
}

describe('sessions', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    // Behind a proxy on this host, whose X-Forwarded-Proto says when the browser used HTTPS.
    t = await startTestApp({ SCR_LOGIN_RATE_LIMIT: '1000', TRUST_PROXY: 'loopback' });
    admin = await adminToken(t);
  });
  afterAll(() => t.close());

  async function signInWithCookie(email: string, password = PASSWORD) {
    const response = await t
      .http()
      .post('/graphql')
      .send({ query: LOGIN, variables: { e: email, p: password } });
    expect(response.body.errors).toBeUndefined();
    const cookie = refreshCookie(response.headers['set-cookie']);
    return { token: response.body.data.login.token as string, cookie: cookie! };
  }

  const refresh = (cookie?: string) => {
    const call = t.http().post('/api/auth/refresh');
    if (cookie) call.set('cookie', cookie.split(';')[0]);
    return call;
  };

  it('revokes the token signOut is sent with, on the server, while other sessions go on', async () => {
    const account = await createAccount(t, admin, 'leaving@test.local', 'REVIEWER');
    const other = await t.login('leaving@test.local', PASSWORD);
    expect((await t.gql(ME, {}, account.token)).data).toBeTruthy();

    expect(await ok(t, SIGN_OUT, {}, account.token)).toEqual({ signOut: true });

    const after = await t.gql(ME, {}, account.token);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(after.errors?.[0].message).toBe('Your session has ended; sign in again.');
    expect((await t.gql(ME, {}, other)).data).toEqual({
      me: { email: 'leaving@test.local', role: 'REVIEWER' },
    });
  });

  it('sets an httpOnly, SameSite=Strict refresh cookie, scoped to the session routes, Secure over HTTPS through a trusted proxy', async () => {
    const { cookie } = await signInWithCookie('admin@test.local', 'correct horse battery');
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/api\/auth/);
    expect(cookie).not.toMatch(/; Secure/);

    const overHttps = await t
      .http()
      .post('/graphql')
      .set('x-forwarded-proto', 'https')
      .send({ query: LOGIN, variables: { e: 'admin@test.local', p: 'correct horse battery' } });
    expect(refreshCookie(overHttps.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('exchanges the refresh cookie for a new token, which works, after a reload', async () => {
    await createAccount(t, admin, 'reloader@test.local', 'ANALYST');
    const { cookie } = await signInWithCookie('reloader@test.local');
    const refreshed = await refresh(cookie).expect(200);
    expect(refreshed.headers['cache-control']).toBe('no-store');
    expect(refreshed.body.user).toEqual({
      id: expect.any(String),
      email: 'reloader@test.local',
      displayName: 'reloader',
      role: 'ANALYST',
    });
    expect((await t.gql(ME, {}, refreshed.body.token)).data).toEqual({
      me: { email: 'reloader@test.local', role: 'ANALYST' },
    });
  });

  it('has nothing to restore without a cookie, and refuses a forged one', async () => {
    expect((await refresh().expect(204)).body).toEqual({});
    const { cookie } = await signInWithCookie('admin@test.local', 'correct horse battery');
    const forged = cookie.replace(/=([^.]+)\.[^;]+/, '=$1.forgedsecret');
    expect((await refresh(forged).expect(401)).body.code).toBe('UNAUTHENTICATED');
  });

  it('after signOut, neither the token nor the refresh cookie signs in again, and the cookie is cleared', async () => {
    await createAccount(t, admin, 'outgoing@test.local', 'TRAINER');
    const { token, cookie } = await signInWithCookie('outgoing@test.local');
    const signedOut = await t
      .http()
      .post('/graphql')
      .set('authorization', `Bearer ${token}`)
      .send({ query: SIGN_OUT });
    expect(signedOut.body.data).toEqual({ signOut: true });
    expect(refreshCookie(signedOut.headers['set-cookie'])).toMatch(
      /^scr_refresh=;.*Expires=Thu, 01 Jan 1970/,
    );
    await refresh(cookie).expect(401);
    expect(codeOf(await t.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('ends every session of an account when it is deactivated, and it cannot sign in', async () => {
    const account = await createAccount(t, admin, 'deactivated@test.local', 'REVIEWER');
    const { cookie } = await signInWithCookie('deactivated@test.local');
    await ok(
      t,
      'mutation($id: ID!) { deactivateUser(id: $id, expectedVersion: 1) { id } }',
      { id: account.id },
      admin,
    );
    const refused = await t.gql(ME, {}, account.token);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    await refresh(cookie).expect(401);
    const signIn = await t.gql(LOGIN, { e: 'deactivated@test.local', p: PASSWORD });
    expect(codeOf(signIn)).toBe('UNAUTHENTICATED');
    expect(signIn.errors?.[0].message).toBe(
      'This account has been deactivated; ask an administrator.',
    );
  });

  it('ends every session of an account when its role changes or its password is reset', async () => {
    const promoted = await createAccount(t, admin, 'promoted@test.local', 'ANALYST');
    await ok(
      t,
      'mutation($id: ID!) { changeUserRole(id: $id, expectedVersion: 1, role: REVIEWER) { role } }',
      { id: promoted.id },
      admin,
    );
    expect(codeOf(await t.gql(ME, {}, promoted.token))).toBe('UNAUTHENTICATED');
    const again = await t.login('promoted@test.local', PASSWORD);
    expect((await ok<{ me: { role: string } }>(t, ME, {}, again)).me.role).toBe('REVIEWER');

    await ok(
      t,
      'mutation($id: ID!) { resetUserPassword(id: $id, expectedVersion: 2) { generatedPassword } }',
      { id: promoted.id },
      admin,
    );
    expect(codeOf(await t.gql(ME, {}, again))).toBe('UNAUTHENTICATED');
  });

  it('revokes across instances: a token signed out on one is refused by another on the same database', async () => {
    const second = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        SCR_DEMO_DATA: 'false',
        CLIENT_DIR: '/nonexistent',
      }),
      t.databaseUrl,
    );
    await second.init();
    try {
      const token = await t.login('admin@test.local', 'correct horse battery');
      const onSecond = () =>
        request(second.getHttpServer())
          .post('/graphql')
          .set('authorization', `Bearer ${token}`)
          .send({ query: ME });
      expect((await onSecond()).body.data).toEqual({
        me: { email: 'admin@test.local', role: 'ADMIN' },
      });
      await ok(t, SIGN_OUT, {}, token);
      expect(codeOf((await onSecond()).body)).toBe('UNAUTHENTICATED');
    } finally {
      await second.close();
    }
  });
});
