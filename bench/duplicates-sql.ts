// MT-7 duplicate-check quality through the real database: `npx tsx bench/duplicates-sql.ts`. The synthetic
// people of bench/duplicates.ts become clients rows of one network, and each query of the same query set goes
// through findDuplicates (the SQL blocking, its ORDER BY and LIMIT, then scoreMatch); its top candidate is the
// prediction. Embedded PGlite by default; with DATABASE_URL, a PostgreSQL database that is empty (it is
// migrated here; the generated clients are deleted again at the end). PGlite runs a deterministic sample
// (every 4th query; EVERY=1 runs all, in ~9 minutes). VERBOSE=1 prints a few misses and false alarms.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { systemTx } from '../apps/server/src/db/tx.js';
import { findDuplicates } from '../apps/server/src/modules/clients/clients.duplicates.js';
import { nameKeys, type PersonFields } from '../apps/server/src/modules/clients/clients.match.js';
import { clients } from '../apps/server/src/modules/clients/clients.table.js';
import { makeNetwork, makeOrganization, makeProgram, type TestProgram } from '../apps/server/src/test/factories.js';
import { generatePeople } from './clients-synthetic.js';
import { type Figures, figures, makeQueries, show } from './duplicates.js';
import { ms, pct } from './stats.js';

const BATCH = 500;
/** PGlite takes ~120 ms a check at 10,000 clients (a sequential scan): every 4th query keeps it near two minutes. */
const PGLITE_EVERY = 4;

export interface SqlDuplicateEvaluation {
  driver: 'PGlite' | 'PostgreSQL';
  people: number;
  /** Size of the whole query set, and how many of them ran (every `every`-th, duplicates and new people alike). */
  queries: number;
  sampled: number;
  every: number;
  findDuplicates: Figures;
  latency: { p50: number; p95: number; max: number };
  insertMs: number;
  queryMs: number;
  totalMs: number;
  misses: string[];
  falseAlarms: string[];
}

/** The people as clients rows of one program, in batches; answers client id → synthetic index. */
async function insertPeople(database: Database, program: TestProgram, people: PersonFields[]) {
  const indexOf = new Map<string, number>();
  for (let start = 0; start < people.length; start += BATCH) {
    const rows = people.slice(start, start + BATCH).map((p, k) => {
      // Ids chosen here, so the truth does not depend on the order RETURNING answers in.
      const id = randomUUID();
      indexOf.set(id, start + k);
      return {
        id,
        networkId: program.networkId,
        organizationId: program.organizationId,
        createdByProgramId: program.id,
        firstName: p.firstName,
        lastName: p.lastName,
        birthDate: p.birthDate,
        phone: p.phone ?? null,
        noPhone: !p.phone,
        addressLine: p.addressLine ?? null,
        postalCode: p.postalCode ?? null,
        nameKeys: nameKeys(p.firstName, p.lastName),
      };
    });
    await database.db.insert(clients).values(rows);
  }
  // Fresh statistics, as autovacuum would have by the time a real network has this many clients.
  await database.db.execute(sql`ANALYZE clients`);
  return indexOf;
}

export async function evaluateDuplicatesSql(
  database: Database,
  { people = 10_000, duplicates = 2_000, newPeople = 2_000, seed = 20260, every = 0 } = {},
): Promise<SqlDuplicateEvaluation> {
  const started = performance.now();
  const step = every || (database.kind === 'pglite' ? PGLITE_EVERY : 1);
  const known = generatePeople(people, seed);
  const queries = makeQueries(known, duplicates, newPeople, seed);
  const network = await makeNetwork(database.db, 'mt-referral-network');
  const program = await makeProgram(database.db, await makeOrganization(database.db, network.id, 'Intake'));
  const indexOf = await insertPeople(database, program, known);
  const insertMs = performance.now() - started;

  const t = { tp: 0, fp: 0, fn: 0 };
  const times: number[] = [];
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  const queryStart = performance.now();
  for (let n = 0; n < queries.length; n += step) {
    const q = queries[n]!;
    const s = performance.now();
    const [top] = await findDuplicates(database.db, network.id, q.record);
    times.push(performance.now() - s);
    const predicted = top ? indexOf.get(top.client.id)! : null;
    if (predicted !== null && predicted === q.truth) t.tp++;
    else {
      if (predicted !== null) t.fp++;
      if (q.truth !== null) t.fn++;
    }
    if (q.truth !== null && predicted !== q.truth && misses.length < 10)
      misses.push(`${q.note} | ${show(q.record)} ~ ${show(known[q.truth]!)}`);
    if (top && predicted !== q.truth && falseAlarms.length < 10)
      falseAlarms.push(`${q.note} | ${show(q.record)} ~ ${show(known[predicted!]!)} | ${top.score} ${top.reasons}`);
  }
  const queryMs = performance.now() - queryStart;

  // A shared PostgreSQL keeps no 10,000 generated clients between runs.
  await systemTx(database.db, (tx) => tx.delete(clients).where(eq(clients.networkId, network.id)));
  return {
    driver: database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
    people,
    queries: queries.length,
    sampled: times.length,
    every: step,
    findDuplicates: figures(t.tp, t.fp, t.fn),
    latency: { p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times) },
    insertMs,
    queryMs,
    totalMs: performance.now() - started,
    misses,
    falseAlarms,
  };
}

/** Prints the figures (for `npm run bench` too), next to the in-memory table of bench/duplicates.ts. */
export async function duplicatesSqlBench(database: Database, options?: Parameters<typeof evaluateDuplicatesSql>[1]) {
  const r = await evaluateDuplicatesSql(database, options);
  const f = r.findDuplicates;
  const sample = r.every > 1 ? `every ${r.every}th query: ${r.sampled} of ${r.queries}` : `all ${r.queries} queries`;
  console.log(`\nMT-7 duplicate check through ${r.driver}: findDuplicates over ${r.people} clients rows, ${sample}`);
  console.log(`${'matcher'.padEnd(24)} precision  recall     TP    FP    FN`);
  console.log(
    `${'findDuplicates (SQL)'.padEnd(24)} ${f.precision.toFixed(3).padStart(9)} ${f.recall.toFixed(3).padStart(7)} ${String(f.truePositives).padStart(6)} ${String(f.falsePositives).padStart(5)} ${String(f.falseNegatives).padStart(5)}`,
  );
  console.log(
    `latency per check: p50 ${ms(r.latency.p50)}, p95 ${ms(r.latency.p95)}, max ${ms(r.latency.max)} over ${r.sampled} checks`,
  );
  console.log(
    `runtime: insert ${r.people} clients and ANALYZE ${ms(r.insertMs)}; ${r.sampled} checks in ${ms(r.queryMs)}; total ${ms(r.totalMs)}`,
  );
  if (process.env.VERBOSE) for (const line of [...r.misses, ...r.falseAlarms]) console.log(`  ${line}`);
  return r;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
  await migrate(database);
  await duplicatesSqlBench(database, { every: Number(process.env.EVERY ?? 0) });
  await database.close();
}
