// Issue 6 "Performance": the referral endpoints under 50 concurrent users on 1,000,000 referrals (PostgreSQL
// only). In a scratch database on the DATABASE_URL server (dropped after): the data set of referrals-data.ts,
// the real app in its own process on a loopback port, autocannon for BENCH_SECONDS (30) per endpoint, then
// the same endpoint's own SQL straight through pg with as many callers, and the ratio of the two medians.
//   DATABASE_URL=postgres://… npx tsx bench/referrals-load.ts    (or as part of `npm run bench`)
// BENCH_REFERRALS_DB=<name> keeps (and reuses) the loaded database; BENCH_ONLY=received,detail runs some endpoints;
// BENCH_PROFILE=<dir> profiles the app's CPU; BENCH_SHOW_SQL=1 prints one request's statements; BENCH_NODE_ARGS='--max-semi-space-size=64' passes flags to its Node.
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { openDatabase } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { TEST_PASSWORD, testDeps } from '../apps/server/src/test/app.js';
import { type BenchUser, loadReferralData, type ReferralData, reloadReferralData } from './referrals-data.js';
import { captureSql, replaySql, roundTrips, type Script } from './referrals-sql.js';
import { ms, pct } from './stats.js';

const CONNECTIONS = 50;
/** The app's pool (openDatabase's default, as in production); the direct SQL gets the same. */
const POOL = 10;
const WARM_UP_SECONDS = 3;

