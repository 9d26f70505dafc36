// Runs the browser tests when Chromium is there. Without it they are skipped with a message,
// except under CI=true, where a missing browser is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));

if (!existsSync(chromiumPath)) {
  if (process.env.CI === 'true') {
    console.error(
      `Browser tests: ${chromiumPath} not found and CI=true; install it with "apt-get install -y chromium".`,
    );
    process.exit(1);
  }
  console.log(
    `Browser tests skipped: ${chromiumPath} not found (install Debian's chromium package to run them).`,
  );
  process.exit(0);
}

const jest = join(here, '..', '..', 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(
  process.execPath,
  [jest, '-c', join(here, 'jest.config.js'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
