import { and, asc, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { after } from '../../db/keyset.js';
import type { Scope } from '../../platform/tenancy/tenancy.js';
import { membershipIsActive } from '../identity/identity.repo.js';
import { users } from '../identity/identity.table.js';
import { memberships } from './memberships.table.js';

const scoped = (s: Scope) =>
  and(
    eq(memberships.networkId, s.networkId),
    s.organizationId ? eq(memberships.organizationId, s.organizationId) : undefined,
  );

const contactColumns = {
  membershipId: memberships.id,
  programId: memberships.programId,
  userId: users.id,
  name: users.name,
  email: users.email,
  phone: users.phone,
  title: memberships.title,
  roles: memberships.roles,
  regions: memberships.regions,
  beginsOn: memberships.beginsOn,
  endsAt: memberships.endsAt,
  contact: memberships.contact,
  active: sql<boolean>`coalesce(${membershipIsActive}, false)`,
  canSignIn: sql<boolean>`${users.passwordHash} IS NOT NULL`,
};

export function listContacts(
  tx: Tx,
  s: Scope,
  programId: string,
  includeEnded: boolean,
  key: (string | number)[] | null,
  limit: number,
) {
  return tx
    .select(contactColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        scoped(s),
        eq(memberships.programId, programId),
        includeEnded ? undefined : membershipIsActive,
        after(key, users.name, memberships.id),
      ),
    )
    .orderBy(asc(users.name), asc(memberships.id))
    .limit(limit + 1);
}

export function findContact(tx: Tx, s: Scope, membershipId: string) {
  return tx
    .select({ ...contactColumns, organizationId: memberships.organizationId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(scoped(s), eq(memberships.id, membershipId)))
    .then((r) => r[0]);
}

export function activeMembershipIn(tx: Tx, programId: string, userId: string) {
  return tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.programId, programId), eq(memberships.userId, userId), membershipIsActive))
    .then((r) => r[0]);
}

export function insertMembership(tx: Tx, row: typeof memberships.$inferInsert) {
  return tx
    .insert(memberships)
    .values(row)
    .returning({ id: memberships.id })
    .then((r) => r[0]!);
}

export function updateMembership(tx: Tx, s: Scope, id: string, patch: PgUpdateSetSource<typeof memberships>) {
  return tx
    .update(memberships)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(scoped(s), eq(memberships.id, id)));
}

export function updateUserContact(tx: Tx, userId: string, patch: { name?: string; phone?: string | null }) {
  return tx
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

export function findUserByEmail(tx: Tx, email: string) {
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .then((r) => r[0]);
}

export function insertUser(tx: Tx, row: typeof users.$inferInsert) {
  return tx
    .insert(users)
    .values(row)
    .returning({ id: users.id })
    .then((r) => r[0]!);
}