interface Variant {
  path: string;
  cookie: string;
}
interface Endpoint {
  key: string;
  name: string;
  target: number;
  variants: Variant[];
}
interface Row {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  non2xx: number;
  sqlP50: number;
  sqlP95: number;
  trips: number;
  target: number;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** A database of its own on the server: created (and loaded) unless BENCH_REFERRALS_DB names a loaded one. */
async function scratchDatabase(serverUrl: string) {
  const keep = process.env.BENCH_REFERRALS_DB;
  const name = keep ?? `portico_bench_referrals_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const exists = (await adminQuery(serverUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount;
  if (!exists) await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    if (!keep) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return { name, url: url.toString(), drop, fresh: !exists };
}

function startServer(url: string): Promise<{ child: ChildProcess; base: string }> {
  const child = fork(path.join(import.meta.dirname, 'referrals-server.ts'), {
    env: { ...process.env, DATABASE_URL: url },
    // BENCH_PROFILE=<dir>: the app writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
    execArgv: [
      ...process.execArgv,
      ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []),
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, base: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
  });
}

/** Signs in through the real routes: password, acting program, the user agreement (MT-3). */
async function signIn(base: string, user: BenchUser): Promise<string> {
  const call = async (method: string, url: string, cookie?: string, body?: object) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status >= 300) throw new Error(`${method} ${url} for ${user.email}: ${res.status} ${await res.text()}`);
    return res;
  };
  const res = await call('POST', '/api/session', undefined, { email: user.email, password: TEST_PASSWORD });
  const token = res.headers.getSetCookie().find((c) => c.startsWith('portico_session='));
  if (!token) throw new Error(`no session cookie for ${user.email}`);
  const cookie = token.split(';')[0]!;
  await call('PUT', '/api/session/program', cookie, { programId: user.programId });
  const agreement = (await (await call('GET', '/api/agreement', cookie)).json()) as { version: string; due: boolean };
  if (agreement.due) {
    await call('POST', '/api/agreement', cookie, { version: agreement.version, typedName: user.name, accept: true });
  }
  return cookie;
}

async function endpoints(base: string, url: string, data: ReferralData): Promise<Endpoint[]> {
  const gatekeepers = data.receivers.filter((u) => u.role === 'mt_gatekeeper');
  const cookies = new Map<string, string>();
  for (const u of [...gatekeepers, ...data.senders]) cookies.set(u.id, await signIn(base, u));
  const year = `from=${day(-364)}&to=${day(0)}`;
  const each = (users: BenchUser[], path: string) => users.map((u) => ({ path, cookie: cookies.get(u.id)! }));
  // The detail rotates over 100 received referrals of each gatekeeper's program, in every state but draft.
  const detail: Variant[] = [];
  for (const u of gatekeepers) {
    const { rows } = await adminQuery(
      url,
      `SELECT id FROM referrals WHERE to_program_id = '${u.programId}' AND state <> 'draft' ORDER BY md5(id::text) LIMIT 100`,
    );
    for (const r of rows) detail.push({ path: `/api/referrals/${r.id}`, cookie: cookies.get(u.id)! });
  }
  const list: Endpoint[] = [
    {
      key: 'received',
      name: 'incoming queue (box=received)',
      target: 50,
      variants: each(gatekeepers, '/api/referrals?box=received'),
    },
    {
      key: 'sent',
      name: 'sent list, status + period',
      target: 50,
      variants: each(data.senders, `/api/referrals?box=sent&status=closed&${year}`),
    },
    { key: 'detail', name: 'referral detail + timeline', target: 50, variants: detail },
    ...['outcomes', 'delays', 'from-agency', 'to-agency'].map((kind) => ({
      key: kind,
      name: `report ${kind}, one year`,
      target: 500,
      variants: each(gatekeepers, `/api/reports/referrals/${kind}?${year}`),
    })),
  ];
  const only = process.env.BENCH_ONLY?.split(',');
  return only ? list.filter((e) => only.includes(e.key)) : list;
}

/** autocannon with CONNECTIONS connections; every response's time is kept for the percentiles. */
async function load(base: string, variants: Variant[], seconds: number) {
  let turn = 0;
  const times: number[] = [];
  const options: autocannon.Options = {
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    // Slow answers are timed, not dropped (autocannon's default gives up after 10 s).
    timeout: 120,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const v = variants[turn++ % variants.length]!;
          return { ...req, path: v.path, headers: { ...req.headers, cookie: v.cookie } };
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  return { times, non2xx: result.non2xx + result.errors + result.timeouts, seconds: result.duration };
}

async function measure(
  base: string,
  url: string,
  capture: (v: Variant) => Promise<Script>,
  e: Endpoint,
  seconds: number,
) {
  await load(base, e.variants, WARM_UP_SECONDS);
  const http = await load(base, e.variants, seconds);
  const scripts: Script[] = [];
  for (const v of e.variants) scripts.push(await capture(v));
  if (process.env.BENCH_SHOW_SQL) console.log(JSON.stringify(scripts[0], null, 1));
  const sql = await replaySql(url, scripts, CONNECTIONS, seconds, POOL);
  const row: Row = {
    name: e.name,
    p50: pct(http.times, 50),
    p95: pct(http.times, 95),
    p99: pct(http.times, 99),
    rps: http.times.length / http.seconds,
    non2xx: http.non2xx,
    sqlP50: pct(sql, 50),
    sqlP95: pct(sql, 95),
    trips: roundTrips(scripts[0]!),
    target: e.target,
  };
  if (!http.times.length) {
    console.log(`${row.name}: not one answer in ${seconds} s (${http.non2xx} errors)`);
    return { ...row, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN };
  }
  const ratio = row.p50 / row.sqlP50;
  const ok = row.p95 < row.target && ratio <= 2 && row.non2xx === 0;
  console.log(
    `${row.name}: p50 ${ms(row.p50)}, p95 ${ms(row.p95)}, p99 ${ms(row.p99)}, ${row.rps.toFixed(0)} req/s, non-2xx ${row.non2xx}; ` +
      `its SQL (${row.trips} statements): p50 ${ms(row.sqlP50)}, p95 ${ms(row.sqlP95)}; ratio ${ratio.toFixed(2)} ` +
      `(targets p95 < ${row.target} ms, ratio ≤ 2.0: ${ok ? 'met' : 'MISSED'})`,
  );
  return row;
}

/** The benchmark on the server of `serverUrl`; prints as it goes and a table at the end. */
export async function referralsLoadBench(serverUrl: string) {
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  const db = await scratchDatabase(serverUrl);
  let server: ChildProcess | undefined;
  const database = await openDatabase({ databaseUrl: db.url, dataDir: 'memory://', poolSize: POOL });
  try {
    await migrate(database);
    const t = performance.now();
    const data = db.fresh ? await loadReferralData(db.url) : await reloadReferralData(db.url);
    console.log(
      db.fresh
        ? `\nreferral load: generated ${Object.entries(data.counts)
            .map(([k, n]) => `${n.toLocaleString('en-US')} ${k}`)
            .join(
              ', ',
            )} in ${(data.loadMs / 1000).toFixed(1)} s (${data.steps.map(([s, m]) => `${s} ${(m / 1000).toFixed(1)} s`).join('; ')})`
        : `\nreferral load: reusing ${db.name} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    const started = await startServer(db.url);
    server = started.child;
    const list = await endpoints(started.base, db.url, data);
    // The capture runs the same app in this process, one request at a time, so every statement is that request's.
    const app = await buildApp(await testDeps({ database }));
    const capture = async (v: Variant) => {
      const send = async () => {
        const res = await app.inject({ method: 'GET', url: v.path, headers: { cookie: v.cookie } });
        if (res.statusCode !== 200) throw new Error(`${v.path}: ${res.statusCode} ${res.body}`);
      };
      await send(); // a first request may also touch the session's last-seen time: not part of every request
      return captureSql(send);
    };
    console.log(
      `${CONNECTIONS} connections, ${seconds} s each (after ${WARM_UP_SECONDS} s of warm-up); app pool ${POOL}, direct SQL pool ${POOL}`,
    );
    const rows: Row[] = [];
    for (const e of list) rows.push(await measure(started.base, db.url, capture, e, seconds));
    await app.close();
    console.log(
      '\n| endpoint | p50 | p95 | p99 | req/s | non-2xx | SQL p50 | ratio |\n|---|---|---|---|---|---|---|---|',
    );
    for (const r of rows) {
      console.log(
        `| ${r.name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.rps.toFixed(0)} | ${r.non2xx} | ${ms(r.sqlP50)} | ${(r.p50 / r.sqlP50).toFixed(2)} |`,
      );
    }
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await database.close();
    await db.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.env.DATABASE_URL) {
    console.log('referral load benchmark: skipped (it needs PostgreSQL: set DATABASE_URL)');
  } else await referralsLoadBench(process.env.DATABASE_URL);
}
