import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { passwordProblem } from '@scr/shared';
import { AppConfig, CONFIG_KEYS } from './app-config';
import { StartupError } from './config-error';

/** Reads and validates the environment; throws a StartupError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const relevant: Record<string, string> = {};
  for (const key of CONFIG_KEYS) {
    const value = env[key];
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const config = plainToInstance(AppConfig, relevant);
  const [first] = validateSync(config, { forbidUnknownValues: false });
  if (first) {
    const message = Object.values(first.constraints ?? {})[0] ?? 'is not valid';
    const shown =
      first.property.includes('PASSWORD') || first.property.includes('SECRET')
        ? ''
        : ` (got ${JSON.stringify(relevant[first.property])})`;
    throw new StartupError(`Configuration: ${message}${shown}.`);
  }
  if ((config.SCR_ADMIN_EMAIL === undefined) !== (config.SCR_ADMIN_PASSWORD === undefined)) {
    throw new StartupError(
      'Configuration: set both SCR_ADMIN_EMAIL and SCR_ADMIN_PASSWORD, or neither (a password is then generated).',
    );
  }
  if (config.SCR_ADMIN_PASSWORD !== undefined) {
    const problem = passwordProblem(config.SCR_ADMIN_PASSWORD);
    if (problem) throw new StartupError(`Configuration: SCR_ADMIN_PASSWORD: ${problem}`);
  }
  return config;
}
