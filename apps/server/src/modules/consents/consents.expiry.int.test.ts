import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { DAY, HOUR, ManualClock } from '../../platform/clock/clock.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeClient, makeTenantPair, makeUser, type TestProgram } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';
import { concurrentSweeps, runRecurringJob, sentIn } from '../../test/sweeps.js';
import { memberships } from '../memberships/memberships.table.js';
import { CONSENT_EXPIRY_JOB, registerConsentExpiryJob, sweepConsents } from './consents.expiry.js';

type Method = 'GET' | 'POST';

// MT-10 validity: a consent lasts a year; the sweep marks it expired, and 30 days before, the
// program that started it hears once (in-app and by mail) so it can collect a new one in time.
// Sweeps run at the real present: they touch every consent of the database, and another test's
// consents must not expire early because of ours.
describe(`consent expiry sweep on ${testDriver} (MT-10)`, () => {
  const clock = new ManualClock();
  let app: App;
  let database: Database;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp({ clock });
  });
  afterAll(() => app.close());

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const at = (moment: Date) => new ManualClock(moment);

  /** A network whose program A has two consent writers (gatekeeper, provider) and a reader. */
  async function network() {
    const t = await makeTenantPair(database.db, 'default');
    const provider = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const reader = await makeUser(database.db, [[t.a, ['ncc_read_only']]]);
    return { ...t, provider, reader };
  }

  /** A consent from program A naming B, e-signed through the API at `signedAt`. */
  async function signedAt(t: { a: TestProgram; b: TestProgram; adminA: { email: string } }, moment: Date) {
    const back = clock.now();
    clock.set(moment);
    try {
      const a = await signIn(app, t.adminA.email);
      const client = await makeClient(database.db, t.a);
      const name = `${client.firstName} ${client.lastName}`;
      const created = await call(a, 'POST', '/api/consents', {
        clientId: client.id,
        programIds: [t.b.id],
        infoTypes: ['demographics'],
        authorizerKind: 'client',
        authorizerName: name,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;
      const signed = await call(a, 'POST', `/api/consents/${id}/esign`, { signerName: name, confirm: true });
      expect(signed.statusCode, signed.body).toBe(200);
      return { id, clientId: client.id };
    } finally {
      clock.set(back);
    }
  }
  const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

  /** What the sweep sent about consents of one network. */
  const sent = (networkId: string) => sentIn(database.db, networkId, 'consent.expiring', 'consent expires');

  it('MT-10: a consent past its year becomes expired (audited); one still within its year and a revoked one are left alone', async () => {
    const now = new Date();
    clock.set(now);
    const t = await network();
    const old = await signedAt(t, daysAgo(now, 366));
    const fresh = await signedAt(t, daysAgo(now, 364));
    const revoked = await signedAt(t, daysAgo(now, 400));
    clock.set(daysAgo(now, 200));
    const revokedAt = await call(await signIn(app, t.adminA.email), 'POST', `/api/consents/${revoked.id}/revoke`, {
      reason: 'client asked',
    });
    expect(revokedAt.statusCode, revokedAt.body).toBe(200);
    clock.set(now);
    const a = await signIn(app, t.adminA.email);
    const get = async (id: string) => (await call(a, 'GET', `/api/consents/${id}`)).json();
    // Past its year it already grants nothing; the sweep only records that.
    expect(await get(old.id)).toMatchObject({ status: 'signed', valid: false });

    const result = await sweepConsents(database.db, at(now));
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(await get(old.id)).toMatchObject({ status: 'expired', valid: false });
    expect(await get(fresh.id)).toMatchObject({ status: 'signed', valid: true });
    expect(await get(revoked.id)).toMatchObject({
      status: 'revoked',
      revokeReason: 'client asked',
      revokedAt: revokedAt.json().revokedAt,
    });
    const expiries = (await auditOf(database.db, t.network.id)).filter((e) => e.action === 'consent.expire');
    expect(expiries.map((e) => e.entityId)).toEqual([old.id]);
    expect(expiries[0]).toMatchObject({ actorUserId: null, entityType: 'consent' });

    await sweepConsents(database.db, at(now));
    expect((await auditOf(database.db, t.network.id)).filter((e) => e.action === 'consent.expire')).toHaveLength(1);
  });

  it("MT-10: 30 days before expiry the creating program's consent writers get one notification and one mail each, linking the consent; never twice; 31 days is too early", async () => {
    const now = new Date();
    clock.set(now);
    const t = await network();
    const due = await signedAt(t, new Date(daysAgo(now, 365 - 30).getTime() - HOUR));
    const early = await signedAt(t, daysAgo(now, 365 - 31));

    await sweepConsents(database.db, at(now));
    const first = await sent(t.network.id);
    const writers = [t.adminA, t.provider];
    expect(first.notes.map((n) => n.userId).sort()).toEqual(writers.map((u) => u.id).sort());
    expect(first.mails.map((m) => m.to).sort()).toEqual(writers.map((u) => u.email).sort());
    for (const n of first.notes) expect(n.link).toBe(`/consents/${due.id}`);
    for (const m of first.mails) expect(m.body).toContain(`/consents/${due.id}`);
    expect(JSON.stringify(first)).not.toContain(early.id);

    await sweepConsents(database.db, at(now));
    const second = await sent(t.network.id);
    expect([second.notes.length, second.mails.length]).toEqual([2, 2]);
    const notices = (await auditOf(database.db, t.network.id)).filter((e) => e.action === 'consent.expiry_notice');
    expect(notices.map((e) => e.entityId)).toEqual([due.id]);
    expect(notices[0]?.details).toEqual({ recipients: 2 });

    // The writers see it in their notification list; program B and the reader got nothing.
    const list = await call(await signIn(app, t.provider.email), 'GET', '/api/notifications');
    expect(list.statusCode, list.body).toBe(200);
    expect(JSON.stringify(list.json())).toContain(`/consents/${due.id}`);
    for (const u of [t.adminB, t.reader, t.networkAdmin]) {
      expect(second.notes.some((n) => n.userId === u.id)).toBe(false);
      expect(second.mails.some((m) => m.to === u.email)).toBe(false);
    }
  });

  it("MT-10: a program with nobody left who may write consents: the network's administrators hear instead, each once", async () => {
    const now = new Date();
    clock.set(now);
    const t = await network();
    const due = await signedAt(t, daysAgo(now, 365 - 20));
    // A second administrator, a member of two programs (with different regions), is one recipient.
    const admin2 = await makeUser(database.db, [
      [t.office, ['network_admin']],
      [t.b, ['network_admin']],
    ]);
    await database.db
      .update(memberships)
      .set({ regions: ['Norfolk'] })
      .where(and(eq(memberships.userId, admin2.id), eq(memberships.programId, t.b.id)));
    // Program A's writers leave: its gatekeeper's and its provider's memberships end.
    await database.db
      .update(memberships)
      .set({ endsAt: daysAgo(now, 1) })
      .where(and(eq(memberships.programId, t.a.id), eq(memberships.networkId, t.network.id)));

    await sweepConsents(database.db, at(now));
    const out = await sent(t.network.id);
    const admins = [t.networkAdmin, admin2];
    expect(out.notes.map((n) => n.userId).sort()).toEqual(admins.map((u) => u.id).sort());
    expect(out.mails.map((m) => m.to).sort()).toEqual(admins.map((u) => u.email).sort());
    for (const n of out.notes) expect(n.link).toBe(`/consents/${due.id}`);
    const notices = (await auditOf(database.db, t.network.id)).filter((e) => e.action === 'consent.expiry_notice');
    expect(notices.map((e) => [e.entityId, e.details])).toEqual([[due.id, { recipients: 2 }]]);
  });

  it('MT-10: eight sweeps at once, on two connections where the database allows, send exactly one notice', async () => {
    const now = new Date();
    clock.set(now);
    const t = await makeTenantPair(database.db, 'default');
    const due = await signedAt(t, daysAgo(now, 365 - 10));
    const results = await concurrentSweeps(database, 8, (db) => sweepConsents(db, at(now)));
    expect(results.reduce((n, r) => n + r.noticed, 0)).toBeGreaterThanOrEqual(1);
    const out = await sent(t.network.id);
    expect(out.notes.map((n) => [n.userId, n.link])).toEqual([[t.adminA.id, `/consents/${due.id}`]]);
    expect(out.mails.map((m) => m.to)).toEqual([t.adminA.email]);
  });

  it('MT-10: registerConsentExpiryJob schedules the sweep nightly on the job queue, and a run of it sends the notice', async () => {
    const now = new Date();
    clock.set(now);
    const t = await network();
    const due = await signedAt(t, daysAgo(now, 365 - 5));
    const schedule = await runRecurringJob(database, CONSENT_EXPIRY_JOB, (queue) =>
      registerConsentExpiryJob(queue, { db: database.db, clock: at(now) }),
    );
    expect(schedule).toMatchObject({ cron: '15 2 * * *' });
    const out = await sent(t.network.id);
    expect(out.notes.map((n) => n.link)).toEqual([`/consents/${due.id}`, `/consents/${due.id}`]);
    expect(out.mails).toHaveLength(2);
  });
});
