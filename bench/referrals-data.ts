// The referral data set of issue 6 "Performance": one network, 2,000 programs in 700 organizations,
// 200,000 clients with one signed consent each, 1,000,000 referrals over two years with their timelines
// and notes. Generated inside PostgreSQL (INSERT … SELECT generate_series), as the table owner.
import { performance } from 'node:perf_hooks';
import { PRESET_POLICIES, REFUSAL_REASONS, SERVICE_STATUSES } from '@portico/shared';
import pg from 'pg';
import { hashPassword } from '../apps/server/src/modules/identity/identity.password.js';
import { TEST_PASSWORD } from '../apps/server/src/test/app.js';
import { withoutConstraints } from './bulk-load.js';

export const ORGANIZATIONS = 700;
export const PROGRAMS = 2000;
export const CLIENTS = 200_000;
/** Client c has 3 + c % 5 referrals: 1,000,000 in all. */
export const REFERRALS = CLIENTS * 5;
/** The busiest programs (by received, and by sent referrals) whose gatekeepers and providers sign in. */
export const BUSY = 5;

/** Program index of the n-th busiest receiver: to_program is floor(PROGRAMS · r²), so index 0 receives most. */
export const busyReceiver = (n: number) => n;
/** Program index of the n-th busiest sender: a client's home program is the same skew, permuted. */
export const busySender = (n: number) => (n * 7 + 3) % PROGRAMS;

const HOLIDAYS = ['2025-01-01', '2025-07-04', '2025-11-27', '2025-12-25', '2026-01-01', '2026-07-03', '2026-11-26'];
const FIRST = ['Ada', 'Ben', 'Cora', 'Dan', 'Eve', 'Finn', 'Gale', 'Hana', 'Ivo', 'June', 'Kai', 'Lena', 'Milo', 'Nia'];
const LAST = ['Black', 'Cruz', 'Dahl', 'Eng', 'Frost', 'Gray', 'Hale', 'Ivers', 'Jones', 'Kerr', 'Lund', 'Moss'];
const COUNTIES = ['Cascade', 'Gallatin', 'Lewis and Clark', 'Missoula', 'Yellowstone', 'Flathead', 'Silver Bow'];

export interface BenchUser {
  id: string;
  email: string;
  name: string;
  programId: string;
  role: 'mt_gatekeeper' | 'mt_provider';
}

export interface ReferralData {
  networkId: string;
  /** Gatekeepers (one each) and providers (two each) of the busiest receiving programs. */
  receivers: BenchUser[];
  /** Gatekeepers of the busiest sending programs. */
  senders: BenchUser[];
  loadMs: number;
  steps: [string, number][];
  counts: Record<string, number>;
}

const closing = Object.entries(SERVICE_STATUSES)
  .filter(([, s]) => s.closes)
  .map(([code]) => code);
const working = Object.entries(SERVICE_STATUSES)
  .filter(([, s]) => !s.closes)
  .map(([code]) => code);
const labels = Object.fromEntries(Object.entries(SERVICE_STATUSES).map(([code, s]) => [code, s.label]));

