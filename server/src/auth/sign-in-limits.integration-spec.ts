import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../bootstrap/create-app';
import { loadConfig } from '../config/load-config';
import { GraphqlResult, startTestApp, TEST_ADMIN, TestApp } from '../testing/test-app';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const WRONG = 'The email or password is not correct.';

type Caller = NestExpressApplication | TestApp;

/** Signs in through the app, optionally as if behind a proxy that forwarded for `forwardedFor`. */
async function signIn(
  caller: Caller,
  email: string,
  password: string,
  forwardedFor?: string,
): Promise<GraphqlResult<{ login: { token: string } }>> {
  const server = 'http' in caller ? caller.app.getHttpServer() : caller.getHttpServer();
  const call = request(server).post('/graphql').set('content-type', 'application/json');
  if (forwardedFor) call.set('x-forwarded-for', forwardedFor);
  const response = await call.send({ query: LOGIN, variables: { e: email, p: password } });
  return response.body;
}

const messageOf = (result: GraphqlResult) => result.errors?.[0]?.message ?? 'signed in';
const withoutNumbers = (message: string) => message.replace(/\d+/g, 'N');

async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Moves every lock into the past, as if its delay had passed. */
const letLocksExpire = (t: TestApp) =>
  sql(t.databaseUrl, `UPDATE sign_in_account_lockout SET locked_until = now() - interval '1 s'`);

describe('sign-in limit per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SCR_LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('stops a fourth attempt within a minute, even with the right password', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(messageOf(await signIn(t, TEST_ADMIN.email, 'guessing the password'))).toBe(WRONG);
    }
    const blocked = await signIn(t, TEST_ADMIN.email, TEST_ADMIN.password);
    expect(blocked.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(blocked.errors?.[0].message).toMatch(/Too many sign-in attempts from this address/);
    expect(blocked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('ignores X-Forwarded-For by default, so a client cannot claim new addresses', async () => {
    await sql(t.databaseUrl, 'DELETE FROM sign_in_address_limit');
    const answers: string[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const result = await signIn(t, `nobody${attempt}@test.local`, 'x', `203.0.113.${attempt}`);
      answers.push(messageOf(result));
    }
    expect(answers.slice(0, 3)).toEqual([WRONG, WRONG, WRONG]);
    expect(answers[3]).toMatch(/Too many sign-in attempts from this address/);
  });

  it('counts attempts made at the same moment exactly once each', async () => {
    await sql(t.databaseUrl, 'DELETE FROM sign_in_address_limit');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(t, `parallel${i}@test.local`, 'x')),
    );
    const answers = results.map(messageOf);
    expect(answers.filter((m) => m === WRONG)).toHaveLength(3);
    expect(answers.filter((m) => /Too many sign-in attempts/.test(m))).toHaveLength(9);
  });
});

describe('sign-in limit behind a trusted proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SCR_LOGIN_RATE_LIMIT: '3', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  it('counts each forwarded client address on its own', async () => {
    const answers: string[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      for (const client of ['203.0.113.1', '203.0.113.2']) {
        answers.push(messageOf(await signIn(t, `nobody${attempt}@test.local`, 'x', client)));
      }
    }
    expect(answers.slice(0, 6).every((m) => m === WRONG)).toBe(true);
    expect(answers.slice(6).every((m) => /from this address/.test(m))).toBe(true);
    const rows = await sql<{ address: string }>(
      t.databaseUrl,
      'SELECT address FROM sign_in_address_limit ORDER BY address',
    );
    expect(rows.map((r) => r.address)).toEqual(['203.0.113.1', '203.0.113.2']);
  });
});

