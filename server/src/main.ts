import 'reflect-metadata';
import { createServer } from 'node:net';
import { createApp } from './bootstrap/create-app';
import { AppConfig } from './config/app-config';
import { StartupError } from './config/config-error';
import { loadConfig } from './config/load-config';
import { usePrivateTempFolder } from './chronology/import/upload-folder';
import { RunningPostgres, startEmbeddedPostgres } from './database/embedded-postgres';

const SHUTDOWN_GRACE_MS = 15_000;

function fail(message: string): never {
  process.stderr.write(`scr-workbench: ${message}\n`);
  process.exit(1);
}

function explainListenFailure<E>(error: E, config: AppConfig): StartupError | E {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new StartupError(
      `Port ${config.PORT} is already in use on ${config.HOST}: stop what uses it, or set PORT to another number.`,
    );
  }
  if (code === 'EACCES') {
    return new StartupError(
      `Not allowed to listen on port ${config.PORT}: choose a PORT above 1023.`,
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    return new StartupError(`HOST ${config.HOST} is not an address of this machine.`);
  }
  return error;
}

/** Fails fast on a taken port, before a database is started or a first account is made. */
function checkPortIsFree(config: AppConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(explainListenFailure(error, config)));
    probe.listen(config.PORT, config.HOST, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  let embedded: RunningPostgres | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;

  const stop = async (exitCode: number) => {
    const timer = setTimeout(() => process.exit(exitCode), SHUTDOWN_GRACE_MS);
    timer.unref();
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(exitCode);
  };
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop(0);
    });
  }

  try {
    await checkPortIsFree(config);
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({
        dataDir: config.DATA_DIR,
        persistent: true,
        onNotice: (line) => process.stdout.write(`${line}\n`),
      });
      await embedded.createDatabase('scr').catch((error: Error) => {
        if (!/already exists/.test(error.message)) throw error;
      });
      databaseUrl = embedded.urlFor('scr');
    }
    // After the embedded PostgreSQL has started: its set-up runs as another account, which must
    // read the files it is given in the temporary folder, and this one is private to the server.
    await usePrivateTempFolder(config);
    app = await createApp(config, databaseUrl);
    await app.listen(config.PORT, config.HOST).catch((error: unknown) => {
      throw explainListenFailure(error, config);
    });
    process.stdout.write(`SCR Workbench is ready on http://localhost:${config.PORT}/\n`);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) fail(error.message);
  fail(`could not start: ${(error as Error)?.stack ?? String(error)}`);
});