/** Generates and loads the data set into an empty, migrated database; ANALYZEs it after. */
export async function loadReferralData(url: string): Promise<ReferralData> {
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, options: '-c timezone=UTC' });
    await c.connect();
    return c;
  };
  // Two connections for the two cores: the big statements run as two halves at once.
  const [client, other] = [await connect(), await connect()];
  const started = performance.now();
  const steps: [string, number][] = [];
  const timed = async (name: string, work: () => Promise<unknown>) => {
    const t = performance.now();
    await work();
    steps.push([name, performance.now() - t]);
  };
  const step = (name: string, text: string, values: unknown[] = []) => timed(name, () => client.query(text, values));
  /** One statement per half of the rows (`half` is 0 or 1), both at once. */
  const halves = (name: string, text: (half: number) => string, values: unknown[] = []) =>
    timed(name, () => Promise.all([client.query(text(0), values), other.query(text(1), values)]));
  try {
    // Whole tables join whole tables here, and the generated filters defeat the row estimates: hash joins.
    await client.query('SET enable_nestloop = off; SELECT setseed(0.6)');
    await other.query('SET enable_nestloop = off; SELECT setseed(0.7)');
    const policy = { ...PRESET_POLICIES['mt-referral-network'], holidays: HOLIDAYS };
    const {
      rows: [net],
    } = await client.query<{ id: string }>(
      `INSERT INTO networks (slug, name, preset, policy) VALUES ('bench-referrals-' || substr(md5(random()::text), 1, 8),
         'Bench referral network', 'mt-referral-network', $1) RETURNING id`,
      [policy],
    );
    const networkId = net!.id;
    const n = `'${networkId}'::uuid`;
    // Ids first, in scratch tables indexed by number, so later statements pick related rows by arithmetic.
    await step(
      'organizations, programs, users, memberships',
      `DROP TABLE IF EXISTS bench_org, bench_prog, bench_user, bench_client;
       CREATE UNLOGGED TABLE bench_org AS SELECT g AS i, gen_random_uuid() AS id FROM generate_series(0, ${ORGANIZATIONS - 1}) g;
       CREATE UNLOGGED TABLE bench_prog AS SELECT g AS i, gen_random_uuid() AS id, o.id AS org
         FROM generate_series(0, ${PROGRAMS - 1}) g JOIN bench_org o ON o.i = g % ${ORGANIZATIONS};
       CREATE UNLOGGED TABLE bench_user AS SELECT p.i AS p, k, gen_random_uuid() AS id, p.id AS program, p.org
         FROM bench_prog p, generate_series(0, 2) k;
       CREATE UNIQUE INDEX ON bench_prog (i); CREATE UNIQUE INDEX ON bench_user (p, k); CREATE INDEX ON bench_user (program, k);
       INSERT INTO organizations (id, network_id, name) SELECT id, ${n}, 'Agency ' || i FROM bench_org;
       INSERT INTO programs (id, network_id, organization_id, name, regions, counties, agreement_valid_until)
         SELECT id, ${n}, org, 'Program ' || i, ARRAY['Region ' || (1 + i % 6)],
                ARRAY[(${arr(COUNTIES)})[1 + i % ${COUNTIES.length}]], now() + interval '1 year' FROM bench_prog;
       -- k = 0 is the program's gatekeeper, k = 1 and 2 its providers.
       INSERT INTO users (id, email, name) SELECT id, 'bench-' || substr(${n}::text, 1, 8) || '-p' || p || '-' || k || '@example.test',
              CASE k WHEN 0 THEN 'Gatekeeper ' ELSE 'Provider ' || k || ' of ' END || 'program ' || p FROM bench_user;
       INSERT INTO memberships (network_id, organization_id, program_id, user_id, roles)
         SELECT ${n}, org, program, id, CASE k WHEN 0 THEN ARRAY['mt_gatekeeper'] ELSE ARRAY['mt_provider'] END FROM bench_user;
       -- A client's home program sends its referrals; homes and targets are skewed, so a few programs are busy.
       CREATE UNLOGGED TABLE bench_client AS SELECT c, gen_random_uuid() AS id, gen_random_uuid() AS consent,
              (floor(${PROGRAMS} * power(random(), 2))::int * 7 + 3) % ${PROGRAMS} AS home,
              now() + (30 + random() * 300) * interval '1 day' AS expires
         FROM generate_series(0, ${CLIENTS - 1}) c;
       ANALYZE bench_org, bench_prog, bench_user, bench_client`,
    );
    const tables = ['clients', 'consents', 'consent_programs', 'referrals', 'referral_events', 'referral_notes'];
    const rebuild = performance.now();
    const loading = steps.length;
    await withoutConstraints([client, other], tables, async () => {
      await halves(
        'clients, consents',
        (
          half,
        ) => `INSERT INTO clients (id, network_id, organization_id, created_by_program_id, first_name, last_name, birth_date, county)
           SELECT c.id, ${n}, p.org, p.id, (${arr(FIRST)})[1 + c % ${FIRST.length}],
                  (${arr(LAST)})[1 + (c / ${FIRST.length}) % ${LAST.length}] || ' ' || c,
                  date '1940-01-01' + (c * 37) % 25000, (${arr(COUNTIES)})[1 + c % ${COUNTIES.length}]
             FROM bench_client c JOIN bench_prog p ON p.i = c.home WHERE c.c % 2 = ${half};
         INSERT INTO consents (id, network_id, organization_id, client_id, created_by_program_id, created_by, status, info_types,
                               authorizer_kind, authorizer_name, method, signer_name, signed_at, expires_at)
           SELECT c.consent, ${n}, p.org, c.id, p.id, u.id, 'signed', ARRAY['demographics', 'needs'],
                  'client', 'Client ' || c.c, 'esign', 'Client ' || c.c, c.expires - interval '365 days', c.expires
             FROM bench_client c JOIN bench_prog p ON p.i = c.home JOIN bench_user u ON u.p = c.home AND u.k = 0
            WHERE c.c % 2 = ${half}`,
      );
      await halves('referrals', (half) => referralsOf(n, half));
      // The statements below read the new rows: their plans need the statistics.
      await step('ANALYZE referrals', 'ANALYZE referrals');
      // The consent names the home program and every program the client was referred to.
      await halves(
        'consent programs',
        (half) => `INSERT INTO consent_programs (consent_id, program_id, organization_id, network_id)
           SELECT consent_id, to_program_id, to_organization_id, network_id FROM referrals
            WHERE network_id = ${n} AND ${byteHalf('consent_id', half)}
           UNION SELECT c.consent, p.id, p.org, ${n} FROM bench_client c JOIN bench_prog p ON p.i = c.home
            WHERE ${byteHalf('c.consent', half)}`,
      );
      await halves('referral events', (half) => eventsOf(n, half), [labels]);
      await halves('referral notes', (half) => notesOf(n, half));
    });
    const inner = steps.slice(loading).reduce((a, [, ms]) => a + ms, 0);
    steps.push(['indexes and foreign keys (rebuilt, validated)', performance.now() - rebuild - inner]);
    await halves('VACUUM ANALYZE', (half) =>
      half
        ? 'VACUUM (ANALYZE) referral_events'
        : 'VACUUM (ANALYZE) referrals, referral_notes, clients, consents, consent_programs, users, memberships, programs, organizations',
    );
    const loadMs = performance.now() - started;

    // Those who sign in: the real sign-in route checks this password.
    const hash = await hashPassword(TEST_PASSWORD);
    const pick = async (indexes: number[], ks: number[]) => {
      const { rows } = await client.query<BenchUser & { k: number }>(
        `UPDATE users u SET password_hash = $1 FROM bench_user b
          WHERE u.id = b.id AND b.p = ANY($2::int[]) AND b.k = ANY($3::int[])
        RETURNING u.id, u.email, u.name, b.program AS "programId",
                  CASE b.k WHEN 0 THEN 'mt_gatekeeper' ELSE 'mt_provider' END AS role`,
        [hash, indexes, ks],
      );
      return rows;
    };
    const receivers = await pick(
      Array.from({ length: BUSY }, (_, n) => busyReceiver(n)),
      [0, 1, 2],
    );
    const senders = await pick(
      Array.from({ length: BUSY }, (_, n) => busySender(n)),
      [0],
    );
    const { rows: countRows } = await client.query<{ name: string; n: string }>(
      `SELECT 'programs' AS name, count(*) AS n FROM programs WHERE network_id = $1
       UNION ALL SELECT 'clients', count(*) FROM clients WHERE network_id = $1
       UNION ALL SELECT 'referrals', count(*) FROM referrals WHERE network_id = $1
       UNION ALL SELECT 'referral events', count(*) FROM referral_events WHERE network_id = $1
       UNION ALL SELECT 'referral notes', count(*) FROM referral_notes WHERE network_id = $1
       UNION ALL SELECT 'consent programs', count(*) FROM consent_programs WHERE network_id = $1`,
      [networkId],
    );
    const counts = Object.fromEntries(countRows.map((r) => [r.name, Number(r.n)]));
    return { networkId, receivers, senders, loadMs, steps, counts };
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_org, bench_prog, bench_user, bench_client').catch(() => undefined);
    await Promise.all([client.end(), other.end()]);
  }
}

