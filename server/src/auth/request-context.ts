import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { User } from '../users/user.entity';

export interface AuthenticatedRequest extends Request {
  user?: User;
}

/** The HTTP request and response behind either a REST route or a GraphQL resolver. */
export function httpOf(context: ExecutionContext): { req: AuthenticatedRequest; res: Response } {
  if (context.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(context).getContext<{
      req: AuthenticatedRequest;
      res: Response;
    }>();
    return { req: gql.req, res: gql.res };
  }
  const http = context.switchToHttp();
  return { req: http.getRequest<AuthenticatedRequest>(), res: http.getResponse<Response>() };
}
