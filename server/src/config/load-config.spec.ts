import { loadConfig } from './load-config';
import { StartupError } from './config-error';

describe('loadConfig', () => {
  it('fills every default from an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./.data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.seedDemoData).toBe(true);
    expect(config.SCR_TOKEN_TTL).toBe('8h');
  });

  it('reads numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', SCR_DEMO_DATA: 'no', SCR_LOGIN_RATE_LIMIT: '3' });
    expect(config.PORT).toBe(8080);
    expect(config.seedDemoData).toBe(false);
    expect(config.SCR_LOGIN_RATE_LIMIT).toBe(3);
  });

  it('trusts no proxy unless TRUST_PROXY says so', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(
      loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8 ,192.0.2.7' }).trustProxy,
    ).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7']);
  });

  it('does not seed demo data against an external database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/scr' }).seedDemoData).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a PostgreSQL URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ SCR_TOKEN_TTL: 'forever' }, 'SCR_TOKEN_TTL must be a number followed by'],
    [{ SCR_DEMO_DATA: 'maybe' }, 'SCR_DEMO_DATA must be true or false'],
    [{ TRUST_PROXY: 'yes please' }, 'TRUST_PROXY must be false, true, a number of proxy hops'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY must be false, true'],
    [{ TRUST_PROXY: '10.0.0.1,' }, 'TRUST_PROXY must be false, true'],
    [{ TRUST_PROXY: '-1' }, 'TRUST_PROXY must be false, true'],
    [
      { SCR_ADMIN_EMAIL: 'not-an-email', SCR_ADMIN_PASSWORD: 'long enough password' },
      'SCR_ADMIN_EMAIL must be an email address',
    ],
    [{ SCR_ADMIN_EMAIL: 'a@b.org' }, 'set both SCR_ADMIN_EMAIL and SCR_ADMIN_PASSWORD'],
    [{ SCR_ADMIN_EMAIL: 'a@b.org', SCR_ADMIN_PASSWORD: 'short' }, 'at least 12 characters'],
  ])('refuses %j with one line naming the variable', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(StartupError);
    expect(() => loadConfig(env)).toThrow(expected);
  });

  it('never echoes a secret back in the error', () => {
    try {
      loadConfig({ SCR_TOKEN_SECRET: 'too-short-secret' });
      throw new Error('expected a StartupError');
    } catch (error) {
      expect((error as Error).message).not.toContain('too-short-secret');
    }
  });
});
