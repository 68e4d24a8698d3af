// Bulk loading as pg_restore does it: rows first, then indexes and foreign keys, built from the catalog's
// own definitions so the schema ends exactly as the migrations made it (checked before returning).
import type pg from 'pg';

interface Definition {
  table: string;
  name: string;
  def: string;
}

/** Foreign keys and secondary indexes (not those behind a primary key or unique constraint) of the tables. */
async function definitions(client: pg.Client, tables: string[]) {
  const { rows: fks } = await client.query<Definition>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[]) ORDER BY 1, 2`,
    [tables],
  );
  const { rows: indexes } = await client.query<Definition>(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
      ORDER BY 1, 2`,
    [tables],
  );
  return { fks, indexes };
}

/** Runs statements on the connections, each taking the next one as it finishes. */
async function spread(clients: pg.Client[], statements: string[]) {
  const queue = [...statements];
  await Promise.all(
    clients.map(async (c) => {
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) await c.query(s);
    }),
  );
}

/**
 * Drops the tables' foreign keys and secondary indexes, runs `load`, then rebuilds them: indexes by a
 * sort each, foreign keys added NOT VALID and then validated (one join each, on both connections at once).
 */
export async function withoutConstraints<T>(clients: pg.Client[], tables: string[], load: () => Promise<T>) {
  const main = clients[0]!;
  const before = await definitions(main, tables);
  for (const fk of before.fks) await main.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  for (const ix of before.indexes) await main.query(`DROP INDEX ${ix.name}`);
  const result = await load();
  await spread(
    clients,
    before.indexes.map((ix) => ix.def),
  );
  for (const fk of before.fks)
    await main.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.def} NOT VALID`);
  await spread(
    clients,
    before.fks.map((fk) => `ALTER TABLE ${fk.table} VALIDATE CONSTRAINT "${fk.name}"`),
  );
  const after = await definitions(main, tables);
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('the schema changed during the bulk load');
  return result;
}