/** The users and network of a database loaded before (BENCH_REFERRALS_DB): the same people sign in again. */
export async function reloadReferralData(url: string): Promise<ReferralData> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<BenchUser & { networkId: string; p: number; k: number }>(
      `SELECT u.id, u.email, u.name, m.program_id AS "programId", m.network_id AS "networkId",
              CASE WHEN m.roles = ARRAY['mt_gatekeeper'] THEN 'mt_gatekeeper' ELSE 'mt_provider' END AS role,
              (regexp_match(u.email, '-p([0-9]+)-'))[1]::int AS p, (regexp_match(u.email, '-([0-9])@'))[1]::int AS k
         FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE u.email LIKE 'bench-%' AND u.password_hash IS NOT NULL ORDER BY u.email`,
    );
    if (!rows.length) throw new Error('this database holds no referral benchmark data');
    const receivers = rows.filter((r) => r.p < BUSY);
    const senders = rows.filter(
      (r) => r.k === 0 && Array.from({ length: BUSY }, (_, i) => busySender(i)).includes(r.p),
    );
    const strip = ({ networkId: _n, p: _p, k: _k, ...u }: (typeof rows)[number]): BenchUser => u;
    return {
      networkId: rows[0]!.networkId,
      receivers: receivers.map(strip),
      senders: senders.map(strip),
      loadMs: 0,
      steps: [],
      counts: {},
    };
  } finally {
    await client.end();
  }
}

