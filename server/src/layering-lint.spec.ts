import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

interface Probe {
  /** Where the code would live (the file need not exist), or the files to lint as they are. */
  filePath: string;
  /** The code to lint, or null to lint the files at filePath. */
  code: string | null;
}

/**
 * Lints each probe as the repository's ESLint configuration would lint a file at that path, in a
 * process of its own (the configuration is an ES module), and returns the rules that fired. The
 * probes are not part of the TypeScript project, so the type-aware rules are left out for them.
 */
function rulesFiredOn(probes: Probe[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    import tseslint from 'typescript-eslint';
    const eslint = new ESLint({
      cwd: process.cwd(),
      overrideConfig: [{ files: ['server/**/*.ts'], ...tseslint.configs.disableTypeChecked }],
    });
    const probes = JSON.parse(process.argv[1]);
    const fired = [];
    for (const { filePath, code } of probes) {
      const results =
        code === null
          ? await eslint.lintFiles([filePath])
          : await eslint.lintText(code, { filePath });
      fired.push(
        results
          .flatMap((result) => result.messages.map((message) => message.ruleId ?? message.message))
          .sort(),
      );
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

describe('the layering rules of the server', () => {
  it("refuse another context's repositories and loaders, and any context in common/", () => {
    const fired = rulesFiredOn([
      probe(
        'server/src/analysis/probe.ts',
        '../findings/findings.repository',
        'FindingsRepository',
      ),
      probe(
        'server/src/findings/probe.ts',
        '../reviews/review-loaders.repository',
        'ReviewLoadersRepository',
      ),
      probe('server/src/findings/probe.ts', '../analysis/analysis.loaders', 'AnalysisLoaders'),
      probe('server/src/common/probe.ts', '../reviews/review.entity', 'Review'),
      probe('server/src/common/probe.ts', '../users/users.service', 'UsersService'),
      // allowed: a context's own repository, another's exported service or entity, common/
      probe('server/src/analysis/probe.ts', './analysis.repository', 'AnalysisRepository'),
      probe('server/src/findings/probe.ts', '../themes/theme-keys.service', 'ThemeKeysService'),
      probe('server/src/findings/probe.ts', '../chronology/timeline-event.entity', 'TimelineEvent'),
      probe('server/src/reviews/probe.ts', '../common/request-loaders', 'groupBy'),
      probe('server/src/common/probe.ts', '../database/unit-of-work', 'BaseRepository'),
    ]);
    expect(fired).toEqual([
      ['import-x/no-restricted-paths'],
      ['import-x/no-restricted-paths'],
      ['import-x/no-restricted-paths'],
      ['import-x/no-restricted-paths'],
      ['import-x/no-restricted-paths'],
      [],
      [],
      [],
      [],
      [],
    ]);
  }, 60_000);

  it('find common/ as it stands free of any context', () => {
    expect(rulesFiredOn([{ filePath: 'server/src/common', code: null }])).toEqual([[]]);
  }, 60_000);
});
