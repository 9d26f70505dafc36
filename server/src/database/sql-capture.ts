import { INestApplicationContext, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { resolve } from 'node:path';
import { AbstractLogger, DataSource, LogLevel, LogMessage, Logger, QueryRunner } from 'typeorm';
import { sqlExamplesOf } from './generate-sql';
import { BaseRepository } from './unit-of-work';

/** Where the generated files live (server/src/queries, from src/ and dist/ alike): one per repository. */
export const QUERIES_DIR = resolve(__dirname, '..', '..', 'src', 'queries');

export const REGENERATE_COMMAND = 'npm run sql -w @scr/server';

export interface DiscoveredRepository {
  type: Type<object>;
  instance: object;
}

/**
 * Every repository the application provides: the providers of every Nest module whose class
 * name ends in `Repository`, once each even when several modules provide the class.
 */
export function discoverRepositories(app: INestApplicationContext): DiscoveredRepository[] {
  const found = new Map<Type<object>, object>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const type = wrapper.metatype as Type<object> | null;
      if (typeof type !== 'function' || !type.name.endsWith('Repository')) continue;
      if (wrapper.instance && !found.has(type)) found.set(type, wrapper.instance);
    }
  }
  return [...found]
    .map(([type, instance]) => ({ type, instance }))
    .sort((a, b) => a.type.name.localeCompare(b.type.name));
}

/** `ThemesRepository` → `themes.repository.sql`, `SignInLimitsRepository` → `sign-in-limits.repository.sql`. */
export function sqlFileName(repositoryName: string): string {
  const kebab = repositoryName
    .replace(/Repository$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
  return `${kebab}.repository.sql`;
}

/** Records the statements sent on one query runner, and passes everything on to the usual logger. */
class StatementRecorder extends AbstractLogger {
  readonly statements: string[] = [];
  runner: QueryRunner | null = null;

  constructor(private readonly next: Logger) {
    super();
  }

  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (queryRunner && queryRunner === this.runner) this.statements.push(query);
    this.next.logQuery(query, parameters, queryRunner);
  }

  override logQueryError(
    error: string | Error,
    query: string,
    parameters?: unknown[],
    queryRunner?: QueryRunner,
  ): void {
    this.next.logQueryError(error, query, parameters, queryRunner);
  }

  protected writeLog(
    _level: LogLevel,
    _message: LogMessage | string | number | (LogMessage | string | number)[],
  ): void {
    // Recording only: the application's own logger reports the rest.
  }
}

const CLAUSES = [
  'SELECT',
  'FROM',
  'INNER JOIN',
  'LEFT JOIN',
  'WHERE',
  'GROUP BY',
  'HAVING',
  'ORDER BY',
  'LIMIT',
  'OFFSET',
  'INSERT INTO',
  'VALUES',
  'ON CONFLICT',
  'DO UPDATE SET',
  'UPDATE',
  'SET',
  'DELETE FROM',
  'RETURNING',
  'FOR UPDATE',
  'UNION ALL',
];
/** Clauses whose items at the top level go one to a line. */
const LISTS = new Set(['SELECT', 'SET', 'DO UPDATE SET', 'RETURNING']);
const CLAUSE = new RegExp(`^(${CLAUSES.map((c) => c.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/**
 * One statement, readable in a diff: whitespace normalised, each clause on a line of its own and,
 * in a select list, each column too. Literals and quoted names are kept as they are; parameters
 * stay as PostgreSQL numbers them ($1, $2…).
 */
export function formatSql(sql: string): string {
  const lines: string[] = [];
  let line = '';
  let depth = 0;
  let clause = '';
  const flush = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  const text = sql.trim();
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "'" || char === '"') {
      let end = i + 1;
      while (end < text.length && !(text[end] === char && text[end + 1] !== char)) {
        end += text[end] === char ? 2 : 1;
      }
      line += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (/\s/.test(char)) {
      if (line && !line.endsWith(' ') && !line.endsWith('(')) line += ' ';
      i += 1;
      continue;
    }
    const atWordStart = i === 0 || /[\s(,]/.test(text[i - 1]);
    const keyword = depth === 0 && atWordStart ? CLAUSE.exec(text.slice(i)) : null;
    if (keyword) {
      flush();
      clause = keyword[1].replace(/\s+/g, ' ').toUpperCase();
      line = keyword[1].replace(/\s+/g, ' ');
      i += keyword[1].length;
      continue;
    }
    if (char === '(') depth += 1;
    if (char === ')') {
      depth -= 1;
      if (line.endsWith(' ')) line = line.trimEnd();
    }
    line += char;
    i += 1;
    if (char === ',' && depth === 0 && LISTS.has(clause)) {
      flush();
      line = '  ';
    }
  }
  flush();
  return lines.join('\n');
}

export interface CapturedExample {
  method: string;
  example?: string;
  statements: string[];
}

/**
 * Calls every method of `repository` that declares examples, once per example, each inside a
 * transaction that is rolled back whatever happens, and records the SQL it sends. A method that
 * fails on the example data still shows the statements it sent before failing.
 */
export async function captureRepository(
  dataSource: DataSource,
  repository: DiscoveredRepository,
): Promise<CapturedExample[]> {
  const examples = sqlExamplesOf(repository.type);
  if (examples.size === 0) return [];
  if (!(repository.instance instanceof BaseRepository)) {
    throw new Error(
      `${repository.type.name} has SQL examples but does not extend BaseRepository, so they cannot run in a transaction that is rolled back.`,
    );
  }
  const instance = repository.instance;
  const captured: CapturedExample[] = [];
  const previous = dataSource.logger;
  const recorder = new StatementRecorder(previous);
  dataSource.logger = recorder;
  try {
    for (const [method, list] of examples) {
      for (const example of list) {
        const runner = dataSource.createQueryRunner();
        await runner.connect();
        try {
          await runner.startTransaction();
          recorder.statements.length = 0;
          recorder.runner = runner;
          const bound = instance.in(runner.manager) as unknown as Record<
            string,
            (...args: unknown[]) => unknown
          >;
          try {
            await bound[method](...example.params);
          } catch {
            // The statements sent are what matters, not whether the example data fits.
          }
          recorder.runner = null;
          captured.push({ method, example: example.name, statements: [...recorder.statements] });
        } finally {
          recorder.runner = null;
          if (runner.isTransactionActive) await runner.rollbackTransaction();
          await runner.release();
        }
      }
    }
  } finally {
    dataSource.logger = previous;
  }
  return captured;
}

/** The text of a repository's generated file. */
export function renderSqlFile(repositoryName: string, captured: CapturedExample[]): string {
  const parts = [`-- NOTE: generated by \`${REGENERATE_COMMAND}\` from the @GenerateSql examples.`];
  for (const { method, example, statements } of captured) {
    const title = `${repositoryName}.${method}${example ? ` (${example})` : ''}`;
    const body =
      statements.length > 0
        ? statements.map((statement) => `${formatSql(statement)};`).join('\n\n')
        : '-- sends no SQL with this example';
    parts.push(`-- ${title}\n${body}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** Every repository's generated file, by file name. */
export async function generateSqlFiles(app: INestApplicationContext): Promise<Map<string, string>> {
  const dataSource = app.get(DataSource);
  const files = new Map<string, string>();
  for (const repository of discoverRepositories(app)) {
    const captured = await captureRepository(dataSource, repository);
    if (captured.length === 0) continue;
    files.set(sqlFileName(repository.type.name), renderSqlFile(repository.type.name, captured));
  }
  return files;
}
