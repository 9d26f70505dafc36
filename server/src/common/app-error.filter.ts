import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { AppError, HTTP_STATUS_BY_CODE } from './app-error';

/** The one place where an AppError becomes a GraphQL error or an HTTP answer. */
@Catch(AppError)
export class AppErrorFilter implements ExceptionFilter {
  catch(error: AppError, host: ArgumentsHost) {
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
