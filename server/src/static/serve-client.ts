import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SERVER_PATHS = /^\/(graphql|api|health)(\/|$)/;

export function defaultClientDir(): string {
  return resolve(__dirname, '..', '..', '..', 'client', 'dist');
}

/**
 * Serves the built client at `/`, and its index page for every other browser route, so that a
 * reload on /reviews/123 lands in the app rather than on a 404.
 * Returns false when no built client is there to serve.
 */
export function serveClient(app: NestExpressApplication, clientDir: string): boolean {
  const indexFile = join(clientDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  app.useStaticAssets(clientDir, {
    index: false,
    maxAge: '1h',
    setHeaders: (res, path) => {
      if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || SERVER_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return true;
}
