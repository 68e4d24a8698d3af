import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { testDatabase, testDriver } from './db.js';

async function adminQuery(statement: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A migrated database no other test file writes to, for a test that acts on every row of a table
 * (draining the whole mail outbox through SMTP). On PGlite the file's own in-memory database already
 * is one (test files of a worker run one after another); on PostgreSQL, where workers share one
 * database, it is a new database, dropped by `drop()`.
 */
export async function privateDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (testDriver === 'pglite') return { database: await testDatabase(), drop: async () => {} };
  const url = new URL(process.env.DATABASE_URL ?? '');
  const name = `portico_private_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', poolSize: 3 });
  await migrate(database);
  return {
    database,
    drop: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
