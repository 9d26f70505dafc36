import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError, HTTP_STATUS_BY_CODE } from './app-error';
import { fromDatabaseError } from './database-errors';

/**
 * The one place where an AppError (or a database refusal a user's input caused) becomes a GraphQL
 * error or an HTTP answer.
 */
@Catch(AppError, QueryFailedError)
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(AppErrorFilter.name);

  catch(caught: AppError | QueryFailedError, host: ArgumentsHost) {
    const error = caught instanceof AppError ? caught : fromDatabaseError(caught);
    if (!error) {
      this.logger.error(caught);
      if (host.getType<string>() === 'graphql') return caught;
      host
        .switchToHttp()
        .getResponse<Response>()
        .status(500)
        .json({ message: 'Something went wrong on the server; the error has been logged.' });
      return;
    }
    if (host.getType<string>() === 'graphql') {
      return new GraphQLError(error.message, {
        extensions: { ...error.details, code: error.code },
      });
    }
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HTTP_STATUS_BY_CODE[error.code])
      .json({ code: error.code, message: error.message, ...error.details });
  }
}
