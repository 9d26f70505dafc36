import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

interface SerializedRequest {
  id: unknown;
  method: string;
  url: string;
  remoteAddress?: string;
  raw?: IncomingMessage;
}

/**
 * A request as the logs show it: method and path only. The query string may carry search terms,
 * GraphQL variables or tokens, and headers may carry credentials or a referring URL with its own
 * query string, so neither is logged; bodies never are.
 */
export function requestForLog(req: SerializedRequest) {
  return {
    id: req.id,
    method: req.method,
    path: (req.url ?? '').split('?')[0],
    remoteAddress: req.remoteAddress,
  };
}

export function loggerOptions(config: AppConfig): Params {
  const pretty = config.NODE_ENV !== 'production' && config.LOG_LEVEL !== 'silent';
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      serializers: {
        req: requestForLog,
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/health' || !(req.url ?? '').startsWith('/') },
      transport: pretty
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } }
        : undefined,
    },
  };
}
