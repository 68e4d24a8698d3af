import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organizations } from '../modules/organizations/organizations.table.js';
import { testDatabase, testDriver } from '../test/db.js';
import { makeNetwork, makeOrganization } from '../test/factories.js';
import { queryRows } from './client.js';
import { prepared, systemTx } from './tx.js';

describe('prepared()', () => {
  it('runs one named statement per text, each run with its own values', async () => {
    const database = await testDatabase();
    const network = await makeNetwork(database.db);
    const a = await makeOrganization(database.db, network.id, 'Prepared A');
    const b = await makeOrganization(database.db, network.id, 'Prepared B');
    // One connection, so the second run meets the statement the first one prepared.
    await database.withConnection(async (db) => {
      const nameOf = (id: string) =>
        systemTx(db, (tx) =>
          prepared(tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id))),
        );
      expect(await nameOf(a.id)).toEqual([{ name: 'Prepared A' }]);
      expect(await nameOf(b.id)).toEqual([{ name: 'Prepared B' }]);
      if (testDriver !== 'postgres') return; // PGlite has no named statements
      const statements = await systemTx(db, (tx) =>
        queryRows<{ name: string; statement: string }>(
          tx,
          sql`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '%from "organizations" where "organizations"."id"%'`,
        ),
      );
      expect(statements).toHaveLength(1);
      expect(statements[0]?.name).toMatch(/^q_[0-9a-f]{20}$/);
    });
  });
});
