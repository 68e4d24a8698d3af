import { loadConfig } from '../config/config.js';
import { type Database, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';

/** Which real database this test worker runs against: set per vitest project. */
export const testDriver = (process.env.PORTICO_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

let shared: Promise<Database> | undefined;

/**
 * One migrated database per test worker (PGlite boots in seconds; PostgreSQL is shared).
 * Tests never reset it: each makes its own network with the factories, so nothing leaks between them.
 */
export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    const url = process.env.DATABASE_URL;
    if (testDriver === 'postgres' && !url) throw new Error('PORTICO_TEST_DB=postgres needs DATABASE_URL');
    const database = await openDatabase({
      databaseUrl: testDriver === 'postgres' ? url : undefined,
      dataDir: 'memory://',
      poolSize: 5,
    });
    await migrate(database);
    return database;
  })();
  return shared;
}

export function testConfig() {
  return loadConfig({ NODE_ENV: 'test' }, { webDist: '/nonexistent', seedDemo: false, signInRateLimit: 100_000 });
}
