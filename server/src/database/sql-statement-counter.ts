import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends, so tests and benchmarks can show that the number of
 * statements for a page does not grow with the data. Logs nothing itself.
 */
export class SqlStatementCounter extends AbstractLogger {
  private static statements = 0;

  static reset(): void {
    SqlStatementCounter.statements = 0;
  }

  static get count(): number {
    return SqlStatementCounter.statements;
  }

  override logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    SqlStatementCounter.statements += 1;
  }

  protected writeLog(
    _level: LogLevel,
    _message: LogMessage | string | number | (LogMessage | string | number)[],
  ): void {
    // Counting only: the application's own logger reports errors.
  }
}
