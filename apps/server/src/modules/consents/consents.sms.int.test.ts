import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { HOUR, ManualClock, MINUTE } from '../../platform/clock/clock.js';
import { SimulatorGateway } from '../../platform/sms/sms.simulator.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeClient, makeTenantPair } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';
import { hashCode, SMS_CODE_VALID_MS } from './consents.rules.js';
import { codeIn, type Method, otherCode, randomPhone } from './consents.sms.fixtures.js';
import { consentSmsChallenges } from './consents.table.js';

// MT-10 text-message signature through the simulator: request → YES → 6-digit code → staff enter it.
describe(`consent by text message on ${testDriver} (MT-10)`, () => {
  const sms = new SimulatorGateway();
  const clock = new ManualClock();
  let app: App;
  let db: Db;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let a: string;
  let b: string;

  beforeAll(async () => {
    db = (await testDatabase()).db;
    app = await buildTestApp({ sms, clock });
    t = await makeTenantPair(db, 'default');
    a = await signIn(app, t.adminA.email);
    b = await signIn(app, t.adminB.email);
  });
  afterAll(() => app.close());

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const textsTo = (phone: string) => sms.sent.filter((m) => m.to === phone).map((m) => m.body);
  const reply = (from: string, body: string, cookie = a) =>
    call(cookie, 'POST', '/api/sms/simulator/reply', { from, body });
  const fields = (res: { json(): { errors: { field: string }[] } }) => res.json().errors.map((e) => e.field);
  const consentOf = async (id: string, cookie = a) => (await call(cookie, 'GET', `/api/consents/${id}`)).json();
  const verify = (id: string, code: string, cookie = a) =>
    call(cookie, 'POST', `/api/consents/${id}/sms/verify`, { code });

  /** A pending consent naming program B, for a client of program A whose phone is on file. */
  async function pending(phone = randomPhone()) {
    const client = await makeClient(db, t.a, { firstName: 'Rosa', phone });
    const res = await call(a, 'POST', '/api/consents', {
      clientId: client.id,
      programIds: [t.b.id],
      infoTypes: ['demographics', 'needs'],
      authorizerKind: 'client',
      authorizerName: `${client.firstName} ${client.lastName}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { client, phone, id: res.json().id as string, authorizerName: `${client.firstName} ${client.lastName}` };
  }

  /** Texts the request, replies YES and returns the code the client received. */
  async function withCode(cookie = a) {
    const c = await pending();
    expect((await call(cookie, 'POST', `/api/consents/${c.id}/sms`, {})).statusCode).toBe(200);
    expect((await reply(c.phone, 'YES', cookie)).statusCode).toBe(204);
    const code = codeIn(textsTo(c.phone).at(-1));
    expect(code).toMatch(/^\d{6}$/);
    return { ...c, code: code as string };
  }

  it("MT-10: the request goes to the client's phone (masked), names the programs; YES gets a code that signs; the other program then sees the client", async () => {
    const c = await pending();
    const bad = await call(a, 'POST', `/api/consents/${c.id}/sms`, { phone: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['body.phone']);
    expect(textsTo(c.phone)).toEqual([]);

    const started = await call(a, 'POST', `/api/consents/${c.id}/sms`, {});
    expect(started.statusCode, started.body).toBe(200);
    const view = started.json();
    expect(view).toMatchObject({ status: 'pending', valid: false });
    expect(view.sms).toMatchObject({ state: 'awaiting_reply', attemptsLeft: 5, codesSent: 0, codeExpiresAt: null });
    expect(view.sms.phone).toHaveLength(c.phone.length);
    expect(view.sms.phone.endsWith(c.phone.slice(-4))).toBe(true);
    expect(view.sms.phone).not.toContain(c.phone.slice(2, 8));
    const [request] = textsTo(c.phone);
    expect(request).toContain(t.a.name);
    expect(request).toContain(t.b.name);
    expect(request).toMatch(/Reply YES/);
    expect((await call(b, 'GET', `/api/clients/${c.client.id}`)).statusCode).toBe(404);

    // Anything but YES is no consent: nothing is texted back and the request keeps waiting.
    for (const body of ['no', 'maybe later', 'YES please']) {
      expect((await reply(c.phone, body)).statusCode).toBe(204);
    }
    expect(textsTo(c.phone)).toHaveLength(1);
    expect((await consentOf(c.id)).sms.state).toBe('awaiting_reply');

    expect((await reply(c.phone, ' yes! ')).statusCode).toBe(204);
    const texts = textsTo(c.phone);
    expect(texts).toHaveLength(2);
    const code = codeIn(texts[1]) as string;
    expect(code).toMatch(/^\d{6}$/);
    expect((await consentOf(c.id)).sms).toMatchObject({
      state: 'code_sent',
      codesSent: 1,
      codeExpiresAt: new Date(clock.now().getTime() + SMS_CODE_VALID_MS).toISOString(),
    });

    const signed = await verify(c.id, ` ${code} `);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      status: 'signed',
      valid: true,
      complete: true,
      method: 'sms',
      signerName: c.authorizerName,
      signedAt: clock.now().toISOString(),
      sms: { state: 'verified' },
    });
    expect((await call(b, 'GET', `/api/clients/${c.client.id}`)).statusCode).toBe(200);
    const audit = (await auditOf(db, t.network.id)).filter((e) => e.entityId === c.id).map((e) => e.action);
    expect(audit).toEqual(['consent.create', 'consent.sms.request', 'consent.sign']);
  });

  it('MT-10: a number typed by staff replaces the one on file and is normalized to E.164', async () => {
    const c = await pending();
    const typed = randomPhone();
    const national = `(${typed.slice(2, 5)}) ${typed.slice(5, 8)}-${typed.slice(8)}`;
    const res = await call(a, 'POST', `/api/consents/${c.id}/sms`, { phone: national });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sms.phone.endsWith(typed.slice(-4))).toBe(true);
    expect(textsTo(typed)).toHaveLength(1);
    expect(textsTo(c.phone)).toEqual([]);
  });

  it('MT-10: a wrong code answers 400 on body.code with the attempts left, counted although the request failed; the fifth locks it', async () => {
    const c = await withCode();
    const wrong = otherCode(c.code);
    for (let left = 4; left >= 1; left--) {
      const res = await verify(c.id, wrong);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'body.code', message: expect.stringContaining(`${left} attempt`) }]);
      expect((await consentOf(c.id)).sms.attemptsLeft).toBe(left);
    }
    expect((await verify(c.id, wrong)).statusCode).toBe(409);
    expect((await consentOf(c.id)).sms).toMatchObject({ state: 'locked', attemptsLeft: 0 });
    expect((await verify(c.id, c.code)).statusCode).toBe(409);
    expect((await consentOf(c.id)).status).toBe('pending');
    const audit = (await auditOf(db, t.network.id)).filter((e) => e.entityId === c.id).map((e) => e.action);
    expect(audit.filter((x) => x === 'consent.sms.wrong_code')).toHaveLength(5);
  });

  it('MT-10: re-send texts a new code; the old one stops working and the new one signs; before YES re-send is refused', async () => {
    const early = await pending();
    await call(a, 'POST', `/api/consents/${early.id}/sms`, {});
    expect((await call(a, 'POST', `/api/consents/${early.id}/sms/resend`)).statusCode).toBe(409);
    expect(textsTo(early.phone)).toHaveLength(1);

    const c = await withCode();
    const res = await call(a, 'POST', `/api/consents/${c.id}/sms/resend`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sms).toMatchObject({ state: 'code_sent', codesSent: 2 });
    const texts = textsTo(c.phone);
    expect(texts).toHaveLength(3);
    const fresh = codeIn(texts[2]) as string;
    expect(fresh).toMatch(/^\d{6}$/);
    if (fresh !== c.code) expect(fields(await verify(c.id, c.code))).toEqual(['body.code']);
    // At most five codes per consent (the YES and four re-sends), then 409; the last one still signs.
    for (let sent = 3; sent <= 5; sent++) {
      expect((await call(a, 'POST', `/api/consents/${c.id}/sms/resend`)).json().sms.codesSent).toBe(sent);
    }
    expect((await call(a, 'POST', `/api/consents/${c.id}/sms/resend`)).statusCode).toBe(409);
    expect(textsTo(c.phone)).toHaveLength(6);
    const signed = await verify(c.id, codeIn(textsTo(c.phone)[5]) as string);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().status).toBe('signed');
  });

  it('MT-10: a code is valid 12 hours: accepted at 11h59, refused as expired after 12 h; a re-send gives a fresh 12 h', async () => {
    const start = clock.now();
    try {
      const early = await withCode();
      clock.advance(12 * HOUR - MINUTE);
      const inTime = await verify(early.id, early.code, await signIn(app, t.adminA.email));
      expect(inTime.statusCode, inTime.body).toBe(200);

      clock.set(start);
      const late = await withCode(await signIn(app, t.adminA.email));
      clock.advance(12 * HOUR);
      const cookie = await signIn(app, t.adminA.email);
      const expired = await verify(late.id, late.code, cookie);
      expect(expired.statusCode).toBe(400);
      expect(expired.json().errors).toEqual([{ field: 'body.code', message: expect.stringContaining('expired') }]);
      // An expired code is not a wrong guess: no attempt is used up.
      expect((await consentOf(late.id, cookie)).sms.attemptsLeft).toBe(5);

      const resent = await call(cookie, 'POST', `/api/consents/${late.id}/sms/resend`);
      expect(resent.statusCode, resent.body).toBe(200);
      expect(resent.json().sms.codeExpiresAt).toBe(new Date(clock.now().getTime() + 12 * HOUR).toISOString());
      const fresh = codeIn(textsTo(late.phone).at(-1)) as string;
      clock.advance(12 * HOUR - MINUTE);
      const signed = await verify(late.id, fresh, await signIn(app, t.adminA.email));
      expect(signed.statusCode, signed.body).toBe(200);
    } finally {
      clock.set(start);
    }
  });

  it('MT-10: two requests waiting on one phone (a shared family phone): each YES gets a code for a request still waiting', async () => {
    const phone = randomPhone();
    const first = await pending(phone);
    const second = await pending(phone);
    for (const c of [first, second])
      expect((await call(a, 'POST', `/api/consents/${c.id}/sms`, {})).statusCode).toBe(200);
    await reply(phone, 'YES');
    expect((await consentOf(second.id)).sms.state).toBe('code_sent');
    await reply(phone, 'YES');
    expect((await consentOf(first.id)).sms.state).toBe('code_sent');
    const [, , forSecond, forFirst] = textsTo(phone).map(codeIn);
    expect((await verify(first.id, forFirst as string)).statusCode).toBe(200);
    expect((await verify(second.id, forSecond as string)).statusCode).toBe(200);
    // Once nothing waits, another YES texts nothing more.
    await reply(phone, 'YES');
    expect(textsTo(phone)).toHaveLength(4);
  });

  it('MT-10: codes are stored hashed, bound to their consent: the challenge row never holds the code', async () => {
    const c = await withCode();
    const [row] = await db.select().from(consentSmsChallenges).where(eq(consentSmsChallenges.consentId, c.id));
    expect(row?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.codeHash).toBe(hashCode(c.id, c.code));
    expect(JSON.stringify(row)).not.toContain(c.code);
    expect((await verify(c.id, c.code)).statusCode).toBe(200);
    const [after] = await db.select().from(consentSmsChallenges).where(eq(consentSmsChallenges.consentId, c.id));
    expect(after?.codeHash).toBeNull();
  });

  it('MT-10: the simulator answers only for numbers this network texted, shows the conversation in order, and hides it from other networks', async () => {
    const stranger = randomPhone();
    const refused = await reply(stranger, 'YES');
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toEqual(['body.from']);
    expect(fields(await reply('not a phone', 'YES'))).toEqual(['body.from']);

    const first = await withCode();
    const second = await pending();
    await call(a, 'POST', `/api/consents/${second.id}/sms`, {});
    await reply(first.phone, 'thanks');

    const res = await call(a, 'GET', `/api/sms/simulator?phone=${encodeURIComponent(first.phone)}`);
    expect(res.statusCode, res.body).toBe(200);
    const { phones, messages } = res.json();
    expect(phones.indexOf(second.phone)).toBeGreaterThanOrEqual(0);
    expect(phones.indexOf(second.phone)).toBeLessThan(phones.indexOf(first.phone));
    expect(messages.map((m: { direction: string; body: string }) => [m.direction, m.body])).toEqual([
      ['outbound', textsTo(first.phone)[0]],
      ['inbound', 'YES'],
      ['outbound', textsTo(first.phone)[1]],
      ['inbound', 'thanks'],
    ]);
    expect(messages[0]).toMatchObject({ from: sms.from, to: first.phone });
    expect(messages[1]).toMatchObject({ from: first.phone });

    // Another network's staff neither see these messages nor can answer as that phone.
    const other = await makeTenantPair(db, 'default');
    const outsider = await signIn(app, other.adminA.email);
    const theirs = await call(outsider, 'GET', `/api/sms/simulator?phone=${encodeURIComponent(first.phone)}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().phones).not.toContain(first.phone);
    expect(theirs.json().messages).toEqual([]);
    const replied = await reply(second.phone, 'YES', outsider);
    expect(replied.statusCode).toBe(400);
    expect((await consentOf(second.id)).sms.state).toBe('awaiting_reply');
  });

  it('MT-10: the provider webhook refuses unsigned calls when the server runs the simulator', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/sms/inbound',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'anything' },
      payload: new URLSearchParams({ From: randomPhone(), To: sms.from, Body: 'YES', MessageSid: 'SM1' }).toString(),
    });
    expect(res.statusCode).toBe(403);
  });
});
