import type { Db, Tx } from '../../db/client.js';
import { type TenantContext, tenantTx } from '../../db/tx.js';
import { type Actor, isNetworkAdmin } from '../access/actor.js';

/**
 * Opens the actor's tenant transaction: row-level security sees the acting organization (or network).
 * `fn` also gets the network's policy and the acting program's names, read in the same round trip as the settings.
 */
export function withTenant<T>(db: Db, actor: Actor, fn: (tx: Tx, tenant: TenantContext) => Promise<T>): Promise<T> {
  return tenantTx(
    db,
    {
      networkId: actor.networkId,
      userId: actor.userId,
      organizationId: actor.organizationId,
      networkAdminOf: isNetworkAdmin(actor) ? actor.networkId : null,
      programId: actor.programId,
    },
    fn,
  );
}

/** May the actor see records of this organization? (service-layer twin of the RLS policy) */
export function canSeeOrganization(actor: Actor, record: { networkId: string; organizationId: string }): boolean {
  if (record.networkId !== actor.networkId) return false;
  return isNetworkAdmin(actor) || record.organizationId === actor.organizationId;
}

/** What a query may touch: one network, and one organization of it unless the actor administers the network. */
export interface Scope {
  networkId: string;
  organizationId: string | null;
}

export function scopeOf(actor: Actor): Scope {
  return { networkId: actor.networkId, organizationId: isNetworkAdmin(actor) ? null : actor.organizationId };
}
