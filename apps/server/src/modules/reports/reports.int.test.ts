import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Static } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeClient, makeProgram, makeTenantPair, makeUser, type TestProgram } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';
import { expiresAtOf } from '../consents/consents.rules.js';
import { consentPrograms, consents } from '../consents/consents.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { referrals } from '../referrals/referrals.table.js';
import type { DelayRow, FlowRow, OutcomeRow } from './reports.schema.js';

type Pair = Awaited<ReturnType<typeof makeTenantPair>>;
type Rows = {
  delays: Static<typeof DelayRow>;
  outcomes: Static<typeof OutcomeRow>;
  'from-agency': Static<typeof FlowRow>;
  'to-agency': Static<typeof FlowRow>;
};
type Answer<K extends keyof Rows> = { kind: K; scope: string; referrals: number; rows: Rows[K][] };
type State = 'draft' | 'sent' | 'assigned' | 'refused' | 'closed';
interface Made {
  state: State;
  /** When it was sent (ISO); drafts have none. */
  sentAt?: string;
  /** Hours from sent to the first answer. */
  ackHours?: number;
  serviceStatus?: string;
  refusalReason?: string;
}

const HOUR = 3_600_000;
const MARCH = 'from=2025-03-01&to=2025-03-31';

/** RFC 4180 reader (quoted fields, "" escapes, CRLF records): the test's own check of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

/**
 * A referral written directly in its state (as the table owner): its own client of the sender and a
 * signed consent naming both programs, as makeReferralRecords writes them.
 */
async function refer(db: Db, from: TestProgram, to: TestProgram, createdBy: string, m: Made) {
  const client = await makeClient(db, from, { firstName: 'Report', lastName: 'Client' });
  const signedAt = new Date('2025-01-01T00:00:00Z');
  const [consent] = await db
    .insert(consents)
    .values({
      networkId: from.networkId,
      organizationId: from.organizationId,
      clientId: client.id,
      createdByProgramId: from.id,
      createdBy,
      status: 'signed',
      infoTypes: ['needs'],
      authorizerKind: 'client',
      authorizerName: 'Report Client',
      method: 'esign',
      signerName: 'Report Client',
      signedAt,
      expiresAt: expiresAtOf(signedAt),
    })
    .returning({ id: consents.id });
  await db.insert(consentPrograms).values(
    [from, to].map((p) => ({
      consentId: consent!.id,
      programId: p.id,
      organizationId: p.organizationId,
      networkId: p.networkId,
    })),
  );
  const sentAt = m.sentAt ? new Date(m.sentAt) : null;
  const ackAt = sentAt && m.ackHours !== undefined ? new Date(sentAt.getTime() + m.ackHours * HOUR) : null;
  const answered = m.state === 'assigned' || m.state === 'closed';
  await db.insert(referrals).values({
    networkId: from.networkId,
    organizationId: from.organizationId,
    clientId: client.id,
    consentId: consent!.id,
    fromProgramId: from.id,
    toProgramId: to.id,
    toOrganizationId: to.organizationId,
    createdBy,
    state: m.state,
    insuranceConfirmed: m.state !== 'draft',
    sentAt,
    assignedAt: answered ? ackAt : null,
    acknowledgedAt: ackAt,
    refusalReason: m.refusalReason ?? null,
    serviceStatus: m.serviceStatus ?? null,
    closedAt: m.state === 'closed' ? ackAt : null,
    createdAt: sentAt ?? new Date('2025-03-15T12:00:00Z'),
  });
}

