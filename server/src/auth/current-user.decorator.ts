import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { httpOf } from './request-context';

/** The signed-in account, as loaded by the auth guard for this request. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return httpOf(context).req.user;
});
