import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { type Database, openDatabase, queryRows } from '../../db/client.js';
import type { App, AppDeps } from '../../http/types.js';
import { DAY, ManualClock } from '../../platform/clock/clock.js';
import { JobQueue } from '../../platform/jobs/queue.js';
import { mailOutbox } from '../../platform/notify/mail.table.js';
import { signIn, testDeps } from '../../test/app.js';
import { testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { notifications } from '../notifications/notifications.table.js';
import { REMINDER_JOB, registerReminderJob, sweepReminders } from './agency-agreements.reminders.js';
import { validUntilOf } from './agency-agreements.rules.js';
import { agencyAgreementReminders } from './agency-agreements.table.js';

const TEXT =
  'The agency agrees to accept referrals only with a valid client consent and to respond within one business day.';

// MT-4: reminders to the program's gatekeepers by email and in-app 30, 7 and 1 days before the
// agreement lapses, each sent exactly once however many sweeps (and processes) run.
describe(`agency agreement reminders on ${testDriver} (MT-4)`, () => {
  let app: App;
  let deps: AppDeps;
  // Each test signs in its own year, so one test's sweeps never reach another's signatures.
  let year = 2040;
  const clock = new ManualClock();

  beforeAll(async () => {
    deps = await testDeps({ clock });
    app = await buildApp(deps);
    await app.ready();
  });
  afterAll(() => app.close());

  /** A program of an MT network with its gatekeepers (adminA and `extra` more) and a provider, signed now. */
  async function signedProgram(options: { extra?: number } = {}) {
    clock.set(new Date(Date.UTC(year++, 4, 15, 9, 0, 0)));
    const t = await makeTenantPair(deps.database.db);
    const admin = await signIn(app, t.networkAdmin.email);
    const version = (
      await app.inject({
        method: 'POST',
        url: '/api/agency-agreement/versions',
        headers: { cookie: admin },
        payload: { version: 'v1', text: TEXT },
      })
    ).json();
    const gatekeepers = [t.adminA];
    for (let i = 0; i < (options.extra ?? 1); i++)
      gatekeepers.push(await makeUser(deps.database.db, [[t.a, ['mt_gatekeeper']]]));
    const provider = await makeUser(deps.database.db, [[t.a, ['mt_provider']]]);
    const signed = await app.inject({
      method: 'POST',
      url: '/api/agency-agreement/signatures',
      headers: { cookie: admin },
      payload: { programId: t.a.id, versionId: version.id, signerName: t.networkAdmin.name, confirm: true },
    });
    expect(signed.statusCode).toBe(201);
    return { ...t, version, admin, gatekeepers, provider, lapses: validUntilOf(clock.now()) };
  }

  /** What went out for one network: mails, notifications, reminder rows. */
  async function sent(networkId: string) {
    const db = deps.database.db;
    const [mails] = await db
      .select({ n: count() })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.networkId, networkId), sql`${mailOutbox.subject} LIKE 'Agency agreement%'`));
    const [notes] = await db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.networkId, networkId), eq(notifications.kind, 'agency_agreement.reminder')));
    const rows = await db
      .select()
      .from(agencyAgreementReminders)
      .where(eq(agencyAgreementReminders.networkId, networkId));
    return {
      mails: Number(mails!.n),
      notifications: Number(notes!.n),
      reminders: rows.map((r) => r.daysBefore).sort((a, b) => b - a),
    };
  }
  const at = (lapses: Date, daysBefore: number) => new ManualClock(new Date(lapses.getTime() - daysBefore * DAY));

  it('MT-4: at 30, 7 and 1 days before: one mail and one notification per gatekeeper each time; a second sweep sends nothing', async () => {
    const p = await signedProgram();
    await sweepReminders(deps.database.db, at(p.lapses, 31));
    expect(await sent(p.network.id)).toEqual({ mails: 0, notifications: 0, reminders: [] });
    for (const [days, total] of [
      [30, 2],
      [7, 4],
      [1, 6],
    ] as const) {
      await sweepReminders(deps.database.db, at(p.lapses, days));
      await sweepReminders(deps.database.db, at(p.lapses, days));
      expect((await sent(p.network.id)).mails).toBe(total);
    }
    expect(await sent(p.network.id)).toEqual({ mails: 6, notifications: 6, reminders: [30, 7, 1] });
    // Only the gatekeepers: the provider got nothing; each gatekeeper got three, by email and in-app.
    const to = await deps.database.db
      .select({ to: mailOutbox.to, subject: mailOutbox.subject })
      .from(mailOutbox)
      .where(eq(mailOutbox.networkId, p.network.id));
    expect(to.map((m) => m.to).sort()).toEqual(
      [...p.gatekeepers, ...p.gatekeepers, ...p.gatekeepers].map((g) => g.email).sort(),
    );
    expect(to.map((m) => m.subject)).toContain(`Agency agreement for ${p.a.name} lapses in 7 days`);
    const notes = await deps.database.db
      .select()
      .from(notifications)
      .where(
        inArray(
          notifications.userId,
          p.gatekeepers.map((g) => g.id),
        ),
      );
    expect(notes).toHaveLength(6);
    expect(notes[0]).toMatchObject({ link: '/agency-agreement' });
    // Once lapsed there is nothing more to remind.
    await sweepReminders(deps.database.db, at(p.lapses, -1));
    expect((await sent(p.network.id)).mails).toBe(6);
  });

  it('MT-4: a reminder missed while the server was down goes out once, only the most urgent (never the 30-day after the 7-day)', async () => {
    const p = await signedProgram({ extra: 0 });
    await sweepReminders(deps.database.db, at(p.lapses, 5));
    expect(await sent(p.network.id)).toEqual({ mails: 1, notifications: 1, reminders: [7] });
    await sweepReminders(deps.database.db, at(p.lapses, 3));
    expect(await sent(p.network.id)).toEqual({ mails: 1, notifications: 1, reminders: [7] });
  });

  it('MT-4: only the latest signature is reminded: a program signed again is not reminded for the old one', async () => {
    const p = await signedProgram({ extra: 0 });
    clock.set(new Date(p.lapses.getTime() - 40 * DAY));
    const admin = await signIn(app, p.networkAdmin.email);
    const again = await app.inject({
      method: 'POST',
      url: '/api/agency-agreement/signatures',
      headers: { cookie: admin },
      payload: { programId: p.a.id, versionId: p.version.id, signerName: p.networkAdmin.name, confirm: true },
    });
    expect(again.statusCode).toBe(201);
    for (const days of [30, 7, 1]) await sweepReminders(deps.database.db, at(p.lapses, days));
    expect(await sent(p.network.id)).toEqual({ mails: 0, notifications: 0, reminders: [] });
  });

  it('MT-4: a program without gatekeepers: the network administrators are reminded', async () => {
    const p = await signedProgram({ extra: 0 });
    // Program A's only gatekeeper (adminA) becomes a provider.
    await deps.database.db.execute(
      sql`UPDATE memberships SET roles = ARRAY['mt_provider'] WHERE program_id = ${p.a.id}`,
    );
    await sweepReminders(deps.database.db, at(p.lapses, 30));
    const mails = await deps.database.db
      .select({ to: mailOutbox.to })
      .from(mailOutbox)
      .where(eq(mailOutbox.networkId, p.network.id));
    expect(mails.map((m) => m.to)).toEqual([p.networkAdmin.email]);
  });

  it('MT-4: concurrent sweeps on two separate connections send each reminder exactly once', async () => {
    const p = await signedProgram();
    // On PostgreSQL a second pool is a second process's view of the database; PGlite has one connection.
    const second: Database =
      testDriver === 'postgres'
        ? await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', poolSize: 4 })
        : deps.database;
    try {
      const dbs = [deps.database.db, second.db];
      const sweeps = Array.from({ length: 8 }, (_, i) => sweepReminders(dbs[i % 2]!, at(p.lapses, 30)));
      const counts = await Promise.all(sweeps);
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
      expect(await sent(p.network.id)).toEqual({ mails: 2, notifications: 2, reminders: [30] });
    } finally {
      if (second !== deps.database) await second.close();
    }
  });

  it('MT-4: two job queues (two workers) against one database run the reminder job and send each reminder exactly once', async () => {
    const p = await signedProgram();
    const second: Database =
      testDriver === 'postgres'
        ? await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', poolSize: 4 })
        : deps.database;
    const sweepClock = at(p.lapses, 7);
    const queues = [
      new JobQueue(deps.database, { pollingIntervalSeconds: 0.5 }),
      new JobQueue(second, { pollingIntervalSeconds: 0.5 }),
    ];
    try {
      for (const [i, q] of queues.entries())
        registerReminderJob(q, { db: (i ? second : deps.database).db, clock: sweepClock });
      await Promise.all(queues.map((q) => q.start()));
      const ids = [];
      for (let i = 0; i < 3; i++) for (const q of queues) ids.push(await q.runNow(REMINDER_JOB));
      // Wait until both workers have worked off every run queued above.
      for (let tries = 0; ; tries++) {
        const [row] = await queryRows<{ open: number | string }>(
          deps.database.db,
          sql`SELECT count(*) AS open FROM pgboss.job WHERE name = ${REMINDER_JOB} AND id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND state IN ('created', 'retry', 'active')`,
        );
        if (Number(row!.open) === 0) break;
        if (tries > 60) throw new Error('the job queue did not work off the runs');
        await new Promise((r) => setTimeout(r, 250));
      }
      const [done] = await queryRows<{ n: number | string }>(
        deps.database.db,
        sql`SELECT count(*) AS n FROM pgboss.job WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND state = 'completed'`,
      );
      expect(Number(done!.n)).toBe(6);
      expect(await sent(p.network.id)).toEqual({ mails: 2, notifications: 2, reminders: [7] });
    } finally {
      await Promise.all(queues.map((q) => q.stop()));
      if (second !== deps.database) await second.close();
    }
  });
});
