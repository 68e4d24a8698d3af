// Directory search benchmark (issue 4): 5,000 programs across 60 counties in one network, then a
// five-filter search (region + county + service + insurance + name) through the HTTP app.
// Bounded: fixed counts, loopback only (app.inject, no sockets).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app.js';
import { type Database, queryRows } from '../apps/server/src/db/client.js';
import { systemTx, tenantTx } from '../apps/server/src/db/tx.js';
import * as repo from '../apps/server/src/modules/directory/directory.repo.js';
import { signIn, testDeps } from '../apps/server/src/test/app.js';
import { makeNetwork, makeOrganization, makeProgram, makeUser } from '../apps/server/src/test/factories.js';
import { ms, pct } from './stats.js';

const PROGRAMS = 5000;
const ORGANIZATIONS = 800;
const COUNTY_COUNT = 60;
const REGION_COUNT = 6;
const WARM_UP = 30;
const REQUESTS = 300;

const FIRST = [
  'Big Sky',
  'Prairie',
  'Riverside',
  'Glacier',
  'Yellowstone',
  'Missouri',
  'Bitterroot',
  'Flathead',
  'Treasure State',
  'Mountain View',
  'Clark Fork',
  'Gallatin Valley',
  'Beartooth',
  'Sweetgrass',
  'Highline',
  'Copper',
  'Granite',
  'Blackfoot',
  'Sun River',
  'Little Belt',
];
const SECOND = [
  'Family',
  'Community',
  'Recovery',
  'Housing',
  'Food',
  'Health',
  'Youth',
  'Senior',
  'Veterans',
  'Legal',
  'Counseling',
  'Employment',
  'Transit',
  'Care',
  'Wellness',
  'Outreach',
];
const THIRD = [
  'Services',
  'Center',
  'Partners',
  'Alliance',
  'Network',
  'Clinic',
  'Coalition',
  'Project',
  'Pantry',
  'Program',
];
const COUNTIES = Array.from(
  { length: COUNTY_COUNT },
  (_, i) => `${FIRST[i % FIRST.length]} ${['North', 'South', 'East'][Math.floor(i / FIRST.length)]} County`,
);
const REGIONS = Array.from({ length: REGION_COUNT }, (_, i) => `Region ${i + 1}`);
const INSURANCE = ['medicaid', 'medicare', 'chip', 'private', 'marketplace', 'va_tricare', 'ihs'];

