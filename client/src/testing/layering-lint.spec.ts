/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

interface Probe {
  /** Where the code would live; the file need not exist. */
  filePath: string;
  code: string;
}

/**
 * Lints each probe as the repository's ESLint configuration would lint a file at that path, in a
 * process of its own (the configuration is an ES module), and returns the rules that fired.
 */
function rulesFiredOn(probes: Probe[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const eslint = new ESLint({ cwd: process.cwd() });
    const probes = JSON.parse(process.argv[1]);
    const fired = [];
    for (const { filePath, code } of probes) {
      const [result] = await eslint.lintText(code, { filePath });
      fired.push(result.messages.map((message) => message.ruleId ?? message.message).sort());
    }
    console.log(JSON.stringify(fired));
  `;
  const run = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(probes)],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

const probe = (filePath: string, imported: string, name: string): Probe => ({
  filePath,
  code: `import { ${name} } from '${imported}';\nexport const probe = ${name};\n`,
});

describe('the layering rules of the client and shared', () => {
  it('refuse an import across the layers and allow the one through an index.ts', () => {
    const fired = rulesFiredOn([
      probe(
        'client/src/features/findings/probe.ts',
        '../chronology/use-every-event',
        'useEveryEvent',
      ),
      probe('client/src/features/findings/probe.ts', '../chronology', 'useEveryEvent'),
      probe('client/src/features/reviews/probe.ts', '../auth/session-store', 'currentToken'),
      probe('client/src/charts/probe.ts', '../features/chronology', 'useEveryEvent'),
      probe('client/src/components/probe.ts', '../app/review-context', 'useReview'),
      probe('shared/src/probe.ts', '../../client/src/components/Dialog', 'Dialog'),
      probe('shared/src/probe.ts', '../../server/src/common/app-error', 'AppError'),
      probe('shared/src/probe.ts', 'react', 'useState'),
      probe('shared/src/probe.ts', './partial-date-format', 'formatPartialDate'),
    ]);
    expect(fired).toEqual([
      ['import-x/no-restricted-paths'],
      [],
      ['import-x/no-restricted-paths'],
      ['import-x/no-restricted-paths'],
      ['import-x/no-restricted-paths'],
      ['import-x/no-restricted-paths'],
      ['import-x/no-restricted-paths'],
      ['import-x/no-restricted-paths', 'no-restricted-imports'],
      [],
    ]);
  }, 60_000);
});