describe('account lockout after repeated failures', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The address limit is set high, and the attempts come through a trusted proxy from many
    // addresses: the lock must follow the account, not the address.
    t = await startTestApp({ SCR_LOGIN_RATE_LIMIT: '1000', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  const from = (i: number) => `198.51.100.${i % 250}`;

  it('locks an account after five failures from different addresses, even against the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(messageOf(await signIn(t, TEST_ADMIN.email, 'wrong guess', from(attempt)))).toBe(
        WRONG,
      );
    }
    const locked = await signIn(t, TEST_ADMIN.email, TEST_ADMIN.password, from(9));
    expect(locked.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(messageOf(locked)).toMatch(/^Too many failed sign-ins for this account; try again in/);
    const seconds = locked.errors?.[0].extensions?.retryAfterSeconds as number;
    expect(seconds).toBeGreaterThan(50);
    expect(seconds).toBeLessThanOrEqual(60);
  });

  it('doubles the delay with each further failure, and a success resets it', async () => {
    await letLocksExpire(t);
    expect(messageOf(await signIn(t, TEST_ADMIN.email, 'wrong again', from(20)))).toBe(WRONG);
    const second = await signIn(t, TEST_ADMIN.email, TEST_ADMIN.password, from(21));
    const seconds = second.errors?.[0].extensions?.retryAfterSeconds as number;
    expect(seconds).toBeGreaterThan(110);
    expect(seconds).toBeLessThanOrEqual(120);

    await letLocksExpire(t);
    expect(messageOf(await signIn(t, TEST_ADMIN.email, TEST_ADMIN.password, from(22)))).toBe(
      'signed in',
    );
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect(messageOf(await signIn(t, TEST_ADMIN.email, 'wrong', from(30 + attempt)))).toBe(WRONG);
    }
    expect(messageOf(await signIn(t, TEST_ADMIN.email, TEST_ADMIN.password, from(40)))).toBe(
      'signed in',
    );
  });

  it('keeps the delay within its cap', async () => {
    const email = 'capped@test.local';
    await signIn(t, email, 'wrong', from(1));
    await sql(
      t.databaseUrl,
      `UPDATE sign_in_account_lockout SET failures = 40, locked_until = now() - interval '1 s'`,
    );
    await signIn(t, email, 'wrong', from(2));
    const locked = await signIn(t, email, 'wrong', from(3));
    expect(locked.errors?.[0].extensions?.retryAfterSeconds).toBe(3600);
  });

  it('answers an unknown email exactly as a known account, locked or not', async () => {
    const answersFor = async (email: string) => {
      const answers: string[] = [];
      for (let attempt = 0; attempt < 7; attempt += 1) {
        answers.push(withoutNumbers(messageOf(await signIn(t, email, 'wrong', from(attempt)))));
      }
      return answers;
    };
    await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: 'known@test.local', password: 'a long enough password', role: 'ANALYST' } },
      await t.login(TEST_ADMIN.email, TEST_ADMIN.password),
    );
    const known = await answersFor('known@test.local');
    const unknown = await answersFor('unknown@test.local');
    expect(unknown).toEqual(known);
    expect(known.slice(5)).toEqual([
      'Too many failed sign-ins for this account; try again in N seconds.',
      'Too many failed sign-ins for this account; try again in N seconds.',
    ]);
  });

  it('keeps no email in the database, only a hash of it', async () => {
    const rows = await sql(t.databaseUrl, 'SELECT * FROM sign_in_account_lockout');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('@');
  });
});

describe('sign-in limits across instances on one database', () => {
  let t: TestApp;
  let second: NestExpressApplication;
  beforeAll(async () => {
    const env = { SCR_LOGIN_RATE_LIMIT: '4' };
    t = await startTestApp(env);
    second = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        SCR_DEMO_DATA: 'false',
        CLIENT_DIR: '/nonexistent',
        ...env,
      }),
      t.databaseUrl,
    );
    await second.init();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('share the count of attempts per address', async () => {
    const answers: string[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      answers.push(messageOf(await signIn(t, `nobody${attempt}@test.local`, 'x')));
      answers.push(messageOf(await signIn(second, `nobody${attempt}@test.local`, 'x')));
    }
    expect(answers.slice(0, 4)).toEqual([WRONG, WRONG, WRONG, WRONG]);
    expect(answers.slice(4).every((m) => /from this address/.test(m))).toBe(true);
  });

  it('share an account’s lock', async () => {
    await sql(t.databaseUrl, 'DELETE FROM sign_in_address_limit');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const instance = attempt % 2 === 0 ? t : second;
      expect(messageOf(await signIn(instance, TEST_ADMIN.email, 'wrong'))).toBe(WRONG);
      if (attempt === 2) await sql(t.databaseUrl, 'DELETE FROM sign_in_address_limit');
    }
    await sql(t.databaseUrl, 'DELETE FROM sign_in_address_limit');
    expect(messageOf(await signIn(second, TEST_ADMIN.email, TEST_ADMIN.password))).toMatch(
      /Too many failed sign-ins for this account/,
    );
    expect(messageOf(await signIn(t, TEST_ADMIN.email, TEST_ADMIN.password))).toMatch(
      /Too many failed sign-ins for this account/,
    );
  });
});