describe(`referral reports on ${testDriver} (MT-15)`, () => {
  let app: App;
  let db: Db;
  let t: Pair;
  let a2: TestProgram;
  const c = {} as Record<'a' | 'b' | 'providerB' | 'admin' | 'noReferrals', string>;
  const org = {} as Record<'a' | 'b', string>;

  const get = (cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const report = async <K extends keyof Rows>(cookie: string, kind: K, period = MARCH): Promise<Answer<K>> => {
    const res = await get(cookie, `/api/reports/referrals/${kind}?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const fieldsOf = async (cookie: string, url: string) => {
    const res = await get(cookie, url);
    expect(res.statusCode, res.body).toBe(400);
    return res.json().errors.map((e: { field: string }) => e.field);
  };

  beforeAll(async () => {
    db = (await testDatabase()).db;
    app = await buildTestApp();
    t = await makeTenantPair(db, 'default');
    a2 = await makeProgram(db, { id: t.a.organizationId, networkId: t.network.id });
    for (const side of ['a', 'b'] as const) {
      const [row] = await db.select().from(organizations).where(eq(organizations.id, t[side].organizationId));
      org[side] = row!.name;
    }
    const [ab, ba] = [
      (m: Made) => refer(db, t.a, t.b, t.adminA.id, m),
      (m: Made) => refer(db, t.b, t.a, t.adminB.id, m),
    ];
    // A → B in March: acknowledged after 1, 2, 4, 10 and 30 hours, and one never (on the last evening).
    await ab({ state: 'assigned', sentAt: '2025-03-01T00:00:00Z', ackHours: 2 });
    await ab({ state: 'refused', sentAt: '2025-03-05T09:00:00Z', ackHours: 4, refusalReason: 'no_capacity' });
    await ab({ state: 'closed', sentAt: '2025-03-10T09:00:00Z', ackHours: 10, serviceStatus: 'closed_successful' });
    await ab({ state: 'assigned', sentAt: '2025-03-12T09:00:00Z', ackHours: 30, serviceStatus: 'enrolled' });
    await ab({ state: 'refused', sentAt: '2025-03-20T09:00:00Z', ackHours: 1, refusalReason: 'other' });
    await ab({ state: 'sent', sentAt: '2025-03-31T23:30:00Z' });
    // Outside March, or never sent: not counted.
    await ab({ state: 'sent', sentAt: '2025-02-28T23:59:59Z' });
    await ab({ state: 'assigned', sentAt: '2025-04-01T00:00:00Z', ackHours: 1 });
    await ab({ state: 'draft' });
    // B → A (one answered after 5 hours, one waiting) and B → A's other program.
    await ba({ state: 'assigned', sentAt: '2025-03-03T10:00:00Z', ackHours: 5 });
    await ba({ state: 'sent', sentAt: '2025-03-04T10:00:00Z' });
    await refer(db, t.b, a2, t.adminB.id, { state: 'sent', sentAt: '2025-03-06T10:00:00Z' });
    // Another network's referral, which no one here may count.
    const other = await makeTenantPair(db, 'default');
    await refer(db, other.a, other.b, other.adminA.id, { state: 'sent', sentAt: '2025-03-02T10:00:00Z' });

    c.a = await signIn(app, t.adminA.email);
    c.b = await signIn(app, t.adminB.email);
    c.admin = await signIn(app, t.networkAdmin.email);
    c.providerB = await signIn(app, (await makeUser(db, [[t.b, ['mt_provider']]])).email);
    c.noReferrals = await signIn(app, (await makeUser(db, [[t.b, ['hp_provider_staff']]])).email);
  });
  afterAll(() => app.close());

  it('MT-15: referral delays give the received count, median and 90th percentile hours, and the unanswered', async () => {
    const r = await report(c.b, 'delays');
    expect(r).toMatchObject({ kind: 'delays', from: '2025-03-01', to: '2025-03-31', scope: 'program', referrals: 6 });
    // Hours 1, 2, 4, 10, 30: the median is 4; the 90th percentile lies 60% of the way from 10 to 30.
    expect(r.rows).toEqual([
      {
        program: { id: t.b.id, name: t.b.name, organizationName: org.b },
        referrals: 6,
        acknowledged: 5,
        unacknowledged: 1,
        medianHours: 4,
        p90Hours: 22,
      },
    ]);
    expect((await report(c.a, 'delays')).rows).toEqual([
      expect.objectContaining({ referrals: 2, acknowledged: 1, unacknowledged: 1, medianHours: 5, p90Hours: 5 }),
    ]);
  });

  it('MT-15: referral outcomes count received referrals by state and service status, refused ones by reason', async () => {
    const r = await report(c.b, 'outcomes');
    expect(r.referrals).toBe(6);
    expect(r.rows.map((o) => [o.stateLabel, o.detailLabel, o.count])).toEqual([
      ['Sent, not yet assigned', null, 1],
      ['Assigned', 'Enrolled in services', 1],
      ['Assigned', 'No service status yet', 1],
      ['Refused', 'No capacity at this time', 1],
      ['Refused', 'Other', 1],
      ['Closed', 'Closed - Successful completion', 1],
    ]);
    expect(r.rows[3]).toMatchObject({ state: 'refused', detail: 'no_capacity' });
  });

  it('MT-15: referrals from agency count what the program sent, by receiving program and state', async () => {
    const fromA = await report(c.a, 'from-agency');
    expect(fromA.rows).toEqual([
      {
        fromProgram: { id: t.a.id, name: t.a.name, organizationName: org.a },
        toProgram: { id: t.b.id, name: t.b.name, organizationName: org.b },
        sent: 1,
        assigned: 2,
        refused: 2,
        closed: 1,
        total: 6,
      },
    ]);
    const fromB = await report(c.b, 'from-agency');
    expect(fromB.rows.map((f) => [f.toProgram.id, f.sent, f.assigned, f.total])).toEqual([
      [t.a.id, 1, 1, 2],
      [a2.id, 1, 0, 1],
    ]);
  });

  it('MT-15: referrals to agency count what the program received, by sending program and state', async () => {
    const toB = await report(c.b, 'to-agency');
    expect(toB.rows).toEqual([expect.objectContaining({ sent: 1, assigned: 2, refused: 2, closed: 1, total: 6 })]);
    expect(toB.rows[0]?.fromProgram.id).toBe(t.a.id);
    // A's other program received one from B: not A's number.
    const toA = await report(c.a, 'to-agency');
    expect(toA.rows.map((f) => [f.fromProgram.id, f.toProgram.id, f.total])).toEqual([[t.b.id, t.a.id, 2]]);
  });

  it('MT-15: each program gets only its own numbers; the network administrator gets every program of the network', async () => {
    expect(await report(c.providerB, 'delays')).toEqual(await report(c.b, 'delays'));
    const delays = await report(c.admin, 'delays');
    expect(delays.scope).toBe('network');
    const byProgram = Object.fromEntries(delays.rows.map((d) => [d.program.id, d.referrals]));
    expect(byProgram).toEqual({ [t.a.id]: 2, [t.b.id]: 6, [a2.id]: 1 });
    const flows = await report(c.admin, 'from-agency');
    expect(flows.referrals).toBe(9);
    expect(flows.rows).toHaveLength(3);
    expect((await report(c.admin, 'outcomes')).referrals).toBe(9);
    expect((await report(c.a, 'delays', 'from=2025-04-01&to=2025-04-30')).rows).toEqual([]);
  });

  it('MT-15: the page gets a report a page of rows at a time, with the whole report counted; the downloads hold every row', async () => {
    const page = async <K extends 'delays' | 'from-agency'>(kind: K, limit: number, offset: number) => {
      const res = await get(c.admin, `/api/reports/referrals/${kind}?${MARCH}&limit=${limit}&offset=${offset}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Answer<K> & { rowCount: number };
    };
    for (const kind of ['delays', 'from-agency'] as const) {
      const whole = await report(c.admin, kind);
      expect(whole).toMatchObject({ rowCount: 3, referrals: 9 });
      const first = await page(kind, 2, 0);
      const second = await page(kind, 2, 2);
      // Each page counts the whole report, and the pages follow the report's order without gap or overlap.
      expect([first, second].map((p) => [p.rowCount, p.referrals, p.rows.length])).toEqual([
        [3, 9, 2],
        [3, 9, 1],
      ]);
      expect([...first.rows, ...second.rows]).toEqual(whole.rows);
      // A page past the end is empty, and still tells how long the report is.
      expect(await page(kind, 2, 10)).toMatchObject({ rows: [], rowCount: 3, referrals: 9 });
      const csv = parseCsv(
        (await get(c.admin, `/api/reports/referrals/${kind}?${MARCH}&format=csv&limit=1`)).body.slice(1),
      );
      expect(csv.length - 1).toBe(3);
    }
    // Outcomes are a few dozen rows at most (states × statuses and reasons): all of them, always.
    const outcomes = (await report(c.admin, 'outcomes')) as Answer<'outcomes'> & { rowCount: number };
    expect([outcomes.referrals, outcomes.rowCount]).toEqual([9, outcomes.rows.length]);
  });

  it('MT-15: the CSV download has the rows of the report, and is audited', async () => {
    const before = (await auditOf(db, t.network.id)).filter((e) => e.action === 'report.export').length;
    await report(c.b, 'delays');
    const res = await get(c.b, `/api/reports/referrals/delays?${MARCH}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="referrals-delays-2025-03-01-to-2025-03-31.csv"',
    );
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(res.body.slice(1))).toEqual([
      [
        'Receiving program',
        'Organization',
        'Referrals sent',
        'Acknowledged',
        'Not yet acknowledged',
        'Median hours to acknowledge',
        '90th percentile hours to acknowledge',
      ],
      [t.b.name, org.b, '6', '5', '1', '4', '22'],
    ]);
    const outcomes = parseCsv((await get(c.b, `/api/reports/referrals/outcomes?${MARCH}&format=csv`)).body.slice(1));
    expect(outcomes[0]).toEqual(['State', 'Service status or refusal reason', 'Referrals']);
    expect(outcomes.slice(1, 3)).toEqual([
      ['Sent, not yet assigned', '', '1'],
      ['Assigned', 'Enrolled in services', '1'],
    ]);
    const exports = (await auditOf(db, t.network.id)).filter((e) => e.action === 'report.export');
    // The page's own read is not a download: only the two files are.
    expect(exports).toHaveLength(before + 2);
    expect(exports.at(-2)).toMatchObject({
      actorUserId: t.adminB.id,
      actingProgramId: t.b.id,
      details: {
        report: 'referrals/delays',
        format: 'csv',
        from: '2025-03-01',
        to: '2025-03-31',
        scope: 'program',
        rows: 1,
      },
    });
  });

  it('MT-15: the Excel download reads back with the same rows, counts as numbers', async () => {
    const res = await get(c.a, `/api/reports/referrals/to-agency?${MARCH}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Report')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(sheet.rowCount).toBe(2);
    expect(values(1)).toEqual([
      'From program',
      'From organization',
      'Sent, not yet assigned',
      'Assigned',
      'Refused',
      'Closed',
      'Total',
    ]);
    expect(values(2)).toEqual([t.b.name, org.b, 1, 1, 0, 0, 2]);
    const network = new ExcelJS.Workbook();
    await network.xlsx.load(
      (await get(c.admin, `/api/reports/referrals/from-agency?${MARCH}&format=xlsx`)).rawPayload as never,
    );
    const rows = network.getWorksheet('Report')!;
    expect((rows.getRow(1).values as unknown[]).slice(1, 5)).toEqual([
      'From program',
      'From organization',
      'To program',
      'To organization',
    ]);
    expect(rows.rowCount).toBe(4);
    const audited = (await auditOf(db, t.network.id)).filter((e) => e.action === 'report.export').at(-1);
    expect(audited).toMatchObject({ actorUserId: t.networkAdmin.id, details: { format: 'xlsx', scope: 'network' } });
  });

  it('MT-15: a bad period or report answers 400 naming the field; referrals:read is needed', async () => {
    const url = (q: string, kind = 'delays') => `/api/reports/referrals/${kind}?${q}`;
    expect(await fieldsOf(c.b, url('from=2025-03-31&to=2025-03-01'))).toEqual(['query.to']);
    expect(await fieldsOf(c.b, url('from=2024-01-01&to=2025-01-01'))).toEqual(['query.to']);
    expect((await get(c.b, url('from=2024-01-01&to=2024-12-31'))).statusCode).toBe(200);
    expect(await fieldsOf(c.b, url('from=yesterday&to=2025-03-01'))).toEqual(['query.from']);
    expect(await fieldsOf(c.b, url('to=2025-03-01'))).toEqual(['query.from']);
    expect(await fieldsOf(c.b, url(MARCH, 'payments'))).toEqual(['params.kind']);
    expect(await fieldsOf(c.b, url(`${MARCH}&format=pdf`))).toEqual(['query.format']);
    expect(await fieldsOf(c.b, url(`${MARCH}&limit=0`))).toEqual(['query.limit']);
    expect(await fieldsOf(c.b, url(`${MARCH}&limit=501`))).toEqual(['query.limit']);
    expect(await fieldsOf(c.b, url(`${MARCH}&offset=-1`))).toEqual(['query.offset']);
    expect((await get(c.noReferrals, url(MARCH))).statusCode).toBe(403);
  });
});
