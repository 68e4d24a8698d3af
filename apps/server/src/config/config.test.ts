import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration checked at start-up', () => {
  it.each(['70000', '-1', '3.5', 'eighty'])('PORT=%s is refused with an error naming PORT', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT/);
  });

  it('a PORT in range is read as a number', () => {
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
  });

  it('a DATABASE_URL that is not postgres:// or postgresql:// is refused', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:p@localhost/db' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:p@localhost/db' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@localhost/db' }).databaseUrl).toBe(
      'postgresql://u:p@localhost/db',
    );
  });

  it('NODE_ENV=production never seeds demo data, even when asked to', () => {
    expect(loadConfig({ NODE_ENV: 'production', PORTICO_SEED_DEMO: 'true' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }, { seedDemo: true }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).seedDemo).toBe(true);
  });

  it('an unknown NODE_ENV and a non-boolean flag are refused by name', () => {
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
  });
});
