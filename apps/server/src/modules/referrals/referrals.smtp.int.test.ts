import { randomUUID } from 'node:crypto';
import { REFUSAL_REASONS } from '@portico/shared';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import type { App, AppDeps } from '../../http/types.js';
import { DAY } from '../../platform/clock/clock.js';
import { acceptUserAgreement, signIn, testDeps } from '../../test/app.js';
import { consentedClient } from '../../test/consented.js';
import { testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { mailsTo, type ReceivedMail, startSmtpCapture } from '../../test/mail.js';
import { privateDatabase } from '../../test/private-db.js';
import { programs } from '../organizations/organizations.table.js';

type Method = 'GET' | 'POST';
type Person = { id: string; email: string; name: string };
type Notice = { kind: string; title: string; body: string | null; link: string | null };

/**
 * Delivery drains the whole outbox, so this runs on a database of its own: on a shared PostgreSQL
 * another worker's delivery could take these mails, or this one could take another's.
 */
describe(`referral notifications through a real SMTP server on ${testDriver} (MT-12, ND-3, X-3)`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let deps: AppDeps;
  let app: App;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let provider: Person;
  const c = {} as Record<'sender' | 'gatekeeper' | 'provider', string>;

  beforeAll(async () => {
    ({ database, drop } = await privateDatabase());
    smtp = await startSmtpCapture();
    deps = await testDeps({ database, config: { smtpUrl: smtp.url } });
    app = await buildApp(deps);
    await app.ready();
    t = await makeTenantPair(database.db, 'mt-referral-network');
    provider = await makeUser(database.db, [[t.b, ['mt_provider']]]);
    // MT-4: the network requires agency agreements; both programs have a valid one.
    await database.db
      .update(programs)
      .set({ agreementValidUntil: new Date(Date.now() + 300 * DAY) })
      .where(inArray(programs.id, [t.a.id, t.b.id]));
    for (const [key, person] of [
      ['sender', t.adminA],
      ['gatekeeper', t.adminB],
      ['provider', provider],
    ] as const) {
      c[key] = await signIn(app, person.email);
      await acceptUserAgreement(app, c[key], person.name);
    }
    // Sign-in mails (if any) are not what this test is about.
    await deps.mail.deliverPending();
    smtp.received.length = 0;
  });
  afterAll(async () => {
    await app.close();
    deps.mail.stop();
    await smtp.close();
    await drop();
  });

  const call = async (cookie: string, method: Method, url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  /** What the SMTP server received for one person since the last `take`, then forgotten. */
  const take = (person: Person): ReceivedMail[] => {
    const mine = smtp.received.filter((m) => m.envelopeTo.includes(person.email));
    smtp.received.splice(0, smtp.received.length, ...smtp.received.filter((m) => !mine.includes(m)));
    return mine;
  };
  const noticesOf = async (cookie: string, id: string): Promise<Notice[]> =>
    (await call(cookie, 'GET', '/api/notifications?limit=100')).items.filter(
      (n: Notice) => n.link === `/referrals/${id}`,
    );

  /** A client of A with a distinctive name and a consent, signed through the API, naming A and B. */
  const consented = async () =>
    (
      await consentedClient(app, database.db, c.sender, t.a, [t.b.id], {
        firstName: 'Marisol',
        lastName: `Quintero-${randomUUID().slice(0, 6)}`,
      })
    ).client;
  /** A referral from A to B, created and sent through the API. */
  async function sentReferral() {
    const client = await consented();
    const draft = await call(c.sender, 'POST', '/api/referrals', {
      clientId: client.id,
      toProgramId: t.b.id,
      reason: 'Needs housing',
    });
    await call(c.sender, 'POST', `/api/referrals/${draft.id}/send`, { insuranceConfirmed: true });
    return { id: draft.id as string, client };
  }
  /** One mail: its subject, the referral's link, and nothing of the client's name anywhere. */
  const expectMail = (
    mail: ReceivedMail | undefined,
    subject: string,
    id: string,
    client: { firstName: string; lastName: string },
  ) => {
    expect(mail?.headers.subject).toBe(subject);
    expect(mail?.envelopeFrom).toBe('no-reply@portico.localhost');
    expect(mail?.text).toContain(`/referrals/${id}`);
    for (const part of [mail?.text, mail?.headers.subject]) {
      expect(part).not.toContain(client.firstName);
      expect(part).not.toContain(client.lastName);
    }
  };

  it('MT-12: sending mails the receiving gatekeeper one message with the link and no client name', async () => {
    expect(deps.mail.usesSmtp).toBe(true);
    const { id, client } = await sentReferral();
    await deps.mail.deliverPending();

    const got = take(t.adminB);
    expect(got).toHaveLength(1);
    expect(got[0]!.headers.to).toContain(t.adminB.email);
    expectMail(got[0], `New referral for ${t.b.name}`, id, client);
    // Nobody else hears of a sent referral: not the sender, not the provider, not the network office.
    expect(smtp.received).toEqual([]);

    const notices = await noticesOf(c.gatekeeper, id);
    expect(notices.map((n) => [n.kind, n.title])).toEqual([['referral.received', `New referral for ${t.b.name}`]]);
    expect(await noticesOf(c.provider, id)).toEqual([]);
    // once the SMTP server took it, the outbox keeps no body.
    const rows = (await mailsTo(database.db, t.adminB.email)).filter(
      (m) => m.subject === `New referral for ${t.b.name}`,
    );
    expect(rows.map((m) => [m.body, m.error, m.deliveredAt !== null])).toEqual([[null, null, true]]);

    // The gatekeeper assigns a provider: the provider and the sender each get one message.
    await call(c.gatekeeper, 'POST', `/api/referrals/${id}/assign`, { userId: provider.id });
    await deps.mail.deliverPending();
    const toProvider = take(provider);
    expect(toProvider).toHaveLength(1);
    expectMail(toProvider[0], `A referral from ${t.a.name} is assigned to you`, id, client);
    const toSender = take(t.adminA);
    expect(toSender).toHaveLength(1);
    expectMail(toSender[0], `${t.b.name} accepted your referral`, id, client);
    expect(toSender[0]!.text).toContain(provider.name);
    expect(smtp.received).toEqual([]);

    expect((await noticesOf(c.provider, id)).map((n) => n.kind)).toEqual(['referral.assigned']);
    expect((await noticesOf(c.sender, id)).map((n) => n.kind)).toEqual(['referral.accepted']);
    expect((await noticesOf(c.gatekeeper, id)).map((n) => n.kind)).toEqual(['referral.received']);
  });

  it('ND-3 / MT-12: a refusal mails the sender one message with the reason label', async () => {
    const { id, client } = await sentReferral();
    await deps.mail.deliverPending();
    expect(take(t.adminB)).toHaveLength(1);

    await call(c.gatekeeper, 'POST', `/api/referrals/${id}/refuse`, { reason: 'outside_service_area' });
    await deps.mail.deliverPending();
    const got = take(t.adminA);
    expect(got).toHaveLength(1);
    expectMail(got[0], `${t.b.name} refused your referral`, id, client);
    expect(got[0]!.text).toContain(REFUSAL_REASONS.outside_service_area);
    expect(smtp.received).toEqual([]);

    const [notice, ...more] = await noticesOf(c.sender, id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ kind: 'referral.refused', title: `${t.b.name} refused your referral` });
    expect(notice!.body).toContain(REFUSAL_REASONS.outside_service_area);
    expect(await noticesOf(c.provider, id)).toEqual([]);
  });
});
