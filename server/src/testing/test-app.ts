import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../bootstrap/create-app';
import { loadConfig } from '../config/load-config';
import { createTestDatabase, dropTestDatabase } from './test-database';

export const TEST_ADMIN = { email: 'admin@test.local', password: 'correct horse battery' };

export interface GraphqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  app: NestExpressApplication;
  databaseUrl: string;
  http(): ReturnType<typeof request>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphqlResult<T>>;
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real application on its own fresh database, as `npm start` would build it, without a
 * listening port: requests go through supertest.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { databaseUrl?: string; keepDatabase?: boolean } = {},
): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.SCR_TEST_LOG_LEVEL ?? 'silent',
    SCR_ADMIN_EMAIL: TEST_ADMIN.email,
    SCR_ADMIN_PASSWORD: TEST_ADMIN.password,
    SCR_DEMO_DATA: 'false',
    CLIENT_DIR: '/nonexistent',
    ...env,
  });
  const app = await createApp(config, databaseUrl);
  await app.init();
  const http = () => request(app.getHttpServer());

  const gql: TestApp['gql'] = async (query, variables, token) => {
    const call = http().post('/graphql').set('content-type', 'application/json');
    if (token) call.set('authorization', `Bearer ${token}`);
    const response = await call.send({ query, variables });
    if (!response.body || (!response.body.data && !response.body.errors)) {
      return {
        errors: [
          {
            message: `HTTP ${response.status}: ${response.text}`,
            extensions: { code: `HTTP_${response.status}` },
          },
        ],
      };
    }
    return response.body;
  };

  const login = async (email: string, password: string) => {
    const result = await gql<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: email, p: password },
    );
    if (!result.data?.login) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.token;
  };

  return {
    app,
    databaseUrl,
    http,
    gql,
    login,
    close: async () => {
      await app.close();
      if (!options.keepDatabase) await dropTestDatabase(databaseUrl);
    },
  };
}
