import { sql } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type Db, queryRows, type Tx } from './client.js';
import { mapRowsWith, rowMapper } from './rows.js';
import { type Preparable, statementName } from './statements.js';

/** The per-transaction settings row-level security reads (see migration 0001). */
export interface TenantSettings {
  networkId: string;
  userId: string;
  /** The acting organization; its tenant rows become visible. */
  organizationId: string | null;
  /** Set only for a network administrator: every tenant row of this network becomes visible. */
  networkAdminOf: string | null;
  /** The acting program, whose names the settings statement reads too (TenantContext.program). */
  programId?: string | null;
}

/** The acting program's names: a referral box's own side, read once instead of joined to every row. */
export interface ActingProgram {
  id: string;
  name: string;
  organizationName: string;
}

/** What the tenant transaction read with its settings: the network's policy (e.g. its MT-16 holidays) and preset. */
export interface TenantContext {
  networkPolicy: unknown;
  networkPreset: string | null;
  program: ActingProgram | null;
}

/** One command, one transaction, as the table owner: sign-in, seeding, migrations, jobs. */
export function systemTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A setting as an SQL literal: ids only (or none), so the text cannot be anything but this statement. */
function idLiteral(field: string, value: string | null) {
  if (value !== null && !UUID.test(value)) throw new Error(`tenant setting ${field} is not an id: ${value}`);
  return `'${value ?? ''}'`;
}

/**
 * The role, the settings, the network's policy and the acting program's names, in one statement:
 * set_config('role', …, true) is SET LOCAL ROLE, which applies after acting_context (migration 0022) ran,
 * so that reads as the table owner (the acting program only if it is of the acting network).
 * Ids as literals, so that the statement can travel with BEGIN in one simple query (pooledTenantTx).
 */
function settingsStatement(s: TenantSettings) {
  const network = idLiteral('networkId', s.networkId);
  const program = s.programId ? `${idLiteral('programId', s.programId)}::uuid` : 'NULL::uuid';
  return `SELECT
    set_config('role', 'portico_app', true),
    set_config('app.network', ${network}, true),
    set_config('app.user', ${idLiteral('userId', s.userId)}, true),
    set_config('app.org', ${idLiteral('organizationId', s.organizationId)}, true),
    set_config('app.network_admin', ${idLiteral('networkAdminOf', s.networkAdminOf)}, true),
    c.policy, c.preset, c.program_id, c.program_name, c.organization_name
  FROM acting_context(${network}::uuid, ${program}) c`;
}

type SettingsRow = {
  policy: unknown;
  preset: string | null;
  program_id: string | null;
  program_name: string | null;
  organization_name: string | null;
};
const contextOf = (row: SettingsRow | undefined): TenantContext => ({
  networkPolicy: row?.policy ?? null,
  networkPreset: row?.preset ?? null,
  program: row?.program_id
    ? { id: row.program_id, name: row.program_name ?? '', organizationName: row.organization_name ?? '' }
    : null,
});

/**
 * One command, one transaction, as the non-owner role `portico_app`, so row-level security applies.
 * On a PostgreSQL server BEGIN and the settings go in one round trip (pooledTenantTx); on PGlite, which
 * has no network between, in drizzle's transaction.
 */
export function tenantTx<T>(
  db: Db,
  settings: TenantSettings,
  fn: (tx: Tx, tenant: TenantContext) => Promise<T>,
): Promise<T> {
  const session = (db as unknown as { session: DriverSession }).session;
  if (session.client instanceof pg.Pool) return pooledTenantTx(session, session.client, settings, fn);
  return db.transaction(async (tx) => {
    const [row] = await queryRows<SettingsRow>(tx, sql.raw(settingsStatement(settings)));
    return fn(tx, contextOf(row));
  });
}

/** drizzle's node-postgres session (drizzle-orm 0.45): what its own transaction() is made of. */
interface DriverSession {
  client: unknown;
  dialect: ConstructorParameters<typeof NodePgSession>[1];
  schema: ConstructorParameters<typeof NodePgSession>[2];
  options: ConstructorParameters<typeof NodePgSession>[3];
}

/**
 * drizzle's transaction() on one pool connection, as NodePgSession.transaction builds it, but with
 * "BEGIN; settings" as one simple query and COMMIT straight on the connection: on these machines each
 * write to a socket costs ~0.2 ms of the app's CPU, and a list request made five (bench/referrals-load.ts).
 */
async function pooledTenantTx<T>(
  base: DriverSession,
  pool: pg.Pool,
  settings: TenantSettings,
  fn: (tx: Tx, tenant: TenantContext) => Promise<T>,
): Promise<T> {
  const text = `BEGIN; ${settingsStatement(settings)}`;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const results = (await client.query(text)) as unknown as pg.QueryResult<SettingsRow>[];
    const session = new NodePgSession(client, base.dialect, base.schema, base.options);
    const tx = new NodePgTransaction(base.dialect, session, base.schema) as unknown as Tx;
    const result = await fn(tx, contextOf(results[1]?.rows[0]));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((e: Error) => {
      broken = e; // the connection is not fit for the next transaction: the pool drops it
    });
    throw error;
  } finally {
    client.release(broken);
  }
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
  if (!statement.fields) return statement.execute();
  let map = mappers.get(name);
  if (!map) {
    // One text selects one shape of row; the bound only guards against a caller building texts from values.
    if (mappers.size >= 1000) mappers.clear();
    map = rowMapper(statement);
    mappers.set(name, map);
  }
  return mapRowsWith(statement, map).execute();
}

/** rowMapper's decisions, made once per statement text (by its name), as Statements makes them once per shape. */
const mappers = new Map<string, ReturnType<typeof rowMapper>>();
