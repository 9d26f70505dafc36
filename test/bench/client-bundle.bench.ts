import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../support/server-process';
import { report } from './bench-report';

const DIST = join(REPO_ROOT, 'client', 'dist');
const TARGET_KB = 400;

/** The scripts a first visit downloads: the entry module and the modules it preloads. */
function initialScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set(referenced)];
}

const gzippedKb = (file: string) =>
  gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;

describe('client bundle benchmark', () => {
  it('measures the JavaScript a first visit downloads, gzipped', () => {
    const initial = initialScripts();
    expect(initial.length).toBeGreaterThan(0);
    const initialKb = initial.reduce((sum, file) => sum + gzippedKb(file), 0);
    const everyScript = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    const allKb = everyScript.reduce((sum, file) => sum + gzippedKb(join('assets', file)), 0);
    report('Client bundle (client/dist, gzip level 9)', [
      {
        name: `initial JavaScript (${initial.length} files)`,
        value: `${initialKb.toFixed(1)} KB`,
        target: `≤ ${TARGET_KB} KB`,
        met: initialKb <= TARGET_KB,
      },
      {
        name: `baseline: all JavaScript (${everyScript.length} files)`,
        value: `${allKb.toFixed(1)} KB`,
        target: `ratio ${(initialKb / allKb).toFixed(2)}`,
        met: initialKb < allKb,
      },
    ]);
  });
});