/** A SQL text[] literal of known-safe words. */
function arr(xs: string[]) {
  return `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ')}]`;
}

/** Half the rows of a uuid column, by its last byte. */
const byteHalf = (col: string, half: number) => `get_byte(uuid_send(${col}), 15) % 2 = ${half}`;

/**
 * The referrals of half the clients: client c has 3 + c % 5, the latest possibly open (only it: at most one
 * open referral per client and program, MT-11); states, then times from the state, then the names.
 */
function referralsOf(n: string, half: number) {
  const reasons = Object.keys(REFUSAL_REASONS);
  return `INSERT INTO referrals (network_id, organization_id, client_id, consent_id, from_program_id, to_program_id,
                            to_organization_id, created_by, state, reason, insurance_confirmed, sent_at, assigned_to,
                            assigned_at, acknowledged_at, refusal_reason, service_status, service_status_at,
                            service_status_by, closed_at, last_activity_at, created_at, updated_at)
     SELECT ${n}, fp.org, x.client, x.consent, fp.id, tp.id, tp.org, cu.id, x.state, 'Needs help with ' || x.k,
            x.state <> 'draft', x.sent, CASE WHEN x.ack_kind = 'assigned' THEN au.id END,
            CASE WHEN x.ack_kind = 'assigned' THEN x.ack END, x.ack,
            CASE WHEN x.state = 'refused' THEN (${arr(reasons)})[1 + x.k % ${reasons.length}] END,
            x.status, x.status_at, CASE WHEN x.status IS NOT NULL THEN au.id END,
            CASE WHEN x.state = 'closed' THEN x.status_at END,
            greatest(x.created, x.sent, x.ack, x.status_at), x.created, greatest(x.created, x.sent, x.ack, x.status_at)
       FROM (
         SELECT y.*,
                CASE WHEN y.state IN ('assigned', 'closed') THEN 'assigned' WHEN y.state = 'refused' THEN 'refused' END AS ack_kind,
                CASE WHEN y.state IN ('assigned', 'closed', 'refused')
                     THEN least(now(), y.sent + (0.5 + y.r2 * 70) * interval '1 hour') END AS ack,
                CASE WHEN y.state = 'closed' THEN (${arr(closing)})[1 + (y.k * 3 + y.c) % ${closing.length}]
                     WHEN y.state = 'assigned' AND y.r2 < 0.5 THEN (${arr(working)})[1 + y.c % ${working.length}] END AS status,
                CASE WHEN y.state = 'closed' THEN least(now(), y.sent + (3 + y.r2 * 90) * interval '1 day')
                     WHEN y.state = 'assigned' AND y.r2 < 0.5
                     THEN least(now(), y.sent + (2 + y.r2 * 20) * interval '1 day') END AS status_at
           FROM (
             SELECT z.*, CASE WHEN z.state <> 'draft' THEN z.created + (5 + z.r1 * 120) * interval '1 minute' END AS sent
               FROM (
                 SELECT c.c, c.id AS client, c.consent, c.home, k, random() AS r1, random() AS r2,
                        floor(${PROGRAMS} * power(random(), 2))::int AS target, w.state,
                        now() - CASE w.state WHEN 'sent' THEN random() * 8 WHEN 'draft' THEN random() * 30
                                             WHEN 'assigned' THEN 2 + random() * 90 ELSE 30 + random() * 700 END
                                * interval '1 day' - interval '3 hours' AS created
                   FROM bench_client c
                   CROSS JOIN generate_series(0, 2 + c.c % 5) k
                   CROSS JOIN LATERAL (SELECT random() AS r) d
                   CROSS JOIN LATERAL (SELECT CASE
                     WHEN k < 2 + c.c % 5 THEN CASE WHEN d.r < 0.9 THEN 'closed' ELSE 'refused' END
                     WHEN d.r < 0.25 THEN 'sent' WHEN d.r < 0.65 THEN 'assigned' WHEN d.r < 0.75 THEN 'draft'
                     WHEN d.r < 0.8 THEN 'refused' ELSE 'closed' END AS state) w
                  WHERE c.c % 2 = ${half}
               ) z
           ) y
       ) x
       JOIN bench_prog fp ON fp.i = x.home JOIN bench_prog tp ON tp.i = x.target
       JOIN bench_user cu ON cu.p = x.home AND cu.k = x.c % 3
       JOIN bench_user au ON au.p = x.target AND au.k = 1 + (x.c + x.k) % 2`;
}

