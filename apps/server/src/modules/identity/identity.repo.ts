import { and, asc, eq, gt, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.js';
import { memberships } from '../memberships/memberships.table.js';
import { networks } from '../networks/networks.table.js';
import { organizations, programs } from '../organizations/organizations.table.js';
import { sessions, users } from './identity.table.js';

type Q = Db | Tx;

/** SQL condition of a membership that grants something right now (ND-2: an end date ends it). */
export const membershipIsActive = and(
  lte(memberships.beginsOn, sql`current_date`),
  or(isNull(memberships.endsAt), gt(memberships.endsAt, sql`now()`)),
);

export function findUserByEmail(q: Q, email: string) {
  return q
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .then((r) => r[0]);
}

export function findUser(q: Q, id: string) {
  return q
    .select()
    .from(users)
    .where(eq(users.id, id))
    .then((r) => r[0]);
}

export function updateUser(q: Q, id: string, set: PgUpdateSetSource<typeof users>) {
  return q
    .update(users)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

export function insertSession(q: Q, row: typeof sessions.$inferInsert) {
  return q.insert(sessions).values(row);
}

export function deleteSession(q: Q, tokenHash: string) {
  return q.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Signs a user out everywhere, or everywhere but one session. */
export function deleteSessionsOf(q: Q, userId: string, except?: string) {
  return q
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), except ? ne(sessions.tokenHash, except) : undefined));
}

export function listSessionsOf(q: Q, userId: string, now: Date) {
  return q
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(asc(sessions.createdAt));
}

/** The session and its user, unless past its absolute lifetime (idle time is checked by the caller). */
export function findLiveSession(q: Q, tokenHash: string, now: Date) {
  return q
    .select({ session: sessions, user: { id: users.id, email: users.email, name: users.name, status: users.status } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .then((r) => r[0]);
}

export function updateSession(q: Q, tokenHash: string, set: PgUpdateSetSource<typeof sessions>) {
  return q.update(sessions).set(set).where(eq(sessions.tokenHash, tokenHash));
}

/** A user's active memberships with their program, organization and network. */
export function activeMembershipsOf(q: Q, userId: string, programId?: string) {
  return q
    .select({
      membershipId: memberships.id,
      roles: memberships.roles,
      programId: programs.id,
      programName: programs.name,
      organizationId: organizations.id,
      organizationName: organizations.name,
      networkId: networks.id,
      networkName: networks.name,
      networkPreset: networks.preset,
    })
    .from(memberships)
    .innerJoin(programs, eq(programs.id, memberships.programId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(
      and(
        eq(memberships.userId, userId),
        membershipIsActive,
        programId ? eq(memberships.programId, programId) : undefined,
      ),
    )
    .orderBy(asc(networks.name), asc(organizations.name), asc(programs.name));
}

export function programName(q: Q, programId: string) {
  return q
    .select({ name: programs.name })
    .from(programs)
    .where(eq(programs.id, programId))
    .then((r) => r[0]?.name);
}