const textArray = (xs: string[]) =>
  sql`ARRAY[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

/** Organizations and programs in two statements (generate_series), agreements valid for a year (MT-4). */
async function seed(database: Database, networkId: string) {
  const started = performance.now();
  await systemTx(database.db, async (tx) => {
    await tx.execute(sql`SELECT setseed(0.42)`);
    await tx.execute(sql`
      INSERT INTO organizations (network_id, name)
      SELECT ${networkId}, (${textArray(FIRST)})[1 + g % ${FIRST.length}] || ' ' ||
             (${textArray(SECOND)})[1 + (g / ${FIRST.length}) % ${SECOND.length}] || ' ' ||
             (${textArray(THIRD)})[1 + (g / ${FIRST.length * SECOND.length}) % ${THIRD.length}] || ' ' || g
        FROM generate_series(1, ${ORGANIZATIONS}) g`);
    // Each program: a home county (and its region), sometimes a neighbour; 1–3 services; 1–3 insurance
    // types or none required; 15% telemedicine, half of them to every county.
    await tx.execute(sql`
      WITH orgs AS (SELECT array_agg(id ORDER BY id) AS ids FROM organizations WHERE network_id = ${networkId}),
           terms AS (SELECT array_agg(id ORDER BY code) AS ids FROM taxonomy_terms WHERE network_id IS NULL AND parent_id IS NOT NULL),
           p AS (SELECT g, floor(random() * ${COUNTY_COUNT})::int AS c, random() AS r1, random() AS r2, random() AS r3
                   FROM generate_series(1, ${PROGRAMS}) g)
      INSERT INTO programs (network_id, organization_id, name, regions, counties, service_term_ids, insurance,
                            telemedicine, telemedicine_counties, languages, hours, referral_status, agreement_valid_until)
      SELECT ${networkId}, orgs.ids[1 + p.g % ${ORGANIZATIONS}],
             (${textArray(SECOND)})[1 + (p.g * 7) % ${SECOND.length}] || ' ' || (${textArray(THIRD)})[1 + (p.g * 3) % ${THIRD.length}] || ' ' || p.g,
             ARRAY[(${textArray(REGIONS)})[1 + p.c / ${COUNTY_COUNT / REGION_COUNT}]],
             CASE WHEN p.r1 < 0.3 THEN ARRAY[(${textArray(COUNTIES)})[1 + p.c], (${textArray(COUNTIES)})[1 + (p.c + 1) % ${COUNTY_COUNT}]]
                  ELSE ARRAY[(${textArray(COUNTIES)})[1 + p.c]] END,
             ARRAY(SELECT DISTINCT terms.ids[1 + floor(random() * cardinality(terms.ids))::int]
                     FROM generate_series(1, 1 + (p.g % 3)) k),
             CASE WHEN p.r2 < 0.1 THEN ARRAY['none_required']
                  ELSE ARRAY(SELECT DISTINCT (${textArray(INSURANCE)})[1 + floor(random() * ${INSURANCE.length})::int]
                               FROM generate_series(1, 1 + (p.g % 3)) k) END,
             p.r3 < 0.15,
             CASE WHEN p.r3 < 0.075 THEN '{}'::text[]
                  WHEN p.r3 < 0.15 THEN ARRAY(SELECT (${textArray(COUNTIES)})[1 + (p.c + k * 7) % ${COUNTY_COUNT}] FROM generate_series(1, 5) k)
                  ELSE '{}'::text[] END,
             CASE WHEN p.g % 4 = 0 THEN ARRAY['English', 'Spanish'] ELSE ARRAY['English'] END,
             'Mon–Fri 9:00–17:00',
             CASE WHEN p.g % 10 = 0 THEN 'closed' ELSE 'open' END,
             now() + interval '1 year'
        FROM p, orgs, terms`);
  });
  await database.db.execute(sql`ANALYZE programs`);
  await database.db.execute(sql`ANALYZE organizations`);
  return performance.now() - started;
}

/** Varied five-filter searches: a county of the region, a top-level or a child service, a misspelt word. */
function queries(terms: { code: string; parent: boolean }[]) {
  return Array.from({ length: WARM_UP + REQUESTS }, (_, i) => {
    const c = (i * 17) % COUNTY_COUNT;
    const term = terms[(i * 11) % terms.length]!;
    const word = SECOND[(i * 5) % SECOND.length]!;
    // Every other name is misspelt by one letter ("Counseling" → "Couseling").
    const name = i % 2 ? word : word.slice(0, 3) + word.slice(4);
    return new URLSearchParams({
      region: REGIONS[Math.floor(c / (COUNTY_COUNT / REGION_COUNT))]!,
      county: COUNTIES[c]!,
      service: term.code,
      insurance: INSURANCE[i % INSURANCE.length]!,
      q: name,
    }).toString();
  });
}

/** Seeds one network, times the search over HTTP and prints the plan of one query. */
export async function directoryBench(database: Database) {
  const network = await makeNetwork(database.db, 'mt-referral-network');
  const home = await makeProgram(database.db, await makeOrganization(database.db, network.id, 'Bench Office'), {
    agreementValidUntil: new Date(Date.now() + 365 * 86_400_000),
  });
  const user = await makeUser(database.db, [[home, ['mt_provider']]]);
  const seedMs = await seed(database, network.id);
  const terms = await queryRows<{ code: string; parent: boolean }>(
    database.db,
    sql`SELECT code, parent_id IS NULL AS parent FROM taxonomy_terms WHERE network_id IS NULL ORDER BY code`,
  );

  const app = await buildApp(await testDeps({ database }));
  const cookie = await signIn(app, user.email);
  const times: number[] = [];
  let found = 0;
  for (const [i, query] of queries(terms).entries()) {
    const s = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/directory/programs?${query}`, headers: { cookie } });
    const t = performance.now() - s;
    if (res.statusCode !== 200) throw new Error(`search ${query}: ${res.statusCode} ${res.body}`);
    if (i >= WARM_UP) {
      times.push(t);
      found += (res.json() as { items: unknown[] }).items.length;
    }
  }
  // The same search without the name, whose rows are more numerous (a page of 50).
  const wide: number[] = [];
  for (const query of queries(terms).slice(0, REQUESTS)) {
    const params = new URLSearchParams(query);
    params.delete('q');
    const s = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/directory/programs?${params}`, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`search ${params}: ${res.statusCode}`);
    wide.push(performance.now() - s);
  }
  await app.close();

  const plan = await tenantTx(
    database.db,
    { networkId: network.id, userId: user.id, organizationId: home.organizationId, networkAdminOf: null },
    async (tx) => {
      const params = new URLSearchParams(queries(terms)[WARM_UP]!);
      const serviceTermIds = await repo.resolveService(tx, network.id, params.get('service')!);
      const query = repo.searchPrograms(
        tx,
        network.id,
        {
          region: params.get('region')!,
          county: params.get('county')!,
          serviceTermIds,
          insurance: params.get('insurance')!,
          q: params.get('q')!,
        },
        new Date(),
        null,
        50,
      );
      return queryRows<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN (ANALYZE, BUFFERS OFF) ${query}`);
    },
  );
  // The generated directory goes again, so repeated runs on a shared PostgreSQL do not pile up rows.
  await systemTx(database.db, async (tx) => {
    await tx.execute(sql`DELETE FROM programs WHERE network_id = ${network.id} AND id <> ${home.id}`);
    await tx.execute(sql`DELETE FROM organizations WHERE network_id = ${network.id} AND id <> ${home.organizationId}`);
  });
  const lines = plan.map((r) => r['QUERY PLAN']);
  const indexes = [
    ...new Set(
      lines.flatMap((l) => [...l.matchAll(/(?:Index|Index Only) Scan (?:using|on) (\w+)/g)].map((m) => m[1]!)),
    ),
  ];
  const execution = lines.find((l) => l.startsWith('Execution Time'));

  console.log(
    `directory: seeded ${PROGRAMS} programs of ${ORGANIZATIONS} organizations, ${COUNTY_COUNT} counties in ${ms(seedMs)}`,
  );
  console.log(
    `GET /api/directory/programs, five filters: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))} over ${REQUESTS} requests (${(found / REQUESTS).toFixed(1)} rows each on average)`,
  );
  console.log(`  four filters (no name): p50 ${ms(pct(wide, 50))}, p95 ${ms(pct(wide, 95))} over ${REQUESTS} requests`);
  console.log(
    `  EXPLAIN ANALYZE of one five-filter search: ${execution ?? 'no execution time'}; indexes used: ${indexes.join(', ') || 'none (sequential scan)'}`,
  );
  for (const l of lines) console.log(`    ${l}`);
}
