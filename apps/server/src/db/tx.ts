import { sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from './client.js';
import { type Preparable, statementName } from './statements.js';

/** The per-transaction settings row-level security reads (see migration 0001). */
export interface TenantSettings {
  networkId: string;
  userId: string;
  /** The acting organization; its tenant rows become visible. */
  organizationId: string | null;
  /** Set only for a network administrator: every tenant row of this network becomes visible. */
  networkAdminOf: string | null;
}

/** What the tenant transaction read with its settings: the network's policy (e.g. its MT-16 holidays) and preset. */
export interface TenantContext {
  networkPolicy: unknown;
  networkPreset: string | null;
}

/** One command, one transaction, as the table owner: sign-in, seeding, migrations, jobs. */
export function systemTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}

/**
 * One command, one transaction, as the non-owner role `portico_app`, so row-level security applies.
 * The role, the settings and the network's policy take one round trip: set_config('role', …, true) is
 * SET LOCAL ROLE, and networks (readable by both roles, no row-level security) answers the same either way.
 */
export function tenantTx<T>(
  db: Db,
  settings: TenantSettings,
  fn: (tx: Tx, tenant: TenantContext) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ policy: unknown; preset: string | null }>(
      tx,
      sql`SELECT
        set_config('role', 'portico_app', true),
        set_config('app.network', ${settings.networkId}, true),
        set_config('app.user', ${settings.userId}, true),
        set_config('app.org', ${settings.organizationId ?? ''}, true),
        set_config('app.network_admin', ${settings.networkAdminOf ?? ''}, true),
        n.policy, n.preset
      FROM (SELECT ${settings.networkId}::uuid AS id) acting LEFT JOIN networks n ON n.id = acting.id`,
    );
    return fn(tx, { networkPolicy: row?.policy ?? null, networkPreset: row?.preset ?? null });
  });
}

/** node-postgres' statement configs inside drizzle's prepared query (drizzle-orm 0.45); PGlite has no names. */
interface NamedConfigs {
  rawQueryConfig?: { name?: string };
  queryConfig?: { name?: string };
}

/**
 * Runs a read query as a named prepared statement: PostgreSQL parses and plans it once per connection (then
 * keeps a generic plan when that is no worse). Worth it where planning costs more than running, as for the
 * referral lists' nine-table joins under row-level security. The name is the text's hash: one per text.
 * Drizzle builds the text once, in prepare(); the name is set on the built statement, since building the
 * text a second time only to name it cost an eighth of a list request's CPU (bench/referrals-load.ts).
 */
export function prepared<R>(query: Preparable<R>): Promise<R> {
  const statement = query.prepare('');
  const name = statementName(statement.getQuery().sql);
  const configs = statement as unknown as NamedConfigs;
  for (const config of [configs.queryConfig, configs.rawQueryConfig])
    if (config && 'name' in config) config.name = name;
  return statement.execute();
}
