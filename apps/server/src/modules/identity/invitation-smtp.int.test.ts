import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import type { App, AppDeps } from '../../http/types.js';
import { signIn, testDeps } from '../../test/app.js';
import { testDriver } from '../../test/db.js';
import { makeTenantPair } from '../../test/factories.js';
import { linkToken, mailsTo, startSmtpCapture } from '../../test/mail.js';
import { privateDatabase } from '../../test/private-db.js';
import { requestReset } from '../../test/sign-in.js';

/**
 * Delivery drains the whole outbox, so these tests run on a database of their own: on a shared
 * PostgreSQL another worker's delivery could take their mail, or they could take another's.
 */
describe(`login details by email through a real SMTP server on ${testDriver} (MT-1, X-3)`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let deps: AppDeps;
  let app: App;

  beforeAll(async () => {
    ({ database, drop } = await privateDatabase());
    smtp = await startSmtpCapture();
    deps = await testDeps({ database, config: { smtpUrl: smtp.url } });
    app = await buildApp(deps);
    await app.ready();
    t = await makeTenantPair(database.db, 'mt-referral-network');
  });
  afterAll(async () => {
    await app.close();
    deps.mail.stop();
    await smtp.close();
    await drop();
  });

  const addUser = async (email: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: await signIn(app, t.networkAdmin.email) },
      payload: { email, name: 'Sam Smtp', memberships: [{ programId: t.a.id, roles: ['mt_provider'] }] },
    });
    expect(res.statusCode).toBe(201);
  };

  it('MT-1 / X-3: the invitation reaches the SMTP server with subject, recipient and link; the outbox keeps no body', async () => {
    expect(deps.mail.usesSmtp).toBe(true);
    const email = `smtp-${randomUUID().slice(0, 8)}@example.test`;
    await addUser(email);
    await deps.mail.deliverPending();

    const got = smtp.received.filter((m) => m.envelopeTo.includes(email));
    expect(got).toHaveLength(1);
    const message = got[0]!;
    expect(message.envelopeFrom).toBe('no-reply@portico.localhost');
    expect(message.headers.to).toContain(email);
    expect(message.headers.subject).toBe(`Your Portico account for ${t.network.name}`);
    expect(message.text).toContain(`${deps.config.publicUrl}/set-password?token=`);
    const token = linkToken(message.text);

    const [row] = await mailsTo(database.db, email);
    expect(row).toMatchObject({ body: null, error: null, subject: `Your Portico account for ${t.network.name}` });
    expect(row!.deliveredAt).not.toBeNull();

    // The delivered link is the working one.
    const info = await app.inject({ method: 'GET', url: `/api/password/token?token=${token}` });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ email, kind: 'invite' });
  });

  it('MT-2 / X-3: a reset link goes out through SMTP too', async () => {
    const email = `smtp-${randomUUID().slice(0, 8)}@example.test`;
    await addUser(email);
    await deps.mail.deliverPending();
    const res = await requestReset(app, email);
    expect(res.statusCode).toBe(202);
    await deps.mail.deliverPending();
    const reset = smtp.received.filter((m) => m.envelopeTo.includes(email) && /Reset/.test(m.headers.subject ?? ''));
    expect(reset).toHaveLength(1);
    expect(reset[0]!.text).toMatch(/30 minutes/);
    const info = await app.inject({ method: 'GET', url: `/api/password/token?token=${linkToken(reset[0]!.text)}` });
    expect(info.json()).toMatchObject({ email, kind: 'reset' });
    expect((await mailsTo(database.db, email)).map((m) => m.body)).toEqual([null, null]);
  });

  it('MT-2 / X-3: a mail that could not be sent while the SMTP server was down is sent once it is back', async () => {
    const email = `smtp-${randomUUID().slice(0, 8)}@example.test`;
    await addUser(email);
    await deps.mail.deliverPending();
    // A second app whose SMTP server is down: a port where nothing listens.
    const down = await startSmtpCapture();
    await down.close();
    const downDeps = await testDeps({ database, config: { smtpUrl: down.url } });
    const downApp = await buildApp(downDeps);
    await downApp.ready();
    try {
      const res = await requestReset(downApp, email);
      expect(res.statusCode).toBe(202);
      await downDeps.mail.deliverPending();
      const [failed] = (await mailsTo(database.db, email)).filter((m) => m.deliveredAt === null);
      expect(failed?.error).toBeTruthy();
      expect(failed?.body).toContain('/set-password?token=');

      const back = await startSmtpCapture(down.port);
      try {
        // What main.ts's mail.start() does every 30 seconds.
        await downDeps.mail.deliverPending();
        expect(back.received.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
        expect((await mailsTo(database.db, email)).every((m) => m.deliveredAt !== null)).toBe(true);
      } finally {
        await back.close();
      }
    } finally {
      await downApp.close();
      downDeps.mail.stop();
    }
  });
});
