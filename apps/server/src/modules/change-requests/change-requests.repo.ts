import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { before } from '../../db/keyset.js';
import type { Scope } from '../../platform/tenancy/tenancy.js';
import { users } from '../identity/identity.table.js';
import { organizations, programs } from '../organizations/organizations.table.js';
import { type ChangeRequestKind, type ChangeRequestStatus, changeRequests } from './change-requests.table.js';

/** The tenant filter: every query below starts from it. */
const scoped = (s: Scope) =>
  and(
    eq(changeRequests.networkId, s.networkId),
    s.organizationId ? eq(changeRequests.organizationId, s.organizationId) : undefined,
  );

const deciders = alias(users, 'deciders');
const columns = {
  id: changeRequests.id,
  networkId: changeRequests.networkId,
  organizationId: changeRequests.organizationId,
  organizationName: organizations.name,
  programId: changeRequests.programId,
  programName: programs.name,
  kind: changeRequests.kind,
  targetId: changeRequests.targetId,
  proposed: changeRequests.proposed,
  current: changeRequests.current,
  status: changeRequests.status,
  requestedBy: changeRequests.requestedBy,
  requestedByName: users.name,
  requestedAt: changeRequests.requestedAt,
  decidedBy: changeRequests.decidedBy,
  decidedByName: deciders.name,
  decidedAt: changeRequests.decidedAt,
  reason: changeRequests.reason,
};
export type ChangeRequestRow = Awaited<ReturnType<typeof findChangeRequest>> & {};

function select(tx: Tx) {
  return tx
    .select(columns)
    .from(changeRequests)
    .innerJoin(organizations, eq(organizations.id, changeRequests.organizationId))
    .leftJoin(programs, eq(programs.id, changeRequests.programId))
    .innerJoin(users, eq(users.id, changeRequests.requestedBy))
    .leftJoin(deciders, eq(deciders.id, changeRequests.decidedBy));
}

export interface ChangeRequestFilter {
  /** null: every status (historical included). */
  status: ChangeRequestStatus | null;
  kind?: ChangeRequestKind | undefined;
  organizationId?: string | undefined;
  /** Requested on or after this day (UTC). */
  from?: string | undefined;
  /** Requested on or before this day (UTC). */
  to?: string | undefined;
}

export function listChangeRequests(
  tx: Tx,
  s: Scope,
  f: ChangeRequestFilter,
  key: (string | number)[] | null,
  limit: number,
) {
  const conditions: (SQL | undefined)[] = [
    scoped(s),
    f.status ? eq(changeRequests.status, f.status) : undefined,
    f.kind ? eq(changeRequests.kind, f.kind) : undefined,
    f.organizationId ? eq(changeRequests.organizationId, f.organizationId) : undefined,
    f.from ? gte(changeRequests.requestedAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(changeRequests.requestedAt, sql`${`${f.to}T00:00:00Z`}::timestamptz + interval '1 day'`) : undefined,
    before(key, changeRequests.requestedAt, changeRequests.id),
  ];
  return select(tx)
    .where(and(...conditions))
    .orderBy(desc(changeRequests.requestedAt), desc(changeRequests.id))
    .limit(limit + 1);
}

export function findChangeRequest(tx: Tx, s: Scope, id: string) {
  return select(tx)
    .where(and(scoped(s), eq(changeRequests.id, id)))
    .then((r) => r[0]);
}

export function insertChangeRequest(tx: Tx, row: typeof changeRequests.$inferInsert) {
  return tx
    .insert(changeRequests)
    .values(row)
    .returning({ id: changeRequests.id })
    .then((r) => r[0]!);
}

/** Moves a pending request to its decision; undefined when it was no longer pending (someone was faster). */
export function decide(
  tx: Tx,
  s: Scope,
  id: string,
  d: { status: Exclude<ChangeRequestStatus, 'pending'>; decidedBy: string; reason?: string | null },
) {
  return tx
    .update(changeRequests)
    .set({ status: d.status, decidedBy: d.decidedBy, decidedAt: sql`now()`, reason: d.reason ?? null })
    .where(and(scoped(s), eq(changeRequests.id, id), eq(changeRequests.status, 'pending')))
    .returning({ id: changeRequests.id })
    .then((r) => r[0]);
}
