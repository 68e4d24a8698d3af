import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../test/db.js';
import { queryRows } from './client.js';
import { systemTx } from './tx.js';

type Policy = { name: string; expression: string };

// Migration 0020: a bare app_setting_uuid() in a policy runs again for every row and mention; wrapped in a
// scalar subquery it is an InitPlan, read once per query. A policy written later without the wrapper is slow
// on the lists, not wrong, so only this test would notice it.
describe('row-level security policies', () => {
  it('X-1: every row-level security policy reads the tenant settings once per query', async () => {
    const database = await testDatabase();
    const policies = await systemTx(database.db, (tx) =>
      queryRows<Policy>(
        tx,
        sql`SELECT tablename || '.' || policyname AS name, coalesce(qual, '') || ' ' || coalesce(with_check, '') AS expression
            FROM pg_policies WHERE schemaname = 'public'`,
      ),
    );
    const reading = policies.filter((p) => p.expression.includes('app_setting_uuid('));
    expect(reading.length).toBeGreaterThan(10);
    const bare = reading
      .filter((p) => p.expression.replace(/SELECT app_setting_uuid\(/g, '').includes('app_setting_uuid('))
      .map((p) => p.name);
    expect(bare).toEqual([]);
  });
});
