import { adminToken, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

describe('createTheme', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
  });
  afterAll(() => t.close());

  const CREATE = `mutation($input: ThemeInput!) { createTheme(input: $input) { key kind broaderKey } }`;
  const create = (input: Record<string, unknown>) => t.gql(CREATE, { input }, admin);

  it('puts a new theme under a broader theme of its kind', async () => {
    const created = await ok<{ createTheme: { key: string; broaderKey: string } }>(
      t,
      CREATE,
      {
        input: {
          key: 'parental-gambling',
          label: 'Parental gambling',
          kind: 'CASE_CHARACTERISTIC',
          broaderKey: 'parental-substance-misuse',
        },
      },
      admin,
    );
    expect(created.createTheme).toEqual({
      key: 'parental-gambling',
      kind: 'CASE_CHARACTERISTIC',
      broaderKey: 'parental-substance-misuse',
    });
    const { themes } = await ok<{ themes: { key: string; broaderKey: string | null }[] }>(
      t,
      '{ themes(kind: CASE_CHARACTERISTIC) { key broaderKey } }',
      {},
      admin,
    );
    expect(themes.find((theme) => theme.key === 'parental-gambling')?.broaderKey).toBe(
      'parental-substance-misuse',
    );
  });

  it('refuses a broader theme that does not exist, is of another kind, or is the theme itself', async () => {
    const missing = await create({
      key: 'orphan-theme',
      label: 'Orphan',
      kind: 'PRACTICE_THEME',
      broaderKey: 'no-such-theme',
    });
    expect(missing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0].message).toContain('there is no theme "no-such-theme"');

    const otherKind = await create({
      key: 'late-escalation',
      label: 'Late escalation',
      kind: 'PRACTICE_THEME',
      broaderKey: 'neglect',
    });
    expect(otherKind.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(otherKind.errors?.[0].message).toContain('"neglect" is a case characteristic');

    const itself = await create({
      key: 'self-above',
      label: 'Self above',
      kind: 'PRACTICE_THEME',
      broaderKey: 'self-above',
    });
    expect(itself.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(itself.errors?.[0].message).toContain('above itself');

    const { themes } = await ok<{ themes: { key: string }[] }>(t, '{ themes { key } }', {}, admin);
    const keys = themes.map((theme) => theme.key);
    expect(keys).not.toContain('orphan-theme');
    expect(keys).not.toContain('late-escalation');
    expect(keys).not.toContain('self-above');
  });
});
