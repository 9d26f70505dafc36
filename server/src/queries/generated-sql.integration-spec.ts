import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';
import { sqlExamplesOf } from '../database/generate-sql';
import {
  discoverRepositories,
  generateSqlFiles,
  QUERIES_DIR,
  REGENERATE_COMMAND,
} from '../database/sql-capture';
import { SQL_CAPTURE_ENV } from '../database/write-sql-files';
import { startTestApp, TestApp } from '../testing/test-app';

const SRC = resolve(__dirname, '..');

/**
 * Public repository methods that rightly carry no SQL example, with the reason. Nest's
 * lifecycle hooks are left out everywhere.
 */
const WITHOUT_EXAMPLES: Record<string, string> = {
  'HealthRepository.ping':
    "runs on the health check's own pg pool, outside TypeORM, so its one statement (SELECT 1) is not captured",
};
const LIFECYCLE_HOOKS = new Set([
  'onModuleInit',
  'onModuleDestroy',
  'onApplicationBootstrap',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
]);

function repositoryFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return repositoryFiles(path);
    return entry.name.endsWith('.repository.ts') ? [path] : [];
  });
}

/** The public methods of each class named `…Repository` declared in `*.repository.ts` files. */
function publicRepositoryMethods(): Map<string, string[]> {
  const methods = new Map<string, string[]>();
  for (const file of repositoryFiles(SRC)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name?.text.endsWith('Repository'))
        continue;
      if (ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword))
        continue;
      const names = statement.members
        .filter(ts.isMethodDeclaration)
        .filter(
          (member) =>
            !ts
              .getModifiers(member)
              ?.some(
                (m) =>
                  m.kind === ts.SyntaxKind.PrivateKeyword ||
                  m.kind === ts.SyntaxKind.ProtectedKeyword ||
                  m.kind === ts.SyntaxKind.StaticKeyword,
              ) && !ts.isPrivateIdentifier(member.name),
        )
        .map((member) => member.name.getText(source))
        .filter((name) => !LIFECYCLE_HOOKS.has(name));
      methods.set(statement.name.text, names);
    }
  }
  return methods;
}

describe('the generated SQL of the repositories (server/src/queries)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(SQL_CAPTURE_ENV);
  }, 60_000);

  afterAll(() => app?.close());

  it('is what the repositories send today', async () => {
    const generated = await generateSqlFiles(app.app);
    const committed = readdirSync(QUERIES_DIR).filter((name) => name.endsWith('.sql'));
    const problems: string[] = [];
    for (const [name, text] of generated) {
      const path = join(QUERIES_DIR, name);
      if (!committed.includes(name)) problems.push(`${relative(SRC, path)} is missing`);
      else if (readFileSync(path, 'utf8') !== text)
        problems.push(`${relative(SRC, path)} differs from what the code sends`);
    }
    for (const name of committed)
      if (!generated.has(name)) problems.push(`queries/${name} belongs to no repository`);
    if (problems.length > 0)
      throw new Error(
        `${problems.join('\n')}\nRun \`${REGENERATE_COMMAND}\` and commit the result.`,
      );
  }, 60_000);

  it('covers every public method of every repository, or says why not', () => {
    const discovered = new Map(discoverRepositories(app.app).map((r) => [r.type.name, r.type]));
    const problems: string[] = [];
    for (const [name, methods] of publicRepositoryMethods()) {
      const type = discovered.get(name);
      if (!type) {
        problems.push(`${name} is declared but no module provides it`);
        continue;
      }
      const examples = sqlExamplesOf(type);
      for (const method of methods) {
        const key = `${name}.${method}`;
        if (!examples.has(method) && !(key in WITHOUT_EXAMPLES))
          problems.push(`${key} has no @GenerateSql example`);
        if (examples.has(method) && key in WITHOUT_EXAMPLES)
          problems.push(`${key} has an example: take it off WITHOUT_EXAMPLES`);
      }
    }
    expect(problems).toEqual([]);
  });
});
