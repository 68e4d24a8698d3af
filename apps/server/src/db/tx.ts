import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.js';

/** The per-transaction settings row-level security reads (see migration 0001). */
export interface TenantSettings {
  networkId: string;
  userId: string;
  /** The acting organization; its tenant rows become visible. */
  organizationId: string | null;
  /** Set only for a network administrator: every tenant row of this network becomes visible. */
  networkAdminOf: string | null;
}

/** One command, one transaction, as the table owner: sign-in, seeding, migrations, jobs. */
export function systemTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}

/** One command, one transaction, as the non-owner role `portico_app`, so row-level security applies. */
export function tenantTx<T>(db: Db, settings: TenantSettings, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL ROLE portico_app`);
    await tx.execute(sql`SELECT
      set_config('app.network', ${settings.networkId}, true),
      set_config('app.user', ${settings.userId}, true),
      set_config('app.org', ${settings.organizationId ?? ''}, true),
      set_config('app.network_admin', ${settings.networkAdminOf ?? ''}, true)`);
    return fn(tx);
  });
}
