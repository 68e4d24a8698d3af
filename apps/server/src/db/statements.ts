import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { Tx } from './client.js';
import { mapRowsWith, rowMapper } from './rows.js';

/** A drizzle query builder (select) that can build its statement. */
export interface Preparable<R> {
  prepare(name: string): BuiltQuery<R>;
}
/** Drizzle's prepared query (drizzle-orm 0.45), as both drivers make it. */
interface BuiltQuery<R> {
  getQuery(): { sql: string; params: unknown[] };
  execute(values?: Record<string, unknown>): Promise<R>;
  fields?: unknown;
  joinsNotNullableMap?: unknown;
}
/** The transaction's driver session: makes a prepared query of built text on its own connection. */
interface Session {
  prepareQuery<R>(
    query: { sql: string; params: unknown[] },
    fields: unknown,
    name: string | undefined,
    arrayMode: boolean,
  ): BuiltQuery<R>;
}
interface Built {
  query: { sql: string; params: unknown[] };
  fields: unknown;
  map: (row: unknown[]) => Record<string, unknown>;
  name: string;
}

/** A named prepared statement's name on PostgreSQL: the text's hash, one per text. */
export const statementName = (text: string) => `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;

/**
 * Read statements built once per shape (which filters a request has) and run with that request's values as
 * drizzle placeholders: building a list's text took a seventh of its request's CPU (bench/referrals-load.ts).
 * Each runs as a named prepared statement, so PostgreSQL also parses and plans it once per connection.
 * The shape key must name everything the built text depends on; the values fill its sql.placeholder()s
 * (a missing one is an error, not a null).
 */
export class Statements<R> {
  readonly #built = new Map<string, Built>();

  run(tx: Tx, shape: string, build: () => Preparable<R>, values: Record<string, unknown>): Promise<R> {
    let built = this.#built.get(shape);
    if (!built) {
      const query = build().prepare('');
      const text = query.getQuery();
      built = {
        query: text,
        fields: query.fields,
        map: rowMapper(query),
        name: statementName(text.sql),
      };
      this.#built.set(shape, built);
    }
    const session = (tx as unknown as { session: Session }).session;
    return mapRowsWith(session.prepareQuery<R>(built.query, built.fields, built.name, true), built.map).execute(values);
  }
}

/** The transaction's dialect: turns an sql`` template into its text and values. */
interface Dialect {
  sqlToQuery(statement: SQL): { sql: string; params: unknown[] };
}

/**
 * queryRows as a named prepared statement: for a hot raw read whose text does not change between requests.
 * PostgreSQL plans it once per connection; the referral timeline and notes took 0.7 ms to plan each time
 * and 0.2 ms to run (bench/referrals-load.ts, pg_stat_statements).
 */
export async function preparedRows<T>(tx: Tx, statement: SQL): Promise<T[]> {
  const query = (tx as unknown as { dialect: Dialect }).dialect.sqlToQuery(statement);
  const session = (tx as unknown as { session: Session }).session;
  const result = await session.prepareQuery<{ rows: T[] }>(query, undefined, statementName(query.sql), false).execute();
  return result.rows;
}
