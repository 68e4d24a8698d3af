// "Its own SQL": every statement one request sends to PostgreSQL (session lookup, membership, agreement,
// BEGIN, role and tenant settings, the queries, COMMIT), captured at the pg driver, then sent again
// straight through a pg Pool, with the same transaction boundaries (and prepared statement names), by
// concurrent callers.
import { performance } from 'node:perf_hooks';
import pg from 'pg';

/** One statement as the driver got it (drizzle's config object: text, values, array rows, its type parsers). */
interface Statement {
  /** Set for a named prepared statement (db/tx.ts#prepared): parsed and planned once per connection. */
  name?: string;
  text: string;
  values: unknown[];
  rowMode?: string;
  types?: unknown;
}
/** A statement alone on a pool connection, or a transaction's statements on one connection. */
export type Segment = { kind: 'alone'; statement: Statement } | { kind: 'transaction'; statements: Statement[] };
export type Script = Segment[];

type Query = typeof pg.Client.prototype.query;

/** Runs `work` (one request, nothing else on the driver meanwhile) and returns the statements it sent. */
export async function captureSql(work: () => Promise<void>): Promise<Script> {
  const proto = pg.Client.prototype as { query: Query };
  const original = proto.query;
  const open = new Map<object, Statement[]>();
  const script: Script = [];
  proto.query = function (this: object, config: unknown, values?: unknown, ...rest: unknown[]) {
    const c = (typeof config === 'string' ? { text: config } : config) as Partial<Statement> & { text: string };
    const statement: Statement = {
      ...(c.name ? { name: c.name } : {}),
      text: c.text,
      values: Array.isArray(values) ? [...values] : [...(c.values ?? [])],
      ...(c.rowMode ? { rowMode: c.rowMode } : {}),
      ...(c.types ? { types: c.types } : {}),
    };
    const verb = c.text.trim().toLowerCase();
    const tx = open.get(this);
    if (verb.startsWith('begin')) open.set(this, [statement]);
    else if (tx) {
      tx.push(statement);
      if (verb === 'commit' || verb === 'rollback') {
        script.push({ kind: 'transaction', statements: tx });
        open.delete(this);
      }
    } else script.push({ kind: 'alone', statement });
    return (original as (...a: unknown[]) => unknown).call(this, config, values, ...rest);
  } as Query;
  try {
    await work();
  } finally {
    proto.query = original;
  }
  if (open.size) throw new Error('a transaction was still open after the request');
  return script;
}

const asConfig = (s: Statement) => ({
  ...(s.name ? { name: s.name } : {}),
  text: s.text,
  values: s.values,
  ...(s.rowMode ? { rowMode: s.rowMode } : {}),
  ...(s.types ? { types: s.types } : {}),
});

async function runScript(pool: pg.Pool, script: Script) {
  for (const segment of script) {
    if (segment.kind === 'alone') {
      await pool.query(asConfig(segment.statement) as pg.QueryConfig);
      continue;
    }
    const client = await pool.connect();
    try {
      for (const s of segment.statements) await client.query(asConfig(s) as pg.QueryConfig);
    } finally {
      client.release();
    }
  }
}

/** Replays the scripts (taking turns) from `callers` concurrent callers for `seconds`; each timing is one script. */
export async function replaySql(url: string, scripts: Script[], callers: number, seconds: number, poolSize: number) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c timezone=UTC' });
  const times: number[] = [];
  let turn = 0;
  // Warm the pool's connections before timing, as the app's are after its own warm-up.
  await Promise.all(Array.from({ length: poolSize }, (_, i) => runScript(pool, scripts[i % scripts.length]!)));
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < end) {
        const script = scripts[turn++ % scripts.length]!;
        const t = performance.now();
        await runScript(pool, script);
        times.push(performance.now() - t);
      }
    }),
  );
  await pool.end();
  return times;
}

/** How many round trips one script makes (for the report). */
export const roundTrips = (script: Script) =>
  script.reduce((n, s) => n + (s.kind === 'alone' ? 1 : s.statements.length), 0);
