import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from '../config/config-error';

/** Which server process started the cluster's PostgreSQL: kept beside the cluster, removed on a clean stop. */
export const OWNER_FILE = 'postgres-owner.pid';

interface ProcessInfo {
  ppid: number;
  zombie: boolean;
  args: string[];
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function processInfo(pid: number): Promise<ProcessInfo | null> {
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // The command name is in parentheses and may itself hold spaces or parentheses.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      return { ppid: Number(ppid), zombie: state === 'Z', args: cmdline.split('\0') };
    } catch {
      return null;
    }
  }
  try {
    const { stdout } = await promisify(execFile)('ps', ['-o', 'ppid=,stat=,args=', '-p', `${pid}`]);
    const match = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(stdout.trim());
    if (!match) return null;
    return { ppid: Number(match[1]), zombie: match[2].startsWith('Z'), args: match[3].split(' ') };
  } catch {
    return null;
  }
}

const isRunning = async (pid: number) => {
  const info = await processInfo(pid);
  return info !== null && !info.zombie;
};

/** The process is a PostgreSQL server started on this very data folder (pids are reused). */
function isPostgresOf(info: ProcessInfo, clusterDir: string): boolean {
  if (!/^postgres(\.exe)?$/.test(basename(info.args[0] ?? ''))) return false;
  const dataArg = info.args.indexOf('-D');
  return dataArg >= 0 && resolve(info.args[dataArg + 1] ?? '') === clusterDir;
}

async function readPid(file: string): Promise<number | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  const pid = Number(text?.split('\n')[0]?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!(await isRunning(pid))) return true;
    await pause(100);
  }
  return !(await isRunning(pid));
}

/**
 * Stops the PostgreSQL a killed server left running on this data folder, so that the next start
 * does not have to wait for someone to stop it by hand. A PostgreSQL whose parent is still the
 * server recorded as its owner belongs to a live server on the same DATA_DIR: that one is left
 * alone, and the start is refused as before.
 *
 * Fast shutdown (SIGINT) first: it rolls back open transactions and writes a checkpoint, so the
 * data is as after a clean stop. Immediate shutdown (SIGQUIT) and then SIGKILL only if it hangs;
 * PostgreSQL recovers from its write-ahead log after either.
 */
export async function stopOrphanedPostgres(
  dataDir: string,
  clusterDir: string,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const pid = await readPid(join(clusterDir, 'postmaster.pid'));
  if (pid === null) return;
  const postmaster = await processInfo(pid);
  if (!postmaster || postmaster.zombie || !isPostgresOf(postmaster, clusterDir)) return;

  const owner = await readPid(join(dataDir, OWNER_FILE));
  if (owner !== null && postmaster.ppid === owner && (await isRunning(owner))) {
    throw new StartupError(
      `Another SCR Workbench (process ${owner}) is running on ${dataDir} with its PostgreSQL (process ${pid}): stop it first, or choose another DATA_DIR.`,
    );
  }

  log(
    `Stopping PostgreSQL process ${pid}, left running on ${clusterDir} by a server that was killed.`,
  );
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', 30_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ];
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw new StartupError(
        `PostgreSQL process ${pid}, left running on ${clusterDir}, cannot be stopped from this account (${(error as NodeJS.ErrnoException).code}): stop it by hand.`,
      );
    }
    if (await waitForExit(pid, waitMs)) return;
  }
  throw new StartupError(
    `PostgreSQL process ${pid}, left running on ${clusterDir}, did not stop: stop it by hand.`,
  );
}

/**
 * Records this process as the owner of the PostgreSQL about to start; returns what undoes it if that
 * start fails (another server may have won the data folder's lock in the meantime).
 */
export async function recordOwner(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, OWNER_FILE);
  const previous = await readFile(file, 'utf8').catch(() => null);
  await writeFile(file, `${process.pid}\n`, { mode: 0o600 });
  return async () => {
    if (previous === null) await forgetOwner(dataDir);
    else await writeFile(file, previous, { mode: 0o600 });
  };
}

export async function forgetOwner(dataDir: string): Promise<void> {
  if ((await readPid(join(dataDir, OWNER_FILE))) === process.pid)
    await rm(join(dataDir, OWNER_FILE), { force: true });
}
