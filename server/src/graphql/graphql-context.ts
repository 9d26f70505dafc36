import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/request-context';
import type { RequestLoaders } from '../common/request-loaders';

export interface GraphqlContext {
  req: AuthenticatedRequest;
  res: Response;
  loaders: RequestLoaders;
}
