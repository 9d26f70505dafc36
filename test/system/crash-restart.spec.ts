import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  graphql,
  launchServer,
  LOGIN,
  removeDir,
  tempDir,
  waitUntilHealthy,
} from '../support/server-process';

const ADMIN = { email: 'crash@test.local', password: 'correct horse battery staple' };

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Alive and not a zombie waiting for a parent that never reaps it. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

async function eventually(check: () => boolean, ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('the server after kill -9', () => {
  const scratch = tempDir('scr-crash-');
  const dataDir = join(scratch, 'data');
  const env = (port: number) => ({
    PORT: String(port),
    DATA_DIR: dataDir,
    SCR_ADMIN_EMAIL: ADMIN.email,
    SCR_ADMIN_PASSWORD: ADMIN.password,
    SCR_DEMO_DATA: 'false',
  });
  const leftRunning: number[] = [];
  afterAll(() => {
    for (const pid of leftRunning) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    removeDir(scratch);
  });

  it('stops the PostgreSQL the killed server left running, then starts on the same data', async () => {
    const first = launchServer(env(await freePort()));
    await waitUntilHealthy(first, 90_000);
    const orphan = postmasterPid(dataDir);
    leftRunning.push(orphan);

    first.child.kill('SIGKILL');
    await first.exited;
    expect(isRunning(orphan)).toBe(true);

    const second = launchServer(env(await freePort()));
    await waitUntilHealthy(second, 90_000);
    expect(second.output()).toContain(`Stopping PostgreSQL process ${orphan}`);
    expect(await eventually(() => !isRunning(orphan))).toBe(true);
    const login = await graphql<{ login: { token: string } }>(second.url, LOGIN, {
      e: ADMIN.email,
      p: ADMIN.password,
    });
    expect(login.data?.login.token).toBeTruthy();

    expect(await second.stop('SIGTERM')).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('leaves the PostgreSQL of a server still running on the data folder alone', async () => {
    const running = launchServer(env(await freePort()));
    await waitUntilHealthy(running, 90_000);
    const postmaster = postmasterPid(dataDir);
    leftRunning.push(postmaster);

    const second = launchServer(env(await freePort()));
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Another SCR Workbench (process ${running.child.pid})`);
    expect(isRunning(postmaster)).toBe(true);
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
    expect(await running.stop('SIGTERM')).toBe(0);
  });
});
