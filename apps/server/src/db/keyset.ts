import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** Rows after a (text, id) keyset cursor, for lists ordered by name then id. */
export function after(key: (string | number)[] | null, sortCol: AnyColumn, idCol: AnyColumn): SQL | undefined {
  if (!key) return undefined;
  return sql`(${sortCol}, ${idCol}) > (${key[0]}, ${key[1]})`;
}

/** Rows before a (timestamp, id) cursor, for newest-first lists. */
export function before(key: (string | number)[] | null, timeCol: AnyColumn, idCol: AnyColumn): SQL | undefined {
  if (!key) return undefined;
  return sql`(${timeCol}, ${idCol}) < (${key[0]}::timestamptz, ${key[1]}::uuid)`;
}

/** Case-insensitive "contains" on a text column, with LIKE wildcards in the input taken literally. */
export function contains(col: AnyColumn, q: string | undefined): SQL | undefined {
  if (!q?.trim()) return undefined;
  const escaped = q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${col} ILIKE ${`%${escaped}%`}`;
}
