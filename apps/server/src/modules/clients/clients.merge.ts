import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { onUniqueViolation } from '../../db/errors.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { type Actor, isNetworkAdmin } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { DAY } from '../../platform/clock/clock.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { consents } from '../consents/consents.table.js';
import { referrals } from '../referrals/referrals.table.js';
import type { ClientDeps } from './clients.service.js';
import { toClientView } from './clients.service.js';
import { clientMerges, clients } from './clients.table.js';

/** MT-7: a merge can be undone for 30 days. */
export const MERGE_UNDO_DAYS = 30;

const assertAdmin = (actor: Actor) => {
  if (!isNetworkAdmin(actor)) throw forbidden('Only a network administrator merges clients.');
};

async function liveClient(tx: Tx, networkId: string, id: string, field: string) {
  const [row] = await tx
    .select()
    .from(clients)
    .where(and(eq(clients.id, id), eq(clients.networkId, networkId)))
    .for('update');
  if (!row) throw field === 'params.id' ? notFound('Client') : invalid(field, 'no such client in this network');
  if (row.mergedIntoId) throw conflict(`${row.firstName} ${row.lastName} was already merged into another client.`);
  return row;
}

export type MergeRow = typeof clientMerges.$inferSelect;
const mergeView = (m: MergeRow, now: Date) => ({
  ...m,
  undoUntil: new Date(m.mergedAt.getTime() + MERGE_UNDO_DAYS * DAY),
  canUndo: !m.undoneAt && now.getTime() < m.mergedAt.getTime() + MERGE_UNDO_DAYS * DAY,
});

/**
 * MT-7: every record of the duplicate moves to the survivor (its consents and referrals; the ids moved are kept
 * per table so the undo moves exactly those back). The duplicate stays, marked merged, for the undo.
 */
export function mergeClients({ db, clock }: ClientDeps, actor: Actor, survivorId: string, mergedId: string) {
  assertAdmin(actor);
  if (survivorId === mergedId) throw invalid('body.mergedId', 'a client cannot be merged into itself');
  const now = clock.now();
  return withTenant(db, actor, async (tx) => {
    await liveClient(tx, actor.networkId, survivorId, 'params.id');
    const merged = await liveClient(tx, actor.networkId, mergedId, 'body.mergedId');
    const moved = await tx
      .update(consents)
      .set({ clientId: survivorId, updatedAt: now })
      .where(eq(consents.clientId, mergedId))
      .returning({ id: consents.id });
    // Both records may have an open referral to one program: the one-open-referral rule says which to close first.
    const movedReferrals = await onUniqueViolation(
      () =>
        tx
          .update(referrals)
          .set({ clientId: survivorId, updatedAt: now })
          .where(eq(referrals.clientId, mergedId))
          .returning({ id: referrals.id }),
      () =>
        conflict('Both clients have an open referral to the same program: close or refuse one of them before merging.'),
    );
    await tx
      .update(clients)
      .set({ mergedIntoId: survivorId, mergedAt: now, updatedAt: now })
      .where(eq(clients.id, mergedId));
    const [merge] = await tx
      .insert(clientMerges)
      .values({
        networkId: actor.networkId,
        survivorId,
        mergedId,
        moved: { consents: moved.map((m) => m.id), referrals: movedReferrals.map((m) => m.id) },
        mergedBy: actor.userId,
        mergedAt: now,
      })
      .returning();
    await recordAudit(tx, auditContextOf(actor), {
      action: 'client.merge',
      entityType: 'client',
      entityId: survivorId,
      details: { mergedId: merged.id, mergeId: merge?.id, consents: moved.length, referrals: movedReferrals.length },
    });
    return mergeView(merge as MergeRow, now);
  });
}

/** Within 30 days: the duplicate comes back with exactly the records that moved. */
export function undoMerge({ db, clock }: ClientDeps, actor: Actor, mergeId: string) {
  assertAdmin(actor);
  const now = clock.now();
  return withTenant(db, actor, async (tx) => {
    const [merge] = await tx
      .select()
      .from(clientMerges)
      .where(and(eq(clientMerges.id, mergeId), eq(clientMerges.networkId, actor.networkId)))
      .for('update');
    if (!merge) throw notFound('Merge');
    if (merge.undoneAt) throw conflict('This merge was already undone.');
    if (!mergeView(merge, now).canUndo) throw conflict(`A merge can be undone for ${MERGE_UNDO_DAYS} days only.`);
    const ids = merge.moved.consents ?? [];
    if (ids.length) {
      await tx
        .update(consents)
        .set({ clientId: merge.mergedId, updatedAt: now })
        .where(and(inArray(consents.id, ids), eq(consents.clientId, merge.survivorId)));
    }
    const referralIds = merge.moved.referrals ?? [];
    if (referralIds.length) {
      await tx
        .update(referrals)
        .set({ clientId: merge.mergedId, updatedAt: now })
        .where(and(inArray(referrals.id, referralIds), eq(referrals.clientId, merge.survivorId)));
    }
    await tx
      .update(clients)
      .set({ mergedIntoId: null, mergedAt: null, updatedAt: now })
      .where(eq(clients.id, merge.mergedId));
    const [undone] = await tx
      .update(clientMerges)
      .set({ undoneAt: now, undoneBy: actor.userId })
      .where(eq(clientMerges.id, mergeId))
      .returning();
    await recordAudit(tx, auditContextOf(actor), {
      action: 'client.merge_undo',
      entityType: 'client',
      entityId: merge.survivorId,
      details: { mergedId: merge.mergedId, mergeId },
    });
    return mergeView(undone as MergeRow, now);
  });
}

/** The network's merges, newest first, with the two clients' names. */
export function listMerges({ db, clock }: ClientDeps, actor: Actor) {
  assertAdmin(actor);
  const now = clock.now();
  return withTenant(db, actor, async (tx) => {
    const rows = await tx
      .select()
      .from(clientMerges)
      .where(eq(clientMerges.networkId, actor.networkId))
      .orderBy(desc(clientMerges.mergedAt))
      .limit(100);
    const ids = [...new Set(rows.flatMap((r) => [r.survivorId, r.mergedId]))];
    const people = ids.length ? await tx.select().from(clients).where(inArray(clients.id, ids)) : [];
    const view = (id: string) => {
      const c = people.find((p) => p.id === id);
      return c ? toClientView(c) : null;
    };
    return {
      items: rows.map((r) => ({ ...mergeView(r, now), survivor: view(r.survivorId), merged: view(r.mergedId) })),
    };
  });
}
