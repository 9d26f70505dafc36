import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
  if (['false', '0', 'no', 'off'].includes(normalised)) return false;
  return value;
};

const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;

export const CONFIG_KEYS = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATA_DIR',
  'SCR_ADMIN_EMAIL',
  'SCR_ADMIN_PASSWORD',
  'SCR_TOKEN_SECRET',
  'SCR_TOKEN_TTL',
  'SCR_LOGIN_RATE_LIMIT',
  'SCR_STATEMENT_TIMEOUT_MS',
  'TRUST_PROXY',
  'SCR_DEMO_DATA',
  'CLIENT_DIR',
  'CHROMIUM_PATH',
  'LOG_LEVEL',
  'NODE_ENV',
] as const;

/**
 * Every environment variable the server reads, with its default. The README's configuration
 * table is written from this class: keep them together.
 */
export class AppConfig {
  @Transform(toInteger)
  @IsInt({ message: 'PORT must be a whole number from 1 to 65535' })
  @Min(1, { message: 'PORT must be a whole number from 1 to 65535' })
  @Max(65535, { message: 'PORT must be a whole number from 1 to 65535' })
  PORT = 3000;

  @IsString()
  @MinLength(1, { message: 'HOST must name an interface address, e.g. 127.0.0.1 or 0.0.0.0' })
  HOST = '127.0.0.1';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/scr',
  })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1, { message: 'DATA_DIR must name a folder' })
  DATA_DIR = './.data';

  @IsOptional()
  @IsEmail({}, { message: 'SCR_ADMIN_EMAIL must be an email address' })
  SCR_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  SCR_ADMIN_PASSWORD?: string;

  @IsOptional()
  @MinLength(32, { message: 'SCR_TOKEN_SECRET must be at least 32 characters long' })
  SCR_TOKEN_SECRET?: string;

  @Matches(/^\d+[smhd]$/, {
    message: 'SCR_TOKEN_TTL must be a number followed by s, m, h or d (for example 8h)',
  })
  SCR_TOKEN_TTL = '8h';

  @Transform(toInteger)
  @IsInt({ message: 'SCR_LOGIN_RATE_LIMIT must be a whole number of attempts per minute' })
  @Min(1, { message: 'SCR_LOGIN_RATE_LIMIT must be at least 1' })
  SCR_LOGIN_RATE_LIMIT = 10;

  @Transform(toInteger)
  @IsInt({ message: 'SCR_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100, { message: 'SCR_STATEMENT_TIMEOUT_MS must be at least 100' })
  SCR_STATEMENT_TIMEOUT_MS = 15_000;

  @ValidateBy(
    {
      name: 'trustProxy',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== null,
      },
    },
    {
      message:
        'TRUST_PROXY must be false, true, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges',
    },
  )
  TRUST_PROXY = 'false';

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'SCR_DEMO_DATA must be true or false' })
  SCR_DEMO_DATA?: boolean;

  @IsOptional()
  @IsString()
  CLIENT_DIR?: string;

  /**
   * The Chromium (or Chrome) executable that prints PDF documents. Without one, PDF downloads
   * answer 503 and the other formats still work.
   */
  @IsString()
  @MinLength(1, { message: 'CHROMIUM_PATH must name the Chromium executable' })
  CHROMIUM_PATH = '/usr/bin/chromium';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsIn(['development', 'production', 'test'], {
    message: 'NODE_ENV must be development, production or test',
  })
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Express's 'trust proxy': whose X-Forwarded-For decides the client's address. */
  get trustProxy(): TrustProxy {
    return parseTrustProxy(this.TRUST_PROXY) ?? false;
  }

  /** Demo data is seeded by default only where the server owns its database (embedded mode). */
  get seedDemoData(): boolean {
    return this.SCR_DEMO_DATA ?? this.DATABASE_URL === undefined;
  }
}
