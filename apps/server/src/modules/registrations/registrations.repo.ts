import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { before } from '../../db/keyset.js';
import { memberships } from '../memberships/memberships.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { type RegistrationStatus, registrations } from './registrations.table.js';

/** Does an organization of the network have this tax ID? (digits compared: older rows may hold 12-3456789) */
export async function organizationHasTaxId(tx: Tx, networkId: string, taxId: string): Promise<boolean> {
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        eq(organizations.networkId, networkId),
        sql`regexp_replace(coalesce(${organizations.taxId}, ''), '[^0-9]', '', 'g') = ${taxId}`,
      ),
    )
    .limit(1);
  return Boolean(org);
}

/** Is the tax ID already an organization's, or a pending application's, in this network? */
export async function taxIdTaken(tx: Tx, networkId: string, taxId: string): Promise<boolean> {
  if (await organizationHasTaxId(tx, networkId, taxId)) return true;
  const [pending] = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(eq(registrations.networkId, networkId), eq(registrations.taxId, taxId), eq(registrations.status, 'pending')),
    )
    .limit(1);
  return Boolean(pending);
}

export function insertRegistration(tx: Tx, row: typeof registrations.$inferInsert) {
  return tx
    .insert(registrations)
    .values(row)
    .returning({
      id: registrations.id,
      status: registrations.status,
      legalName: registrations.legalName,
      createdAt: registrations.createdAt,
    })
    .then((r) => r[0]!);
}

export function listRegistrations(
  tx: Tx,
  networkId: string,
  status: RegistrationStatus | undefined,
  key: (string | number)[] | null,
  limit: number,
) {
  return tx
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.networkId, networkId),
        status ? eq(registrations.status, status) : undefined,
        before(key, registrations.createdAt, registrations.id),
      ),
    )
    .orderBy(desc(registrations.createdAt), desc(registrations.id))
    .limit(limit + 1);
}

export function findRegistration(tx: Tx, networkId: string, id: string) {
  return tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.networkId, networkId), eq(registrations.id, id)))
    .then((r) => r[0]);
}

/** Decides a pending application; undefined when it was no longer pending. */
export function decide(
  tx: Tx,
  networkId: string,
  id: string,
  d: { status: 'approved' | 'declined'; decidedBy: string; reason?: string; organizationId?: string },
) {
  return tx
    .update(registrations)
    .set({
      status: d.status,
      decidedBy: d.decidedBy,
      decidedAt: sql`now()`,
      reason: d.reason ?? null,
      organizationId: d.organizationId ?? null,
    })
    .where(and(eq(registrations.networkId, networkId), eq(registrations.id, id), eq(registrations.status, 'pending')))
    .returning({ id: registrations.id })
    .then((r) => r[0]);
}

/** The network administrators, told in the portal that an application arrived. */
export function networkAdminIds(tx: Tx, networkId: string) {
  return tx
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.networkId, networkId),
        sql`'network_admin' = ANY(${memberships.roles})`,
        sql`(${memberships.endsAt} IS NULL OR ${memberships.endsAt} > now())`,
      ),
    );
}
