import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { DAY, HOUR, ManualClock } from '../../platform/clock/clock.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeClient, makeTenantPair, makeUser } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';
import { concurrentSweeps, runRecurringJob, sentIn } from '../../test/sweeps.js';
import { consentPrograms, consents } from '../consents/consents.table.js';
import { registerStaleReferralJob, STALE_REFERRAL_JOB, sweepStaleReferrals } from './referrals.stale.js';
import { referrals } from './referrals.table.js';

// MT-16: a sent referral nobody acknowledged by the end of the next business day, or an open one with no
// update for five business days, is surfaced once to the receiving gatekeepers and the sender. Sweeps
// touch every referral of the database; they run in January 2021 (Friday the 8th, Monday the 11th), long
// before any other test's referrals, so none of those is swept by ours.
describe(`stale referral sweep on ${testDriver} (MT-16)`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });

  const at = (iso: string) => new Date(iso);
  const sweepAt = (iso: string, db = database.db) => sweepStaleReferrals(db, new ManualClock(at(iso)));

  /** Program A sends (its provider), program B receives: two gatekeepers and a provider. */
  async function network() {
    const t = await makeTenantPair(database.db, 'default');
    const sender = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const gatekeeper2 = await makeUser(database.db, [[t.b, ['mt_gatekeeper']]]);
    const providerB = await makeUser(database.db, [[t.b, ['mt_provider']]]);
    return { ...t, sender, gatekeeper2, providerB };
  }
  type Net = Awaited<ReturnType<typeof network>>;

  /** A referral from A to B on a signed consent naming both, written as the steps leave it. */
  async function referral(t: Net, fields: Partial<typeof referrals.$inferInsert>) {
    const client = await makeClient(database.db, t.a);
    const name = `${client.firstName} ${client.lastName}`;
    const signedAt = at('2020-12-01T12:00:00Z');
    const [consent] = await database.db
      .insert(consents)
      .values({
        networkId: t.network.id,
        organizationId: t.a.organizationId,
        clientId: client.id,
        createdByProgramId: t.a.id,
        createdBy: t.sender.id,
        status: 'signed',
        infoTypes: ['needs'],
        authorizerKind: 'client',
        authorizerName: name,
        method: 'esign',
        signerName: name,
        signedAt,
        expiresAt: new Date(signedAt.getTime() + 365 * DAY),
      })
      .returning();
    await database.db.insert(consentPrograms).values(
      [t.a, t.b].map((p) => ({
        consentId: consent!.id,
        programId: p.id,
        organizationId: p.organizationId,
        networkId: t.network.id,
      })),
    );
    const [row] = await database.db
      .insert(referrals)
      .values({
        networkId: t.network.id,
        organizationId: t.a.organizationId,
        clientId: client.id,
        consentId: consent!.id,
        fromProgramId: t.a.id,
        toProgramId: t.b.id,
        toOrganizationId: t.b.organizationId,
        createdBy: t.sender.id,
        insuranceConfirmed: true,
        ...fields,
      })
      .returning();
    return row!;
  }
  const sentAt = (iso: string) => ({ state: 'sent', sentAt: at(iso), lastActivityAt: at(iso), createdAt: at(iso) });
  const assignedAt = (iso: string, userId: string) => ({
    ...sentAt(iso),
    state: 'assigned',
    sentAt: new Date(at(iso).getTime() - HOUR),
    assignedTo: userId,
    assignedAt: at(iso),
    acknowledgedAt: at(iso),
  });

  /** What the sweeps sent about one network's stale referrals. */
  async function notices(networkId: string) {
    const audits = (await auditOf(database.db, networkId)).filter((e) => e.action === 'referral.stale_notice');
    return { ...(await sentIn(database.db, networkId, 'referral.stale', 'is waiting')), audits };
  }
  const recipients = (t: Net) => [t.adminB, t.gatekeeper2, t.sender];
  const ids = (people: { id: string }[]) => people.map((p) => p.id).sort();

  it('MT-16: sent on Friday and not acknowledged, it is stale only after Monday ends; the gatekeepers and the sender hear once, in-app and by mail, audited', async () => {
    const t = await network();
    const r = await referral(t, sentAt('2021-01-08T15:00:00Z'));

    for (const moment of ['2021-01-09T12:00:00Z', '2021-01-11T09:00:00Z', '2021-01-11T23:59:00Z']) {
      await sweepAt(moment);
      expect((await notices(t.network.id)).notes, moment).toEqual([]);
    }
    await sweepAt('2021-01-12T00:00:00Z');
    const first = await notices(t.network.id);
    expect(first.notes.map((n) => n.userId).sort()).toEqual(ids(recipients(t)));
    expect(first.mails.map((m) => m.to).sort()).toEqual(
      recipients(t)
        .map((u) => u.email)
        .sort(),
    );
    for (const n of first.notes) expect(n.link).toBe(`/referrals/${r.id}`);
    for (const m of first.mails) expect(m.body).toContain(`/referrals/${r.id}`);
    expect(first.notes[0]?.body).toContain('not been acknowledged');
    expect(first.audits.map((e) => [e.entityId, e.actorUserId, e.details])).toEqual([
      [r.id, null, { reason: 'not_acknowledged', recipients: 3 }],
    ]);
    const [row] = await database.db.select().from(referrals).where(eq(referrals.id, r.id));
    expect(row?.staleNotifiedAt).toEqual(at('2021-01-12T00:00:00Z'));

    // A second sweep, later still, sends nothing: the quiet spell was notified.
    await sweepAt('2021-01-12T01:00:00Z');
    await sweepAt('2021-01-14T10:00:00Z');
    const second = await notices(t.network.id);
    expect([second.notes.length, second.mails.length, second.audits.length]).toEqual([3, 3, 1]);
  });

  it('MT-16: assigned with no update for five business days, it is notified after the fifth ends; refused, closed and drafts never are', async () => {
    const t = await network();
    const r = await referral(t, assignedAt('2021-01-11T10:00:00Z', t.providerB.id));
    for (const state of ['refused', 'closed', 'draft']) {
      await referral(t, { ...sentAt('2021-01-04T10:00:00Z'), state });
    }
    await sweepAt('2021-01-18T23:59:00Z');
    expect((await notices(t.network.id)).notes).toEqual([]);
    await sweepAt('2021-01-19T00:00:00Z');
    const out = await notices(t.network.id);
    expect(out.notes.map((n) => n.userId).sort()).toEqual(ids(recipients(t)));
    expect(new Set(out.notes.map((n) => n.link))).toEqual(new Set([`/referrals/${r.id}`]));
    expect(out.notes[0]?.body).toContain('no update since 2021-01-11');
    expect(out.audits.map((e) => e.details)).toEqual([{ reason: 'no_update', recipients: 3 }]);
  });

  it('MT-16: eight sweeps at once, on two connections where the database allows, notify exactly once', async () => {
    const t = await network();
    const r = await referral(t, sentAt('2021-01-08T15:00:00Z'));
    await concurrentSweeps(database, 8, (db) => sweepAt('2021-01-12T08:00:00Z', db));
    const out = await notices(t.network.id);
    expect(out.notes.map((n) => n.userId).sort()).toEqual(ids(recipients(t)));
    expect(out.mails).toHaveLength(3);
    expect(out.audits.map((e) => e.entityId)).toEqual([r.id]);
  });

  it('MT-16: a new step starts a new quiet spell: notified again five business days after it, not before', async () => {
    const t = await network();
    const r = await referral(t, assignedAt('2021-01-11T10:00:00Z', t.providerB.id));
    await sweepAt('2021-01-19T00:00:00Z');
    expect((await notices(t.network.id)).audits).toHaveLength(1);
    // A note on Wednesday the 20th: the referral is fresh again.
    await database.db
      .update(referrals)
      .set({ lastActivityAt: at('2021-01-20T10:00:00Z') })
      .where(eq(referrals.id, r.id));
    await sweepAt('2021-01-20T12:00:00Z');
    await sweepAt('2021-01-27T23:59:00Z');
    expect((await notices(t.network.id)).audits).toHaveLength(1);
    await sweepAt('2021-01-28T00:00:00Z');
    await sweepAt('2021-01-28T01:00:00Z');
    const out = await notices(t.network.id);
    expect(out.audits.map((e) => e.entityId)).toEqual([r.id, r.id]);
    expect(out.notes).toHaveLength(6);
    expect(out.mails).toHaveLength(6);
  });

  it("MT-16: a holiday in the network's policy is not a business day: it pushes the deadline", async () => {
    const t = await network();
    await database.db.execute(
      sql`UPDATE networks SET policy = policy || ${JSON.stringify({ holidays: ['2021-01-11'] })}::jsonb WHERE id = ${t.network.id}`,
    );
    const r = await referral(t, sentAt('2021-01-08T15:00:00Z'));
    // Monday is a holiday: the next business day is Tuesday, so Tuesday must end first.
    await sweepAt('2021-01-12T12:00:00Z');
    await sweepAt('2021-01-12T23:59:00Z');
    expect((await notices(t.network.id)).notes).toEqual([]);
    await sweepAt('2021-01-13T00:00:00Z');
    const out = await notices(t.network.id);
    expect(out.audits.map((e) => e.entityId)).toEqual([r.id]);
    expect(out.notes).toHaveLength(3);
  });

  it('MT-16: registerStaleReferralJob schedules the sweep hourly on the job queue, and a run of it sends the notice', async () => {
    const t = await network();
    const r = await referral(t, sentAt('2021-01-08T15:00:00Z'));
    const schedule = await runRecurringJob(database, STALE_REFERRAL_JOB, (queue) =>
      registerStaleReferralJob(queue, { db: database.db, clock: new ManualClock(at('2021-01-12T09:00:00Z')) }),
    );
    expect(schedule).toMatchObject({ cron: '0 * * * *' });
    const out = await notices(t.network.id);
    expect(new Set(out.notes.map((n) => n.link))).toEqual(new Set([`/referrals/${r.id}`]));
    expect(out.notes).toHaveLength(3);
  });
});
