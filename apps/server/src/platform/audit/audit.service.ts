import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { chainHash, GENESIS_HASH } from './audit.hash.js';
import { auditChainHeads, auditEvents } from './audit.table.js';

/** Who did it and from where; an Actor satisfies this, and so does a sign-in before there is one. */
export interface AuditContext {
  networkId: string;
  userId: string | null;
  programId: string | null;
  organizationId: string | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** What changed (field names, not client data values). */
  details?: Record<string, unknown>;
}

export function auditContextOf(actor: {
  networkId: string;
  userId: string;
  programId: string;
  organizationId: string;
  requestId: string;
  ip: string;
}): AuditContext {
  return { ...actor };
}

/** Work of the system itself (jobs, seeding, command-line imports): no user, program or request. */
export const systemAuditContext = (networkId: string): AuditContext => ({
  networkId,
  userId: null,
  programId: null,
  organizationId: null,
  requestId: null,
  ip: null,
});

/**
 * Appends one entry to the network's chain inside the caller's transaction. The head row's lock
 * serializes writers of one network (across processes too) and is released at commit.
 */
export async function recordAudit(tx: Tx, ctx: AuditContext, event: AuditEvent): Promise<void> {
  let [head] = await tx
    .select()
    .from(auditChainHeads)
    .where(eq(auditChainHeads.networkId, ctx.networkId))
    .for('update');
  if (!head) {
    await tx
      .insert(auditChainHeads)
      .values({ networkId: ctx.networkId, seq: 0, hash: GENESIS_HASH })
      .onConflictDoNothing();
    [head] = await tx.select().from(auditChainHeads).where(eq(auditChainHeads.networkId, ctx.networkId)).for('update');
  }
  if (!head) throw new Error('audit chain head missing after insert');
  const content = {
    networkId: ctx.networkId,
    seq: Number(head.seq) + 1,
    occurredAt: new Date(),
    actorUserId: ctx.userId,
    actingProgramId: ctx.programId,
    organizationId: ctx.organizationId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
    details: event.details ?? null,
    prevHash: head.hash,
  };
  const hash = chainHash(content);
  await tx.insert(auditEvents).values({ ...content, hash });
  await tx.update(auditChainHeads).set({ seq: content.seq, hash }).where(eq(auditChainHeads.networkId, ctx.networkId));
}
