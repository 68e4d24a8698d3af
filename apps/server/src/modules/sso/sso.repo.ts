import { and, asc, eq, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { networks } from '../networks/networks.table.js';
import { networkSso, ssoLogins } from './sso.table.js';

// Every function takes a system transaction: portico_app has no grant on these tables.

export function findSettings(tx: Tx, networkId: string) {
  return tx
    .select()
    .from(networkSso)
    .where(eq(networkSso.networkId, networkId))
    .then((r) => r[0]);
}

export function saveSettings(tx: Tx, row: typeof networkSso.$inferInsert) {
  const { networkId, ...set } = row;
  return tx
    .insert(networkSso)
    .values(row)
    .onConflictDoUpdate({ target: networkSso.networkId, set })
    .returning()
    .then((r) => r[0]!);
}

/** Networks whose sign-in page offers their provider, by name. */
export function enabledNetworks(tx: Tx) {
  return tx
    .select({ slug: networks.slug, name: networks.name, displayName: networkSso.displayName })
    .from(networkSso)
    .innerJoin(networks, eq(networks.id, networkSso.networkId))
    .where(eq(networkSso.enabled, true))
    .orderBy(asc(networks.name));
}

/** A network's provider if it is switched on, found by the network's id or slug. */
export function findEnabled(tx: Tx, by: { networkId: string } | { slug: string }) {
  return tx
    .select({ settings: networkSso })
    .from(networkSso)
    .innerJoin(networks, eq(networks.id, networkSso.networkId))
    .where(and(eq(networkSso.enabled, true), 'slug' in by ? eq(networks.slug, by.slug) : eq(networks.id, by.networkId)))
    .then((r) => r[0]?.settings);
}

export function insertLogin(tx: Tx, row: typeof ssoLogins.$inferInsert) {
  return tx.insert(ssoLogins).values(row);
}

/** Removes and returns an in-flight sign-in: a state works once, even when two callbacks race. */
export function takeLogin(tx: Tx, stateHash: string) {
  return tx
    .delete(ssoLogins)
    .where(eq(ssoLogins.stateHash, stateHash))
    .returning()
    .then((r) => r[0]);
}

/** Sign-ins abandoned at the provider leave rows behind; each new start sweeps the expired ones. */
export function deleteExpiredLogins(tx: Tx, now: Date) {
  return tx.delete(ssoLogins).where(lte(ssoLogins.expiresAt, now));
}
