import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { scopeOf } from '../../platform/tenancy/tenancy.js';
import { networks } from '../networks/networks.table.js';
import { changeRequestPolicy as policy } from './change-requests.policy.js';
import * as repo from './change-requests.repo.js';
import type { ChangeRequestKind } from './change-requests.table.js';

/** Does this actor's edit become a change request (NCC-5) rather than apply at once (ND-2)? */
export async function editsNeedRequest(tx: Tx, actor: Actor): Promise<boolean> {
  const [net] = await tx.select({ policy: networks.policy }).from(networks).where(eq(networks.id, actor.networkId));
  return policy.mustRequest(actor, net?.policy);
}

/** The values of the named fields of a record (missing ones as null). */
export function pick(record: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, record[f] ?? null]));
}

export interface NewChangeRequest {
  kind: ChangeRequestKind;
  organizationId: string;
  programId: string | null;
  targetId: string | null;
  /** Already validated against the edit's own schema. */
  proposed: Record<string, unknown>;
  current: Record<string, unknown>;
}

/** Records a pending change request in the caller's transaction, audited; returns it as the API shows it. */
export async function openChangeRequest(tx: Tx, actor: Actor, input: NewChangeRequest) {
  const { id } = await repo.insertChangeRequest(tx, {
    ...input,
    networkId: actor.networkId,
    requestedBy: actor.userId,
  });
  await recordAudit(tx, auditContextOf(actor), {
    action: 'change_request.create',
    entityType: 'change_request',
    entityId: id,
    details: { kind: input.kind, targetId: input.targetId, fields: Object.keys(input.proposed).sort() },
  });
  return (await repo.findChangeRequest(tx, scopeOf(actor), id))!;
}
