import { DEFAULT_REFUSAL_REASONS } from '@portico/shared';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { ManualClock } from '../../platform/clock/clock.js';
import { actAs, buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeClient, makeTenantPair } from '../../test/factories.js';
import { auditOf, isoDay } from '../../test/helpers.js';
import { privateDatabase } from '../../test/private-db.js';
import { sentIn } from '../../test/sweeps.js';
import { networks } from '../networks/networks.table.js';
import { notifications } from '../notifications/notifications.table.js';
import { endOfBusinessDaysAfter, isStale } from './referrals.rules.js';
import { sweepStaleReferrals } from './referrals.stale.js';
import { referrals } from './referrals.table.js';

type Method = 'GET' | 'POST' | 'PATCH';
type Reason = { code: string; label: string; requiresText: boolean };

const SETTINGS = '/api/network/referral-settings';
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

/**
 * One network (default preset: no agreements to sign) seen through the API: its administrator, the
 * gatekeepers of programs A (sending) and B (receiving), and referrals from A to B.
 */
async function world(app: App, db: Db) {
  const t = await makeTenantPair(db, 'default');
  const cookies = {
    admin: await actAs(app, t.networkAdmin.email, t.office.id),
    a: await signIn(app, t.adminA.email),
    b: await signIn(app, t.adminB.email),
  };
  const call = async (cookie: string, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const ok = async (res: Promise<LightMyRequestResponse>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json();
  };
  /** A referral of a new client with a signed consent naming B, sent from A to B. */
  async function sent(): Promise<string> {
    const client = await makeClient(db, t.a);
    const name = `${client.firstName} ${client.lastName}`;
    const consent = await ok(
      call(cookies.a, 'POST', '/api/consents', {
        clientId: client.id,
        programIds: [t.b.id],
        infoTypes: ['needs'],
        authorizerKind: 'client',
        authorizerName: name,
      }),
      201,
    );
    await ok(call(cookies.a, 'POST', `/api/consents/${consent.id}/esign`, { signerName: name, confirm: true }));
    const draft = await ok(
      call(cookies.a, 'POST', '/api/referrals', { clientId: client.id, toProgramId: t.b.id, reason: 'Housing' }),
      201,
    );
    await ok(call(cookies.a, 'POST', `/api/referrals/${draft.id}/send`, { insuranceConfirmed: true }));
    return draft.id;
  }
  const refuse = (id: string, payload: object) => call(cookies.b, 'POST', `/api/referrals/${id}/refuse`, payload);
  const settings = (cookie: string, payload: object) => call(cookie, 'PATCH', SETTINGS, payload);
  const policy = async () => (await db.select().from(networks).where(eq(networks.id, t.network.id)))[0]!.policy;
  return { t, cookies, call, ok, sent, refuse, settings, policy };
}

describe(`referral settings of a network on ${testDriver} (MT-12, MT-16)`, () => {
  let app: App;
  let db: Db;

  beforeAll(async () => {
    db = (await testDatabase()).db;
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('MT-12 / MT-16: any member reads the defaults; the administrator edits reasons and holidays, audited', async () => {
    const w = await world(app, db);
    const initial = await w.ok(w.call(w.cookies.b, 'GET', SETTINGS));
    expect(initial).toEqual({ refusalReasons: DEFAULT_REFUSAL_REASONS, holidays: [] });
    expect(initial.refusalReasons.find((r: Reason) => r.code === 'other')).toEqual({
      code: 'other',
      label: 'Other',
      requiresText: true,
    });

    const reasons = [
      { code: 'no_capacity', label: '  Full for now ', requiresText: false },
      { code: 'no_funding', label: 'No funding this year', requiresText: true },
    ];
    const saved = await w.ok(
      w.settings(w.cookies.admin, { refusalReasons: reasons, holidays: ['2026-12-25', '2026-07-04'] }),
    );
    const expected = {
      refusalReasons: [{ ...reasons[0], label: 'Full for now' }, reasons[1]],
      holidays: ['2026-07-04', '2026-12-25'],
    };
    expect(saved).toEqual(expected);
    expect(await w.ok(w.call(w.cookies.a, 'GET', SETTINGS))).toEqual(expected);
    // One field alone leaves the other as it was; the rest of the policy is untouched.
    expect(await w.ok(w.settings(w.cookies.admin, { holidays: ['2027-01-01'] }))).toEqual({
      ...expected,
      holidays: ['2027-01-01'],
    });
    const policy = await w.policy();
    expect(policy).toMatchObject({ holidays: ['2027-01-01'], refusalReasons: expected.refusalReasons });
    expect(policy.security).toEqual(w.t.network.policy.security);

    const audits = (await auditOf(db, w.t.network.id)).filter((e) => e.action === 'network.referral_settings');
    expect(audits.map((e) => [e.actorUserId, e.entityId, (e.details as { fields: string[] }).fields])).toEqual([
      [w.t.networkAdmin.id, w.t.network.id, ['holidays', 'refusalReasons']],
      [w.t.networkAdmin.id, w.t.network.id, ['holidays']],
    ]);
  });

  it('MT-12 / MT-16: two administrators saving different settings at once both keep their change', async () => {
    const w = await world(app, db);
    const directory = (payload: object) => w.call(w.cookies.admin, 'PATCH', '/api/network/directory', payload);
    for (let round = 0; round < 3; round++) {
      const holidays = [`2027-01-0${round + 1}`];
      const [a, b] = await Promise.all([
        w.settings(w.cookies.admin, { holidays }),
        directory({ requiresAgencyAgreement: round % 2 === 0 }),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      const saved = (await w.policy()) as { holidays?: string[]; requiresAgencyAgreement?: boolean };
      expect([saved.holidays, saved.requiresAgencyAgreement]).toEqual([holidays, round % 2 === 0]);
    }
  });

  it('MT-12: only a network administrator edits them (403), and nothing is saved', async () => {
    const w = await world(app, db);
    const before = await w.policy();
    for (const cookie of [w.cookies.a, w.cookies.b]) {
      const res = await w.settings(cookie, { holidays: ['2026-12-25'] });
      expect(res.statusCode, res.body).toBe(403);
    }
    expect(await w.policy()).toEqual(before);
    expect((await auditOf(db, w.t.network.id)).some((e) => e.action === 'network.referral_settings')).toBe(false);
  });

  it('MT-12 / MT-16: bad input is a 400 naming the field, and nothing is saved', async () => {
    const w = await world(app, db);
    const other = { code: 'other', label: 'Other', requiresText: true };
    const cases: [object, string[]][] = [
      [{}, ['body']],
      [{ refusalReasons: [] }, ['body.refusalReasons']],
      [{ refusalReasons: [other, { ...other, label: 'Something else' }] }, ['body.refusalReasons.1.code']],
      [
        { refusalReasons: [other, { code: 'misc', label: ' other ', requiresText: false }] },
        ['body.refusalReasons.1.label'],
      ],
      [
        { refusalReasons: [other, { code: 'No Funds', label: 'No funds', requiresText: false }] },
        ['body.refusalReasons.1.code'],
      ],
      [{ refusalReasons: [{ code: 'misc', label: '   ', requiresText: false }] }, ['body.refusalReasons.0.label']],
      [{ refusalReasons: [{ code: 'misc', label: 'Misc' }] }, ['body.refusalReasons.0.requiresText']],
      [{ holidays: ['2026-02-30'] }, ['body.holidays.0']],
      [{ holidays: ['2026-12-25', '25/12/2026'] }, ['body.holidays.1']],
      [{ holidays: ['2026-12-25', '2026-01-01', '2026-12-25'] }, ['body.holidays.2']],
      [{ holidays: [], colour: 'red' }, ['body.colour']],
    ];
    const before = await w.policy();
    for (const [payload, named] of cases) {
      const res = await w.settings(w.cookies.admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fields(res.json()), JSON.stringify(payload)).toEqual(named);
    }
    // A valid half does not go through with an invalid one.
    const mixed = await w.settings(w.cookies.admin, { refusalReasons: [other], holidays: ['2026-13-01'] });
    expect(fields(mixed.json())).toEqual(['body.holidays.0']);
    expect(await w.policy()).toEqual(before);
    expect((await w.ok(w.call(w.cookies.b, 'GET', SETTINGS))).refusalReasons).toEqual(DEFAULT_REFUSAL_REASONS);
  });

  it("MT-12: a refusal takes a reason of the network's current list; a custom one's label reaches the sender and the outcomes report", async () => {
    const w = await world(app, db);
    await w.ok(
      w.settings(w.cookies.admin, {
        refusalReasons: [
          { code: 'no_capacity', label: 'Full for now', requiresText: false },
          { code: 'no_funding', label: 'No funding this year', requiresText: true },
          { code: 'other', label: 'Other', requiresText: false },
        ],
      }),
    );
    const [first, second, third] = [await w.sent(), await w.sent(), await w.sent()];

    // A default reason the network removed, or a code it never listed, is not offered any more.
    for (const reason of ['duplicate', 'made_up']) {
      const res = await w.refuse(first, { reason });
      expect(res.statusCode, res.body).toBe(400);
      expect(fields(res.json())).toEqual(['body.reason']);
    }
    expect(fields((await w.refuse(first, { reason: 'Not a code!' })).json())).toEqual(['body.reason']);
    // The custom reason needs words; "Other" no longer does here.
    expect(fields((await w.refuse(first, { reason: 'no_funding', text: '  ' })).json())).toEqual(['body.text']);
    const refused = await w.ok(w.refuse(first, { reason: 'no_funding', text: 'Grant ended in March' }));
    expect(refused).toMatchObject({
      state: 'refused',
      refusalReason: 'no_funding',
      refusalText: 'Grant ended in March',
    });
    await w.ok(w.refuse(second, { reason: 'no_capacity' }));
    await w.ok(w.refuse(third, { reason: 'other' }));

    const notices = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.t.adminA.id), eq(notifications.kind, 'referral.refused')));
    expect(notices.find((n) => n.link === `/referrals/${first}`)?.body).toBe(
      'Reason: No funding this year — Grant ended in March.',
    );
    expect(notices.find((n) => n.link === `/referrals/${second}`)?.body).toBe('Reason: Full for now.');
    const detail = await w.ok(w.call(w.cookies.a, 'GET', `/api/referrals/${first}`));
    expect(detail.timeline.find((e: { kind: string }) => e.kind === 'refused')?.data).toEqual({
      reason: 'no_funding',
      label: 'No funding this year',
    });

    const report = await w.ok(
      w.call(w.cookies.b, 'GET', `/api/reports/referrals/outcomes?from=${isoDay(-1)}&to=${isoDay(1)}`),
    );
    expect(report.rows.map((r: { detail: string; detailLabel: string }) => [r.detail, r.detailLabel]).sort()).toEqual([
      ['no_capacity', 'Full for now'],
      ['no_funding', 'No funding this year'],
      ['other', 'Other'],
    ]);
  });

  it('MT-12 / MT-15: referrals refused for a reason removed since still report a label: the shared one, else the code', async () => {
    const w = await world(app, db);
    await w.ok(
      w.settings(w.cookies.admin, {
        refusalReasons: [
          ...DEFAULT_REFUSAL_REASONS.map((r) => (r.code === 'no_capacity' ? { ...r, label: 'Full for now' } : r)),
          { code: 'no_funding', label: 'No funding this year', requiresText: false },
        ],
      }),
    );
    const [funding, capacity] = [await w.sent(), await w.sent()];
    await w.ok(w.refuse(funding, { reason: 'no_funding' }));
    await w.ok(w.refuse(capacity, { reason: 'no_capacity' }));
    await w.ok(
      w.settings(w.cookies.admin, { refusalReasons: [{ code: 'other', label: 'Other', requiresText: true }] }),
    );

    const report = await w.ok(
      w.call(w.cookies.b, 'GET', `/api/reports/referrals/outcomes?from=${isoDay(-1)}&to=${isoDay(1)}`),
    );
    expect(report.rows.map((r: { detail: string; detailLabel: string }) => [r.detail, r.detailLabel]).sort()).toEqual([
      ['no_capacity', 'No capacity at this time'],
      ['no_funding', 'no_funding'],
    ]);
    // The CSV download says the same.
    const csv = await w.call(
      w.cookies.b,
      'GET',
      `/api/reports/referrals/outcomes?from=${isoDay(-1)}&to=${isoDay(1)}&format=csv`,
    );
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('No capacity at this time');
    // The referral itself keeps its code, and its timeline the words of the day it was refused.
    const detail = await w.ok(w.call(w.cookies.a, 'GET', `/api/referrals/${funding}`));
    expect(detail.refusalReason).toBe('no_funding');
    expect(detail.timeline.find((e: { kind: string }) => e.kind === 'refused')?.data.label).toBe(
      'No funding this year',
    );
  });
});

// MT-16 sweeps touch every referral of the database: on PostgreSQL, where workers share one, this runs
// on a private one (PGlite's is the worker's own already), in January 2021 like referrals.stale.int.test.ts.
describe(`holidays set by the network administrator on ${testDriver} (MT-16)`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  let app: App;
  // Friday 8 January 2021, 15:00 UTC: the referrals are sent then.
  const clock = new ManualClock(new Date('2021-01-08T15:00:00Z'));

  beforeAll(async () => {
    ({ database, drop } = await privateDatabase());
    app = await buildTestApp({ database, clock });
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('MT-16: a holiday set through the API makes the stale job wait a day', async () => {
    const db = database.db;
    const [plain, holiday] = [await world(app, db), await world(app, db)];
    await holiday.ok(holiday.settings(holiday.cookies.admin, { holidays: ['2021-01-11'] }));
    const [r1, r2] = [await plain.sent(), await holiday.sent()];
    // The notices the sweep sent for one network's stale referrals: their links, in-app and by mail.
    const stale = async (networkId: string) => {
      const { notes, mails } = await sentIn(db, networkId, 'referral.stale', 'is waiting');
      return { links: [...new Set(notes.map((n) => n.link))], mails: mails.length };
    };
    const sweepAt = (iso: string) => sweepStaleReferrals(db, new ManualClock(new Date(iso)));

    // Without holidays, the end of the next business day is the end of Monday the 11th.
    await sweepAt('2021-01-12T00:00:00Z');
    expect(await stale(plain.t.network.id)).toEqual({ links: [`/referrals/${r1}`], mails: 2 });
    expect(await stale(holiday.t.network.id)).toEqual({ links: [], mails: 0 });
    // Monday is the other network's holiday: its referral waits for Tuesday to end.
    await sweepAt('2021-01-12T23:59:00Z');
    expect(await stale(holiday.t.network.id)).toEqual({ links: [], mails: 0 });
    await sweepAt('2021-01-13T00:00:00Z');
    expect(await stale(holiday.t.network.id)).toEqual({ links: [`/referrals/${r2}`], mails: 2 });
  });

  it('MT-16: the lists and the referral page flag stale in the network’s business days, its holidays skipped', async () => {
    const db = database.db;
    const w = await world(app, db);
    const id = await w.sent();
    // The latest hour to send at that is stale by now without holidays: its next business day just ended.
    const now = clock.now().getTime();
    let sentAt = new Date(now - 3_600_000);
    const stale = (at: Date, holidays?: Set<string>) =>
      isStale({ state: 'sent', sentAt: at, acknowledgedAt: null, lastActivityAt: at }, new Date(now), holidays);
    while (!stale(sentAt)) sentAt = new Date(sentAt.getTime() - 3_600_000);
    const deadline = endOfBusinessDaysAfter(sentAt, 1);
    const holiday = new Date(deadline.getTime() - 86_400_000).toISOString().slice(0, 10);
    expect(stale(sentAt, new Set([holiday]))).toBe(false);
    await db.update(referrals).set({ createdAt: sentAt, sentAt, lastActivityAt: sentAt }).where(eq(referrals.id, id));
    const flags = async () => {
      const received = await w.ok(w.call(w.cookies.b, 'GET', '/api/referrals?box=received'));
      const sent = await w.ok(w.call(w.cookies.a, 'GET', '/api/referrals?box=sent'));
      const detail = await w.ok(w.call(w.cookies.b, 'GET', `/api/referrals/${id}`));
      const flag = (page: { items: { id: string; stale: boolean }[] }) => page.items.find((i) => i.id === id)?.stale;
      return [flag(received), flag(sent), detail.stale];
    };
    expect(await flags()).toEqual([true, true, true]);
    await w.ok(w.settings(w.cookies.admin, { holidays: [holiday] }));
    expect(await flags()).toEqual([false, false, false]);
  });
});
