import { Column, getTableName, is, SQL, Subquery } from 'drizzle-orm';

/** A selected field as drizzle orders them for a built select (drizzle-orm 0.45): where it goes, what it is. */
export interface SelectedField {
  path: string[];
  field: unknown;
}
interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}
/** A built select's mapping inputs: its fields, and which joined tables can be missing (left joins). */
export interface RowShape {
  fields?: unknown;
  joinsNotNullableMap?: unknown;
}

/** drizzle keeps an SQL expression's decoder (its .mapWith(), else the identity) on the SQL itself. */
type Decoded = { decoder: Decoder };
function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as Decoded).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: Decoded } })._.sql.decoder;
  return (field as { sql: Decoded }).sql.decoder;
}

/**
 * The row mapping of drizzle's mapResultRow, decided once per statement instead of once per value: which
 * decoder each column has, where it goes, and which nested objects belong to a left-joined table (null
 * when that table's first column is). drizzle asks the type of every field for every value, which was a
 * quarter of a 2,000-row report's CPU (bench/referrals-load.ts).
 */
export function rowMapper({ fields, joinsNotNullableMap }: RowShape): (row: unknown[]) => Record<string, unknown> {
  const selected = fields as SelectedField[];
  const notNullable = joinsNotNullableMap as Record<string, boolean> | undefined;
  const columns = selected.map(({ path, field }) => ({ path, last: path.at(-1)!, decoder: decoderOf(field) }));
  // drizzle's rule: an object of one table's columns whose first column is null is that table missing.
  const nullable: { name: string; first: number }[] = [];
  if (notNullable) {
    const tables = new Map<string, { table: string | false; first: number }>();
    selected.forEach(({ path, field }, i) => {
      if (!is(field, Column) || path.length !== 2) return;
      const table = getTableName(field.table);
      const seen = tables.get(path[0]!);
      if (!seen) tables.set(path[0]!, { table, first: i });
      else if (seen.table !== table) seen.table = false;
    });
    for (const [name, { table, first }] of tables)
      if (table !== false && !notNullable[table]) nullable.push({ name, first });
  }
  return (row) => {
    const result: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const { path, last, decoder } = columns[i]!;
      let node = result;
      for (let p = 0; p < path.length - 1; p++) {
        const key = path[p]!;
        node[key] ??= {};
        node = node[key] as Record<string, unknown>;
      }
      const raw = row[i];
      node[last] = raw === null ? null : decoder.mapFromDriverValue(raw);
    }
    for (const { name, first } of nullable) if (row[first] === null) result[name] = null;
    return result;
  };
}

/** Gives a built drizzle statement the mapping of rowMapper (its customResultMapper gets the raw rows). */
export function mapRowsWith<S extends RowShape>(statement: S, map: (row: unknown[]) => Record<string, unknown>): S {
  (statement as { customResultMapper?: unknown }).customResultMapper = (rows: unknown[][]) => rows.map(map);
  return statement;
}
