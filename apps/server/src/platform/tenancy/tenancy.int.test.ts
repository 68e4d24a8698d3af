import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../db/client.js';
import { tenantTx } from '../../db/tx.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeClient, makeTenantPair, makeUser } from '../../test/factories.js';

// the second layer. Even a raw, unscoped SELECT inside a tenant transaction sees one tenant.
describe(`row-level security on ${testDriver} (X-1)`, () => {
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;

  beforeAll(async () => {
    database = await testDatabase();
    t = await makeTenantPair(database.db);
    await makeClient(database.db, t.a, { firstName: 'Alice' });
    await makeClient(database.db, t.a, { firstName: 'Anna' });
    await makeClient(database.db, t.b, { firstName: 'Bob' });
  });
  afterAll(() => undefined);

  const settings = (organizationId: string | null, networkAdminOf: string | null = null) => ({
    networkId: t.network.id,
    userId: t.adminA.id,
    organizationId,
    networkAdminOf,
  });

  it('an unscoped SELECT on clients returns only the acting organization’s rows', async () => {
    const rows = await tenantTx(database.db, settings(t.a.organizationId), async (tx) => {
      return queryRows<{ first_name: string; organization_id: string }>(
        tx,
        sql`SELECT first_name, organization_id FROM clients`,
      );
    });
    expect(rows.map((r) => r.first_name).sort()).toEqual(['Alice', 'Anna']);
    expect(new Set(rows.map((r) => r.organization_id))).toEqual(new Set([t.a.organizationId]));
  });

  it('an unscoped SELECT on memberships returns only the acting organization’s contacts', async () => {
    const rows = await tenantTx(database.db, settings(t.b.organizationId), async (tx) => {
      return queryRows<{ organization_id: string }>(tx, sql`SELECT organization_id FROM memberships`);
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.organization_id === t.b.organizationId)).toBe(true);
  });

  it('a network administrator scope sees every organization of that network and no other network', async () => {
    const other = await makeTenantPair(database.db);
    await makeClient(database.db, other.a, { firstName: 'Zed' });
    const names = await tenantTx(database.db, settings(t.office.organizationId, t.network.id), async (tx) => {
      return (await queryRows<{ first_name: string }>(tx, sql`SELECT first_name FROM clients`))
        .map((x) => x.first_name)
        .sort();
    });
    expect(names).toEqual(['Alice', 'Anna', 'Bob']);
  });

  it('with no organization set, a tenant transaction sees no tenant rows at all', async () => {
    const n = await tenantTx(database.db, settings(null), async (tx) => {
      return (await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM clients`))[0]?.n;
    });
    expect(n).toBe(0);
  });

  it('refuses to write a row into another organization', async () => {
    const attempt = tenantTx(database.db, settings(t.a.organizationId), (tx) =>
      tx.execute(sql`INSERT INTO clients (network_id, organization_id, created_by_program_id, first_name, last_name, birth_date)
        VALUES (${t.network.id}, ${t.b.organizationId}, ${t.b.id}, 'Eve', 'Intruder', '1990-01-01')`),
    );
    await expect(attempt).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
  });

  it('a user sees only their own notifications', async () => {
    const other = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    await database.db.execute(sql`INSERT INTO notifications (network_id, user_id, kind, title)
      VALUES (${t.network.id}, ${t.adminA.id}, 'test', 'mine'), (${t.network.id}, ${other.id}, 'test', 'theirs')`);
    const titles = await tenantTx(database.db, settings(t.a.organizationId), async (tx) => {
      return (await queryRows<{ title: string }>(tx, sql`SELECT title FROM notifications`)).map((x) => x.title);
    });
    expect(titles).toEqual(['mine']);
  });

  it('a failed command leaves nothing half-saved, and the connection serves the next tenant as itself', async () => {
    const attempt = tenantTx(database.db, settings(t.a.organizationId), async (tx) => {
      await tx.execute(sql`INSERT INTO clients (network_id, organization_id, created_by_program_id, first_name, last_name, birth_date)
        VALUES (${t.network.id}, ${t.a.organizationId}, ${t.a.id}, 'Half', 'Saved', '1990-01-01')`);
      throw new Error('the command fails after its first write');
    });
    await expect(attempt).rejects.toThrow('the command fails after its first write');
    // Every pooled connection in turn: none kept the failed transaction, its role or its settings.
    const seen = await Promise.all(
      Array.from({ length: 12 }, () =>
        tenantTx(database.db, settings(t.b.organizationId), async (tx) => {
          const rows = await queryRows<{ first_name: string; org: string }>(
            tx,
            sql`SELECT first_name, current_setting('app.org') AS org FROM clients ORDER BY first_name`,
          );
          return rows.map((r) => `${r.first_name}@${r.org === t.b.organizationId ? 'b' : r.org}`);
        }),
      ),
    );
    for (const names of seen) expect(names).toEqual(['Bob@b']);
    const half = await database.db.execute(sql`SELECT 1 FROM clients WHERE first_name = 'Half'`);
    expect((half as unknown as { rows: unknown[] }).rows).toHaveLength(0);
  });

  it('settings that are not ids are refused before any SQL is sent', async () => {
    const attempt = tenantTx(
      database.db,
      { ...settings(t.a.organizationId), userId: "x', true), set_config('role', 'portico" },
      async () => 1,
    );
    await expect(attempt).rejects.toThrow(/userId is not an id/);
  });
});
