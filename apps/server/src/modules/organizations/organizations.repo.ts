import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { after, contains } from '../../db/keyset.js';
import type { Scope } from '../../platform/tenancy/tenancy.js';
import { organizations, programs } from './organizations.table.js';

/** The tenant filter: every query below starts from it. */
const orgScope = (s: Scope, col = organizations.id) =>
  and(eq(organizations.networkId, s.networkId), s.organizationId ? eq(col, s.organizationId) : undefined);
/** Programs of the scope: the network's, and the acting organization's unless an administrator acts. */
export const programScope = (s: Scope) =>
  and(
    eq(programs.networkId, s.networkId),
    s.organizationId ? eq(programs.organizationId, s.organizationId) : undefined,
  );

export function listOrganizations(
  tx: Tx,
  s: Scope,
  q: string | undefined,
  key: (string | number)[] | null,
  limit: number,
) {
  return tx
    .select()
    .from(organizations)
    .where(and(orgScope(s), contains(organizations.name, q), after(key, organizations.name, organizations.id)))
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(limit + 1);
}

export function findOrganization(tx: Tx, s: Scope, id: string) {
  return tx
    .select()
    .from(organizations)
    .where(and(orgScope(s), eq(organizations.id, id)))
    .then((r) => r[0]);
}

export function insertOrganization(tx: Tx, row: typeof organizations.$inferInsert) {
  return tx
    .insert(organizations)
    .values(row)
    .returning()
    .then((r) => r[0]!);
}

export function updateOrganization(tx: Tx, s: Scope, id: string, patch: Partial<typeof organizations.$inferInsert>) {
  return tx
    .update(organizations)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(orgScope(s), eq(organizations.id, id)))
    .returning()
    .then((r) => r[0]);
}

const programColumns = { ...getTableColumns(programs), organizationName: organizations.name };

function selectPrograms(tx: Tx) {
  return tx
    .select(programColumns)
    .from(programs)
    .innerJoin(organizations, eq(organizations.id, programs.organizationId));
}

export function listPrograms(
  tx: Tx,
  s: Scope,
  filter: { organizationId?: string | undefined; q?: string | undefined },
  key: (string | number)[] | null,
  limit: number,
) {
  return selectPrograms(tx)
    .where(
      and(
        programScope(s),
        filter.organizationId ? eq(programs.organizationId, filter.organizationId) : undefined,
        contains(programs.name, filter.q),
        after(key, programs.name, programs.id),
      ),
    )
    .orderBy(asc(programs.name), asc(programs.id))
    .limit(limit + 1);
}

export function findProgram(tx: Tx, s: Scope, id: string) {
  return selectPrograms(tx)
    .where(and(programScope(s), eq(programs.id, id)))
    .then((r) => r[0]);
}

export function insertProgram(tx: Tx, row: typeof programs.$inferInsert) {
  return tx
    .insert(programs)
    .values(row)
    .returning({ id: programs.id })
    .then((r) => r[0]!);
}

export function updateProgram(tx: Tx, s: Scope, id: string, patch: Partial<typeof programs.$inferInsert>) {
  return tx
    .update(programs)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(programScope(s), eq(programs.id, id)))
    .returning({ id: programs.id })
    .then((r) => r[0]);
}
