import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SERVER_ENTRY = join(REPO_ROOT, 'server', 'dist', 'main.js');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** A new folder that the `postgres` account can enter too (the embedded database runs as it under root). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The options `npm start` gives node before the server's entry (the root package's start script). */
export function startNodeOptions(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const options = /\bnode((?:\s+--\S+)*)\s+server\/dist\/main\.js/.exec(scripts.start)?.[1];
  if (options === undefined) throw new Error('the start script does not run server/dist/main.js');
  return options.trim().split(/\s+/).filter(Boolean);
}

/** Starts the built server exactly as `npm start` does, with the given environment. */
export function launchServer(env: Record<string, string>): ServerProcess {
  if (!existsSync(SERVER_ENTRY))
    throw new Error(`${SERVER_ENTRY} is missing: build the server first`);
  const child = spawn(process.execPath, [...startNodeOptions(), SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    url: `http://127.0.0.1:${env.PORT ?? 3000}`,
    output: () => output,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Waits until GET /health answers 200, or fails with what the server printed. */
export async function waitUntilHealthy(server: ServerProcess, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() - started < timeoutMs) {
    if (exited) throw new Error(`the server exited before it was ready:\n${server.output()}`);
    try {
      const response = await fetch(`${server.url}/health`);
      if (response.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server was not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

/** The port the embedded PostgreSQL of a data folder is listening on (from its postmaster.pid). */
export function embeddedPostgresUrl(dataDir: string, database = 'scr'): string {
  const pidFile = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n');
  const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
  return `postgres://scr:${encodeURIComponent(password)}@127.0.0.1:${pidFile[3].trim()}/${database}`;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return response.json() as never;
}

export const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { email role } } }';

export interface SignedInServer {
  server: ServerProcess;
  url: string;
  token: string;
  dataDir: string;
  /** Stops the server and removes its data folder. */
  close(): Promise<void>;
}

/**
 * The built server in production mode on a fresh embedded database, with its first
 * administrator signed in: what the benchmarks measure.
 */
export async function startSignedInServer(
  prefix: string,
  admin: { email: string; password: string },
  env: Record<string, string> = {},
): Promise<SignedInServer> {
  const scratch = tempDir(prefix);
  const dataDir = join(scratch, 'data');
  const server = launchServer({
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    SCR_ADMIN_EMAIL: admin.email,
    SCR_ADMIN_PASSWORD: admin.password,
    SCR_DEMO_DATA: 'false',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const close = async () => {
    await server.stop();
    removeDir(scratch);
  };
  try {
    await waitUntilHealthy(server, 90_000);
    const login = await graphql<{ login: { token: string } }>(server.url, LOGIN, {
      e: admin.email,
      p: admin.password,
    });
    if (!login.data) throw new Error(`could not sign in: ${JSON.stringify(login.errors)}`);
    return { server, url: server.url, token: login.data.login.token, dataDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}