/**
 * The timeline the steps write: created, sent, then assigned or refused, then a service status (2–4 events;
 * a draft has only "created"). $1 holds the service-status labels.
 */
function eventsOf(n: string, half: number) {
  return `INSERT INTO referral_events (network_id, referral_id, kind, actor_id, program_id, data, at)
     SELECT r.network_id, r.id, e.kind, e.actor, e.program, e.data, e.at
       FROM referrals r
       JOIN bench_user g ON g.program = r.to_program_id AND g.k = 0
       CROSS JOIN LATERAL (VALUES
         ('created', r.created_by, r.from_program_id, '{}'::jsonb, r.created_at),
         ('sent', r.created_by, r.from_program_id, '{}'::jsonb, r.sent_at),
         ('assigned', g.id, r.to_program_id, jsonb_build_object('assignedTo', r.assigned_to), r.assigned_at),
         ('refused', g.id, r.to_program_id, jsonb_build_object('reason', r.refusal_reason),
            CASE WHEN r.state = 'refused' THEN r.acknowledged_at END),
         ('status', r.service_status_by, r.to_program_id,
            jsonb_build_object('status', r.service_status, 'label', $1::jsonb ->> r.service_status, 'closed', r.state = 'closed'),
            r.service_status_at)
       ) e(kind, actor, program, data, at)
      WHERE r.network_id = ${n} AND e.at IS NOT NULL AND ${byteHalf('r.id', half)}`;
}

/** A call-log note on about a third of the answered referrals, by the receiving gatekeeper; one in five internal. */
function notesOf(n: string, half: number) {
  return `INSERT INTO referral_notes (network_id, organization_id, referral_id, kind, happened_on, contact_method, outcome,
                                 text, shared, author_id, created_at)
     SELECT r.network_id, r.to_organization_id, r.id, 'note', least(now(), r.acknowledged_at + interval '1 day')::date,
            (ARRAY['phone', 'text', 'email', 'in_person'])[1 + h % 4], (ARRAY['reached', 'left_message', 'no_answer'])[1 + h % 3],
            'Called the client about the referral', h % 5 <> 0, g.id, least(now(), r.acknowledged_at + interval '1 day')
       FROM referrals r
       JOIN bench_user g ON g.program = r.to_program_id AND g.k = 0
       CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text)) AS h) x
      WHERE r.network_id = ${n} AND r.acknowledged_at IS NOT NULL AND h % 3 = 0 AND ${byteHalf('r.id', half)}`;
}
