import type { Request } from 'express';

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerTokenOf(req: Request): string | undefined {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}
