import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { startTestApp, TestApp } from '../testing/test-app';
import { buildSchemaSdl, printSortedSchema, SCHEMA_FILE } from './print-schema';

describe('the checked-in GraphQL schema file', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('is what the resolvers produce (run "npm run schema -w @scr/server" after changing them)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await buildSchemaSdl());
  });

  it('is the schema the running server serves', () => {
    const served = printSortedSchema(testApp.app.get(GraphQLSchemaHost).schema);
    expect(served).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
