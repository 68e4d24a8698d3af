import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { memberships } from '../modules/memberships/memberships.table.js';
import { auditEvents } from '../platform/audit/audit.table.js';
import { verifyAuditChains } from '../platform/audit/audit.verify.js';

/** Today and a day offset from it as YYYY-MM-DD in UTC (the calendar the server's end dates use). */
export const isoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The id of a user's membership in a program (the factories do not return it). */
export async function membershipIdOf(db: Db, userId: string, programId: string): Promise<string> {
  const [m] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.programId, programId)));
  if (!m) throw new Error(`no membership of ${userId} in ${programId}`);
  return m.id;
}

/** A network's audit entries in chain order, read as the owner. */
export function auditOf(db: Db, networkId: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.networkId, networkId)).orderBy(asc(auditEvents.seq));
}

/**
 * Verifies every audit chain on one consistent snapshot. Other test workers append to the shared
 * database meanwhile; a plain read-committed pass could see an entry without its head update.
 */
export function verifyOnSnapshot(db: Db) {
  return verifyAuditChains(db);
}
