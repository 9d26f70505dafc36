import { join } from 'node:path';
import { Client } from 'pg';
import {
  embeddedPostgresUrl,
  freePort,
  graphql,
  launchServer,
  LOGIN,
  removeDir,
  ServerProcess,
  tempDir,
  waitUntilHealthy,
} from '../support/server-process';

const ADMIN = { email: 'logs@test.local', password: 'correct horse battery staple' };
const SECRET = 'Zebedee-Quixotic-4711';

const CREATE_REVIEW = `mutation($input: CreateReviewInput!) { createReview(input: $input) { id } }`;
const reviewInput = (reference: string, title: string) => ({
  reference,
  title,
  partnership: 'Northmoor SCP',
  type: 'SERIOUS_CASE_REVIEW',
  periodStart: '2021-09-01',
  periodEnd: '2023-08-31',
});

/**
 * A database that refuses a value and quotes it back in its message and detail, as PostgreSQL
 * does for a duplicate key or a malformed number: the worst case for what reaches the logs.
 */
async function refuseTheSecretInTheDatabase(dataDir: string): Promise<void> {
  const client = new Client({ connectionString: embeddedPostgresUrl(dataDir) });
  await client.connect();
  await client.query(`
    CREATE FUNCTION refuse_secret() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.title LIKE '%${SECRET}%' THEN
        RAISE EXCEPTION 'refused title %', NEW.title USING DETAIL = 'Failing row contains ' || NEW.title;
      END IF;
      RETURN NEW;
    END $$`);
  for (const table of ['review', 'timeline_event']) {
    await client.query(
      `CREATE TRIGGER refuse_secret BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_secret()`,
    );
  }
  await client.end();
}

describe('the logs, at their most verbose', () => {
  const scratch = tempDir('scr-logs-');
  const dataDir = join(scratch, 'data');
  let server: ServerProcess;
  afterAll(async () => {
    await server?.stop();
    removeDir(scratch);
  });

  it('never hold a value sent in a failed statement, a query string, a GraphQL variable or an upload', async () => {
    server = launchServer({
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      SCR_ADMIN_EMAIL: ADMIN.email,
      SCR_ADMIN_PASSWORD: ADMIN.password,
      SCR_DEMO_DATA: 'false',
      NODE_ENV: 'production',
      LOG_LEVEL: 'trace',
    });
    await waitUntilHealthy(server, 90_000);
    const login = await graphql<{ login: { token: string } }>(server.url, LOGIN, {
      e: ADMIN.email,
      p: ADMIN.password,
    });
    const token = login.data!.login.token;
    const created = await graphql<{ createReview: { id: string } }>(
      server.url,
      CREATE_REVIEW,
      { input: reviewInput('LOGS-1', 'Child L') },
      token,
    );
    const reviewId = created.data!.createReview.id;
    await refuseTheSecretInTheDatabase(dataDir);

    const refused = await graphql(
      server.url,
      CREATE_REVIEW,
      { input: reviewInput('LOGS-2', `Child ${SECRET}`) },
      token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');

    const form = new FormData();
    form.append('file', new Blob([`Date,Entry\n01/02/2022,Visit about ${SECRET}\n`]), 'a.csv');
    const upload = await fetch(`${server.url}/api/reviews/${reviewId}/chronology`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(upload.status).toBe(500);

    const variables = encodeURIComponent(JSON.stringify({ s: SECRET }));
    const query = encodeURIComponent('query($s: String) { __typename }');
    await fetch(`${server.url}/graphql?query=${query}&variables=${variables}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    await fetch(
      `${server.url}/api/reviews/${reviewId}/chronology/progress/00000000-0000-4000-8000-000000000000?search=${SECRET}`,
      {
        headers: { authorization: `Bearer ${token}`, referer: `${server.url}/reviews?q=${SECRET}` },
      },
    );

    expect(await server.stop('SIGTERM')).toBe(0);
    const output = server.output();
    expect(output).not.toContain(SECRET);
    // The failures were logged, at the verbose level asked for, just without their values.
    expect(output).toContain('"msg":"request completed"');
    expect(output.match(/A database statement failed/g)?.length).toBe(2);
    expect(output).toContain('"code":"P0001"');
    expect(output).toContain(`/api/reviews/${reviewId}/chronology/progress/`);
  });
});
