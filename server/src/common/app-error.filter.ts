import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError, HTTP_STATUS_BY_CODE } from './app-error';
import { databaseErrorForLog } from '../logging/safe-error';
import { fromDatabaseError } from './database-errors';

/**
 * The one place where an AppError (or a database refusal a user's input caused) becomes an HTTP
 * answer. GraphQL errors are shaped by the GraphQL error formatter instead, since field resolvers
 * do not pass through Nest's filters.
 */
@Catch(AppError, QueryFailedError)
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(AppErrorFilter.name);

  catch(caught: AppError | QueryFailedError, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return caught;
    const response = host.switchToHttp().getResponse<Response>();
    const error = caught instanceof AppError ? caught : fromDatabaseError(caught);
    if (!error) {
      this.logger.error({ dbError: databaseErrorForLog(caught) }, 'A database statement failed');
      response
        .status(500)
        .json({ message: 'Something went wrong on the server; the error has been logged.' });
      return;
    }
    response
      .status(error.httpStatus ?? HTTP_STATUS_BY_CODE[error.code])
      .json({ code: error.code, message: error.message, ...error.details });
  }
}
