import { TEST_ADMIN, TestApp } from './test-app';

export const PASSWORD = 'a long enough password';

export interface Account {
  id: string;
  token: string;
}

/** Creates an account through the API as the administrator and signs it in. */
export async function createAccount(
  t: TestApp,
  adminToken: string,
  email: string,
  role: string,
): Promise<Account> {
  const created = await t.gql<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, password: PASSWORD, role } },
    adminToken,
  );
  if (!created.data)
    throw new Error(`could not create ${email}: ${JSON.stringify(created.errors)}`);
  return { id: created.data.createUser.id, token: await t.login(email, PASSWORD) };
}

export async function adminToken(t: TestApp): Promise<string> {
  return t.login(TEST_ADMIN.email, TEST_ADMIN.password);
}

/** Runs a GraphQL operation and returns its data, failing the test with the errors if there are any. */
export async function ok<T>(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const result = await t.gql<T>(query, variables, token);
  if (result.errors || !result.data)
    throw new Error(`unexpected errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data;
}

export const CREATE_REVIEW = `mutation($input: CreateReviewInput!) { createReview(input: $input) { id version status reference } }`;

export async function createReview(
  t: TestApp,
  token: string,
  reference: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const data = await ok<{ createReview: { id: string; version: number } }>(
    t,
    CREATE_REVIEW,
    {
      input: {
        reference,
        title: `Child ${reference}`,
        partnership: 'Northmoor SCP',
        type: 'SERIOUS_CASE_REVIEW',
        periodStart: '2021-09-01',
        periodEnd: '2023-08-31',
        ...extra,
      },
    },
    token,
  );
  return data.createReview;
}
