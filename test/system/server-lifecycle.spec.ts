import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, Server } from 'node:net';
import { Client } from 'pg';
import {
  embeddedPostgresUrl,
  freePort,
  graphql,
  launchServer,
  LOGIN,
  removeDir,
  tempDir,
  waitUntilHealthy,
} from '../support/server-process';

function postgresRunningOn(dataDir: string): boolean {
  return existsSync(join(dataDir, 'postgres', 'postmaster.pid'));
}

describe('the server process, started as npm start starts it', () => {
  const dataDir = join(tempDir('scr-system-'), 'data');
  let port: number;
  let generatedPassword: string;

  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(() => removeDir(join(dataDir, '..')));

  it('on a first start creates the data folder, the administrator and the demo accounts, then stops cleanly on SIGTERM', async () => {
    const server = launchServer({ PORT: String(port), DATA_DIR: dataDir });
    await waitUntilHealthy(server, 90_000);
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });

    generatedPassword = /Password: (\S+)/.exec(server.output())?.[1] ?? '';
    expect(server.output()).toContain('Email:    admin@localhost');
    const login = await graphql<{ login: { user: { role: string } } }>(server.url, LOGIN, {
      e: 'admin@localhost',
      p: generatedPassword,
    });
    expect(login.data?.login.user.role).toBe('ADMIN');
    expect(server.output()).toContain('reviewer@demo.local');
    expect(server.output()).toContain('Demo review NSCP-LCSPR-2023-01: "Child M"');

    const page = await fetch(`${server.url}/reviews`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    expect(await server.stop('SIGTERM')).toBe(0);
    expect(postgresRunningOn(dataDir)).toBe(false);
  });

  it('starts again on the same data in under 10 seconds, keeping the accounts and printing no password', async () => {
    const server = launchServer({ PORT: String(port), DATA_DIR: dataDir });
    const readyInMs = await waitUntilHealthy(server);
    expect(readyInMs).toBeLessThan(10_000);
    expect(server.output()).not.toContain('Password:');
    const login = await graphql<{ login: { token: string } }>(server.url, LOGIN, {
      e: 'admin@localhost',
      p: generatedPassword,
    });
    expect(login.data?.login.token).toBeTruthy();
    expect(await server.stop('SIGINT')).toBe(0);
  });

  it('refuses, with one line, a data folder whose schema comes from a newer version', async () => {
    const server = launchServer({ PORT: String(port), DATA_DIR: dataDir });
    await waitUntilHealthy(server);
    const client = new Client({ connectionString: embeddedPostgresUrl(dataDir) });
    await client.connect();
    await client.query(
      `INSERT INTO schema_migration (timestamp, name) VALUES (9999999999999, 'Future9999999999999')`,
    );
    await client.end();
    expect(await server.stop()).toBe(0);

    const again = launchServer({ PORT: String(port), DATA_DIR: dataDir });
    expect(await again.exited).toBe(1);
    expect(again.output().trim()).toBe(
      'scr-workbench: The database was migrated by a newer SCR Workbench (unknown migration Future9999999999999); run that version, or choose another DATA_DIR or DATABASE_URL.',
    );
    expect(postgresRunningOn(dataDir)).toBe(false);
  });
});

describe('the server refuses to start, with one line and nothing half-made', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = tempDir('scr-refuse-');
  });
  afterEach(() => removeDir(scratch));

  it('for a bad configuration value, naming the variable', async () => {
    const server = launchServer({ PORT: 'eighty', DATA_DIR: join(scratch, 'data') });
    expect(await server.exited).toBe(1);
    expect(server.output().trim()).toBe(
      'scr-workbench: Configuration: PORT must be a whole number from 1 to 65535 (got "eighty").',
    );
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('for a port that is already taken', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(port, '127.0.0.1', done));
    const server = launchServer({ PORT: String(port), DATA_DIR: join(scratch, 'data') });
    expect(await server.exited).toBe(1);
    blocker.close();
    expect(server.output().trim()).toBe(
      `scr-workbench: Port ${port} is already in use on 127.0.0.1: stop what uses it, or set PORT to another number.`,
    );
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('for a database that cannot be reached', async () => {
    const server = launchServer({
      PORT: String(await freePort()),
      DATABASE_URL: 'postgres://scr:secret@127.0.0.1:9/scr',
    });
    expect(await server.exited).toBe(1);
    expect(server.output().trim()).toMatch(
      /^scr-workbench: Cannot reach PostgreSQL at 127\.0\.0\.1:9\/scr: .+\. Check DATABASE_URL and that the server is running\.$/,
    );
    expect(server.output()).not.toContain('secret');
  });
});
