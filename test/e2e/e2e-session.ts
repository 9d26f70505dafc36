import { Page } from 'playwright-core';
import { graphql, LOGIN } from '../support/server-process';
import { E2E_ADMIN, e2eBaseUrl } from './e2e-environment';

/** A bearer token for the GraphQL API, signed in as the given account (the E2E administrator by default). */
export async function apiToken(account = E2E_ADMIN): Promise<string> {
  const answer = await graphql<{ login: { token: string } }>(e2eBaseUrl(), LOGIN, {
    e: account.email,
    p: account.password,
  });
  if (!answer.data)
    throw new Error(`could not sign in as ${account.email}: ${JSON.stringify(answer.errors)}`);
  return answer.data.login.token;
}

/** Runs a GraphQL document and returns its data, or fails with the server's errors. */
export async function api<T>(
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const answer = await graphql<T>(e2eBaseUrl(), query, variables, token);
  if (answer.errors?.length || !answer.data)
    throw new Error(`GraphQL failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/** Creates an account through the API, as the E2E administrator. */
export async function createAccount(account: {
  email: string;
  password: string;
  displayName: string;
  role: 'ADMIN' | 'REVIEWER' | 'ANALYST' | 'TRAINER';
}): Promise<void> {
  await api(await apiToken(), 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
    i: account,
  });
}

/** Signs in through the sign-in page and waits for the list of reviews. */
export async function signIn(page: Page, account = E2E_ADMIN): Promise<void> {
  await page.goto(e2eBaseUrl());
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
}

/**
 * Reopens a published review for correction, as its lead reviewer would before changing it (a
 * published review is read-only); a review already reopened is left as it is.
 */
export async function reopenForCorrection(token: string, reviewId: string): Promise<void> {
  const { review } = await api<{ review: { status: string } }>(
    token,
    'query($id: ID!) { review(id: $id) { status } }',
    { id: reviewId },
  );
  if (review.status !== 'PUBLISHED') return;
  await api(token, 'mutation($id: ID!, $r: String!) { reopenReview(id: $id, reason: $r) { id } }', {
    id: reviewId,
    r: 'The browser tests change the demo review.',
  });
}
