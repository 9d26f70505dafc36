import type { Params } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

export function loggerOptions(config: AppConfig): Params {
  const pretty = config.NODE_ENV !== 'production' && config.LOG_LEVEL !== 'silent';
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/health' || !(req.url ?? '').startsWith('/') },
      transport: pretty
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } }
        : undefined,
    },
  };
}
