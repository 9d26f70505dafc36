import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { createValidationPipe } from '../common/validation.pipe';
import { AppConfig } from '../config/app-config';
import { prepareDatabase } from '../database/prepare-database';
import { defaultClientDir, serveClient } from '../static/serve-client';
import { securityHeaders } from './security-headers';

/**
 * Builds the whole application against a database URL: migrations first, then Nest. Used by the
 * server's entry point and by the integration tests alike, so tests run what users run.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
): Promise<NestExpressApplication> {
  const dataSource = await prepareDatabase(databaseUrl, {
    statementTimeoutMs: config.SCR_STATEMENT_TIMEOUT_MS,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, dataSource }),
    { bufferLogs: true },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.use(securityHeaders());
  app.useGlobalPipes(createValidationPipe());
  // Room for a few thousand chronology events in one call; the chronology import takes more.
  app.useBodyParser('json', { limit: '10mb' });
  // The client's address (for the sign-in limits) comes from X-Forwarded-For only as TRUST_PROXY says.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  const clientDir = config.CLIENT_DIR ?? defaultClientDir();
  if (!serveClient(app, clientDir)) {
    logger.warn(
      `No built client in ${clientDir}: run "npm run build" to serve the workbench at /.`,
    );
  }
  return app;
}
