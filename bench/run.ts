// `npm run bench`: audit append cost and request latency, on PGlite and (with DATABASE_URL) PostgreSQL.
// Bounded: fixed counts, loopback only (app.inject, no sockets); the referral load runs 30 s per endpoint.
import { performance } from 'node:perf_hooks';
import { buildApp } from '../apps/server/src/app.js';
import { type Database, openDatabase } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { systemTx } from '../apps/server/src/db/tx.js';
import { recordAudit } from '../apps/server/src/platform/audit/audit.service.js';
import { verifyAuditChains } from '../apps/server/src/platform/audit/audit.verify.js';
import { actAs, testDeps } from '../apps/server/src/test/app.js';
import { makeTenantPair } from '../apps/server/src/test/factories.js';
import { directoryBench } from './directory.js';
import { duplicatesBench } from './duplicates.js';
import { duplicatesSqlBench } from './duplicates-sql.js';
import { referralsLoadBench } from './referrals-load.js';
import { ms, pct } from './stats.js';

const AUDIT_WRITES = 1000;
const WRITERS = 8;
const REQUESTS = 500;
const RESETS = 200;

async function auditCost(database: Database, networkId: string) {
  const ctx = { networkId, userId: null, programId: null, organizationId: null, requestId: 'bench', ip: '127.0.0.1' };
  const write = () =>
    systemTx(database.db, (tx) => recordAudit(tx, ctx, { action: 'bench.write', entityType: 'bench', entityId: 'x' }));
  const empty = () => systemTx(database.db, async () => undefined);
  let t = performance.now();
  for (let i = 0; i < AUDIT_WRITES; i++) await empty();
  const baseline = (performance.now() - t) / AUDIT_WRITES;
  t = performance.now();
  for (let i = 0; i < AUDIT_WRITES; i++) await write();
  const sequential = (performance.now() - t) / AUDIT_WRITES;
  t = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      for (let i = 0; i < AUDIT_WRITES / WRITERS; i++) await write();
    }),
  );
  const concurrent = (performance.now() - t) / AUDIT_WRITES;
  t = performance.now();
  const verified = await verifyAuditChains(database.db);
  const verify = performance.now() - t;
  if (verified.firstBreak) throw new Error(`chain broken: ${JSON.stringify(verified.firstBreak)}`);
  return { baseline, sequential, concurrent, verify, entries: verified.entries };
}

async function requestLatency(database: Database, t: Awaited<ReturnType<typeof makeTenantPair>>) {
  const deps = await testDeps({ database });
  const app = await buildApp(deps);
  const cookie = await actAs(app, t.adminA.email, t.a.id);
  const routes = {
    'GET /api/session': '/api/session',
    'GET /api/programs/:id/contacts': `/api/programs/${t.a.id}/contacts`,
  };
  const out: Record<string, { p50: number; p95: number; n: number }> = {};
  for (const [name, url] of Object.entries(routes)) {
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode}`);
      times.push(performance.now() - s);
    }
    out[name] = { p50: pct(times, 50), p95: pct(times, 95), n: REQUESTS };
  }
  // MT-2: the reset answer must not tell whether the address has an account, by its timing either.
  for (const [name, email] of [
    ['reset, known address', t.adminA.email],
    ['reset, unknown address', 'nobody@example.test'],
  ]) {
    const times: number[] = [];
    for (let i = 0; i < RESETS; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/password-reset', payload: { email } });
      if (res.statusCode !== 202) throw new Error(`${name}: ${res.statusCode}`);
      times.push(performance.now() - s);
      // The answer is timed alone: the lookup and the mail it started finish before the next request (untimed).
      await app.background.drain();
      await new Promise((r) => setImmediate(r));
      await deps.mail.deliverPending();
    }
    out[`POST /api/password-reset (${name})`] = { p50: pct(times, 50), p95: pct(times, 95), n: RESETS };
  }
  await app.close();
  return out;
}

const targets: [string, string | undefined][] = [['pglite', undefined]];
if (process.env.DATABASE_URL) targets.push(['postgres', process.env.DATABASE_URL]);

for (const [name, url] of targets) {
  const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
  await migrate(database);
  const tenants = await makeTenantPair(database.db);
  const a = await auditCost(database, tenants.network.id);
  console.log(`\n## ${name}`);
  console.log(
    `audit append, one writer:  ${ms(a.sequential)} per write (empty transaction alone: ${ms(a.baseline)}; the chain costs ${ms(a.sequential - a.baseline)})`,
  );
  console.log(
    `audit append, ${WRITERS} writers:   ${ms(a.concurrent)} per write (wall time / writes, one network: serialized by the head lock)`,
  );
  console.log(`audit:verify of ${a.entries} entries: ${ms(a.verify)}`);
  for (const [route, l] of Object.entries(await requestLatency(database, tenants))) {
    console.log(`${route}: p50 ${ms(l.p50)}, p95 ${ms(l.p95)} over ${l.n} requests`);
  }
  await directoryBench(database);
  duplicatesBench();
  await duplicatesSqlBench(database);
  await database.close();
}

// Issue 6: the referral endpoints on 1,000,000 referrals under 50 concurrent users, PostgreSQL only.
if (process.env.DATABASE_URL) await referralsLoadBench(process.env.DATABASE_URL);
else console.log('\nreferral load benchmark: skipped (it needs PostgreSQL: set DATABASE_URL)');
