// npm run bench [-- --check]: runs the benchmarks with Jest. `--check` is this script's own flag,
// not Jest's: it makes a figure that misses its target fail its benchmark (bench-report.ts), so
// the run exits non-zero. Any other argument goes to Jest.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const check = args.includes('--check');
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const config = fileURLToPath(new URL('../../server/jest.bench.config.js', import.meta.url));
const run = spawnSync(
  process.execPath,
  [jest, '-c', config, ...args.filter((arg) => arg !== '--check')],
  {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', SCR_BENCH_CHECK: check ? '1' : '' },
  },
);
process.exit(run.status ?? 1);
