import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends, so tests and benchmarks can show that the number of
 * statements for a page does not grow with the data. Logs nothing itself.
 */
export class SqlStatementCounter extends AbstractLogger {
  private static statements = 0;
  private static recent: string[] = [];
  private static readonly KEEP = 50;

  static reset(): void {
    SqlStatementCounter.statements = 0;
    SqlStatementCounter.recent = [];
  }

  /** The first statements since the last reset, to show what a page really runs. */
  static get statementsSinceReset(): readonly string[] {
    return SqlStatementCounter.recent;
  }

  static get count(): number {
    return SqlStatementCounter.statements;
  }

  override logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    SqlStatementCounter.statements += 1;
    if (SqlStatementCounter.recent.length < SqlStatementCounter.KEEP)
      SqlStatementCounter.recent.push(query.replace(/\s+/g, ' ').slice(0, 160));
  }

  protected writeLog(
    _level: LogLevel,
    _message: LogMessage | string | number | (LogMessage | string | number)[],
  ): void {
    // Counting only: the application's own logger reports errors.
  }
}
