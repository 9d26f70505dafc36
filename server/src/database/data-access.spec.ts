import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '..');

/** Files that rightly hold the connection outside a repository, with the reason. */
const EXCEPTIONS: Record<string, string> = {
  'app.module.ts':
    'the composition root: it hands the migrated DataSource to TypeORM and the GraphQL context',
  'corpus-generator/cli.ts':
    'a command-line tool beside the application (npm run corpus:generate): it migrates its own connection and hands it to GeneratedCorpusRepository',
  'reports/report-queue.ts':
    "pg-boss opens its own pool on the application's database: the queue reads the connection's URL from the DataSource and never queries through it",
};

/** Where the connection may be used freely: repositories, the database layer, tests. */
const isFree = (path: string) =>
  path.endsWith('.repository.ts') ||
  path.startsWith('database/') ||
  path.startsWith('testing/') ||
  path.endsWith('.spec.ts') ||
  path.endsWith('.integration-spec.ts');

const TYPEORM_IMPORT = /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'typeorm'/g;
const CONNECTION_NAMES = new Set(['DataSource', 'EntityManager', 'Repository', 'QueryRunner']);
const INJECTION = /@(InjectDataSource|InjectEntityManager|InjectRepository)\b/;

/** How a file reaches the database directly, or null when it does not. */
export function directAccessIn(text: string): string | null {
  for (const match of text.matchAll(TYPEORM_IMPORT)) {
    const names = match[1]
      .split(',')
      .map(
        (name) =>
          name
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0],
      )
      .filter((name) => CONNECTION_NAMES.has(name));
    if (names.length > 0) return `imports ${names.join(', ')} from typeorm`;
  }
  const injection = INJECTION.exec(text);
  return injection ? `uses @${injection[1]}` : null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('only repositories reach the database', () => {
  const files = sourceFiles(SRC).map((path) => relative(SRC, path).split('\\').join('/'));
  const direct = new Map(
    files
      .filter((path) => !isFree(path))
      .flatMap((path) => {
        const how = directAccessIn(readFileSync(join(SRC, path), 'utf8'));
        return how ? [[path, how] as const] : [];
      }),
  );

  it('no file outside repositories, database/ and testing/ imports or injects the connection', () => {
    const breaches = [...direct]
      .filter(([path]) => !(path in EXCEPTIONS))
      .map(([path, how]) => `${path} ${how}: query through the context's repository instead`);
    expect(breaches).toEqual([]);
  });

  it('lists as exceptions only files that still hold the connection', () => {
    const needless = Object.keys(EXCEPTIONS).filter((path) => !direct.has(path));
    expect(needless).toEqual([]);
  });

  it('recognises the ways a file reaches the connection', () => {
    expect(directAccessIn("import { DataSource, In } from 'typeorm';")).toBe(
      'imports DataSource from typeorm',
    );
    expect(directAccessIn("import type { EntityManager } from 'typeorm';")).toBe(
      'imports EntityManager from typeorm',
    );
    expect(directAccessIn('constructor(@InjectRepository(User) users) {}')).toBe(
      'uses @InjectRepository',
    );
    expect(directAccessIn("import { In, IsNull } from 'typeorm';")).toBeNull();
    expect(directAccessIn("import { Transaction } from '../database/unit-of-work';")).toBeNull();
  });
});
