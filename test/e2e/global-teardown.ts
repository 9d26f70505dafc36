import { removeDir } from '../support/server-process';

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__SCR_E2E_SERVER__;
  if (!running) return;
  const code = await running.server.stop('SIGTERM');
  removeDir(running.scratch);
  if (code !== 0)
    throw new Error(`the server exited with ${code} on SIGTERM:\n${running.server.output()}`);
}
