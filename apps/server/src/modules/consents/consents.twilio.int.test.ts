import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { TwilioGateway, twilioSignature } from '../../platform/sms/sms.twilio.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeClient, makeTenantPair } from '../../test/factories.js';
import { codeIn, randomPhone } from './consents.sms.fixtures.js';
import { smsMessages } from './consents.table.js';

// MT-10 with the real provider's protocol: Twilio's Messages API is a local server here, and its
// webhook calls are signed with X-Twilio-Signature over the public URL.
describe(`consent by text message through Twilio on ${testDriver} (MT-10)`, () => {
  const WEBHOOK = 'http://portico.test/api/sms/inbound';
  const FROM = '+15005550006';
  let twilio: Server;
  const sent: { To: string; Body: string }[] = [];
  let app: App;
  let db: Db;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let a: string;

  beforeAll(async () => {
    twilio = createServer(async (req, res) => {
      const form = new URLSearchParams(await text(req));
      sent.push({ To: form.get('To') ?? '', Body: form.get('Body') ?? '' });
      // Message sids are unique, as Twilio's are (sms_messages keeps one row per provider id).
      const sid = `SM${randomBytes(16).toString('hex')}`;
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid, status: 'queued' }));
    });
    await new Promise<void>((resolve) => twilio.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`;
    db = (await testDatabase()).db;
    app = await buildTestApp({
      sms: new TwilioGateway({ accountSid: 'AC1', authToken: 'secret', from: FROM, baseUrl }),
      config: { publicUrl: 'http://portico.test' },
    });
    t = await makeTenantPair(db, 'default');
    a = await signIn(app, t.adminA.email);
  });
  afterAll(async () => {
    await app.close();
    twilio.closeAllConnections();
    await new Promise<void>((resolve) => twilio.close(() => resolve()));
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: a }, ...(payload ? { payload } : {}) });
  const inbound = (params: Record<string, string>, signature = twilioSignature('secret', WEBHOOK, params)) =>
    app.inject({
      method: 'POST',
      url: '/api/sms/inbound',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      payload: new URLSearchParams(params).toString(),
    });
  const textsTo = (phone: string) => sent.filter((m) => m.To === phone).map((m) => m.Body);
  const inboundRows = (sid: string) => db.select().from(smsMessages).where(eq(smsMessages.providerId, sid));

  /** A consent whose request went out through Twilio to a fresh number. */
  async function requested() {
    const phone = randomPhone();
    const client = await makeClient(db, t.a, { phone });
    const created = await call('POST', '/api/consents', {
      clientId: client.id,
      programIds: [t.b.id],
      infoTypes: ['demographics'],
      authorizerKind: 'client',
      authorizerName: `${client.firstName} ${client.lastName}`,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await call('POST', `/api/consents/${id}/sms`, {})).statusCode).toBe(200);
    expect(textsTo(phone)).toHaveLength(1);
    const yes = { From: phone, To: FROM, Body: 'YES', MessageSid: `SM${randomBytes(16).toString('hex')}` };
    return { id, phone, yes };
  }

  it("MT-10: a signed YES from Twilio answers 200 TwiML and texts the code through Twilio's API; the code signs", async () => {
    const c = await requested();
    const res = await inbound(c.yes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.body).toContain('<Response></Response>');
    const texts = textsTo(c.phone);
    expect(texts).toHaveLength(2);
    const code = codeIn(texts[1]) as string;
    expect(code).toMatch(/^\d{6}$/);
    const signed = await call('POST', `/api/consents/${c.id}/sms/verify`, { code });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', method: 'sms' });
  });

  it('MT-10: a webhook call with a wrong signature answers 403 and changes nothing', async () => {
    const c = await requested();
    for (const signature of [twilioSignature('not-the-token', WEBHOOK, c.yes), '']) {
      const res = await inbound(c.yes, signature);
      expect(res.statusCode).toBe(403);
    }
    // Signed for other parameters than those delivered: also refused.
    const forged = await inbound(c.yes, twilioSignature('secret', WEBHOOK, { ...c.yes, Body: 'no' }));
    expect(forged.statusCode).toBe(403);
    expect(textsTo(c.phone)).toHaveLength(1);
    expect(await inboundRows(c.yes.MessageSid)).toEqual([]);
    expect((await call('GET', `/api/consents/${c.id}`)).json().sms.state).toBe('awaiting_reply');
  });

  it('MT-10: Twilio delivering the same MessageSid twice sends one code and keeps one message', async () => {
    const c = await requested();
    expect((await inbound(c.yes)).statusCode).toBe(200);
    expect((await inbound(c.yes)).statusCode).toBe(200);
    expect(textsTo(c.phone)).toHaveLength(2);
    expect(await inboundRows(c.yes.MessageSid)).toHaveLength(1);
    expect((await call('GET', `/api/consents/${c.id}`)).json().sms).toMatchObject({ state: 'code_sent', codesSent: 1 });
  });

  it('MT-10: with a real provider the phone simulator does not exist (404)', async () => {
    expect((await call('GET', '/api/sms/simulator')).statusCode).toBe(404);
    const c = await requested();
    expect((await call('POST', '/api/sms/simulator/reply', { from: c.phone, body: 'YES' })).statusCode).toBe(404);
    expect(textsTo(c.phone)).toHaveLength(1);
  });
});
