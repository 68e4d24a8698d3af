import type { ReferralSettings } from '@portico/shared';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { referralSettingsOf } from './networks.rules.js';
import { networks } from './networks.table.js';

/** MT-12 / MT-16: the network's current refusal reasons and holidays, read in the caller's transaction. */
export async function referralSettingsIn(tx: Tx, networkId: string): Promise<ReferralSettings> {
  const [n] = await tx.select({ policy: networks.policy }).from(networks).where(eq(networks.id, networkId));
  if (!n) throw notFound('Network');
  return referralSettingsOf(n.policy);
}

/**
 * The network row, locked until the transaction ends: each settings edit rewrites the whole policy, so
 * two administrators saving at once are applied one after the other instead of one undoing the other.
 */
export async function lockNetwork(tx: Tx, networkId: string) {
  const [n] = await tx.select().from(networks).where(eq(networks.id, networkId)).for('update');
  if (!n) throw notFound('Network');
  return n;
}
