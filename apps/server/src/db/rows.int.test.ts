import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { organizations, programs } from '../modules/organizations/organizations.table.js';
import { testDatabase } from '../test/db.js';
import { makeTenantPair } from '../test/factories.js';
import type { Tx } from './client.js';
import { prepared, systemTx } from './tx.js';

interface Row {
  program: { name: string; createdAt: Date };
  organization: { id: string; name: string };
  missing: unknown;
  found: unknown;
  counted: number;
  label: string;
}

// The lists and reports read through prepared() and Statements, which map rows with rowMapper: the same
// objects as drizzle's own mapping, or a page would differ from what the code around it was written for.
describe('rows mapped once per statement', () => {
  it('MT-14 / MT-15: rows come out as drizzle maps them: nested objects, decoded values, a missing left join as null', async () => {
    const { db } = await testDatabase();
    const t = await makeTenantPair(db, 'default');
    const missing = alias(organizations, 'missing');
    const found = alias(organizations, 'found');
    const query = (tx: Tx) =>
      tx
        .select({
          program: programs,
          organization: { id: organizations.id, name: organizations.name },
          // Left joined: no row for `missing` (null object), a row for `found`.
          missing: { id: missing.id, name: missing.name },
          found: { id: found.id, createdAt: found.createdAt },
          counted: sql<number>`count(*) OVER ()`.mapWith(Number),
          label: sql<string>`${programs.name} || ' / ' || ${organizations.name}`.as('label'),
        })
        .from(programs)
        .innerJoin(organizations, eq(organizations.id, programs.organizationId))
        .leftJoin(missing, and(eq(missing.id, programs.organizationId), sql`false`))
        .leftJoin(found, eq(found.id, programs.organizationId))
        .where(inArray(programs.id, [t.a.id, t.b.id]))
        .orderBy(programs.name);
    const drizzles = await systemTx(db, (tx) => query(tx));
    const ours = (await systemTx(db, (tx) => prepared(query(tx)))) as Row[];
    expect(ours).toEqual(drizzles);
    expect(ours).toHaveLength(2);
    const [first] = ours;
    expect(first!.missing).toBeNull();
    expect(first!.found).toEqual({ id: first!.organization.id, createdAt: expect.any(Date) });
    expect(first!.program.createdAt).toBeInstanceOf(Date);
    expect(first!.counted).toBe(2);
    expect(first!.label).toBe(`${first!.program.name} / ${first!.organization.name}`);
  });
});
