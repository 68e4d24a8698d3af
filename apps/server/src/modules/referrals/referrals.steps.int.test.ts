import { SERVICE_STATUSES } from '@portico/shared';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { DAY } from '../../platform/clock/clock.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { consentedClient } from '../../test/consented.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeClient, makeOrganization, makeProgram, makeTenantPair, makeUser } from '../../test/factories.js';
import { auditOf, isoDay } from '../../test/helpers.js';
import { mailsTo } from '../../test/mail.js';
import { memberships } from '../memberships/memberships.table.js';
import { networks } from '../networks/networks.table.js';
import { notifications } from '../notifications/notifications.table.js';
import { programs } from '../organizations/organizations.table.js';
import { closes } from './referrals.rules.js';

type Method = 'GET' | 'POST' | 'PATCH';
type Pair = Awaited<ReturnType<typeof makeTenantPair>>;
type Person = { id: string; email: string; name: string };

describe(`referral steps on ${testDriver} (MT-11, MT-12, MT-13, ND-3, X-1)`, () => {
  let app: App;
  let db: Database['db'];
  let t: Pair;
  let provB1: Person;
  let provB2: Person;
  const c = {} as Record<'a' | 'b' | 'pa' | 'pb1' | 'pb2', string>;

  beforeAll(async () => {
    db = (await testDatabase()).db;
    app = await buildTestApp();
    t = await makeTenantPair(db, 'default');
    const provA = await makeUser(db, [[t.a, ['mt_provider']]]);
    provB1 = await makeUser(db, [[t.b, ['mt_provider']]]);
    provB2 = await makeUser(db, [[t.b, ['mt_provider']]]);
    c.a = await signIn(app, t.adminA.email);
    c.b = await signIn(app, t.adminB.email);
    c.pa = await signIn(app, provA.email);
    c.pb1 = await signIn(app, provB1.email);
    c.pb2 = await signIn(app, provB2.email);
  });
  afterAll(() => app.close());

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const expectStatus = async (res: Promise<LightMyRequestResponse>, status: number) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json();
  };
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  /** A new client of `pair.a` with a signed consent naming its program and `programIds`. */
  const consented = (programIds: string[], pair: Pair = t, cookie = c.a) =>
    consentedClient(app, db, cookie, pair.a, programIds, { county: 'Cass' });
  const revoke = (consentId: string) =>
    expectStatus(call(c.a, 'POST', `/api/consents/${consentId}/revoke`, { reason: 'Client asked' }), 200);
  const create = (clientId: string, toProgramId = t.b.id, cookie = c.a) =>
    call(cookie, 'POST', '/api/referrals', { clientId, toProgramId, reason: 'Needs housing' });
  const draft = async (clientId: string, toProgramId = t.b.id, cookie = c.a) =>
    (await expectStatus(create(clientId, toProgramId, cookie), 201)).id as string;
  const step = (cookie: string, id: string, action: string, payload: object = {}) =>
    call(cookie, 'POST', `/api/referrals/${id}/${action}`, payload);
  const send = (id: string, cookie = c.a) => expectStatus(step(cookie, id, 'send', { insuranceConfirmed: true }), 200);
  /** A referral of a new consented client from A to B, sent (and assigned when `to` is given). */
  async function referral(to?: Person) {
    const { client, consentId } = await consented([t.b.id]);
    const id = await draft(client.id);
    await send(id);
    if (to) await expectStatus(step(c.b, id, 'assign', { userId: to.id }), 200);
    return { id, client, consentId };
  }
  const detail = (cookie: string, id: string) => expectStatus(call(cookie, 'GET', `/api/referrals/${id}`), 200);
  const noticesOf = (userId: string, id: string) =>
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.link, `/referrals/${id}`)));

  it('MT-11: a draft needs a valid consent naming both programs (409 without one, and after revocation)', async () => {
    const bare = await makeClient(db, t.a);
    expect((await create(bare.id)).statusCode).toBe(409);
    const ownOnly = await consented([]);
    expect((await create(ownOnly.client.id)).statusCode).toBe(409);
    const revoked = await consented([t.b.id]);
    await revoke(revoked.consentId);
    expect((await create(revoked.client.id)).statusCode).toBe(409);
    const { client, consentId } = await consented([t.b.id]);
    const r = await expectStatus(create(client.id), 201);
    expect(r).toMatchObject({ state: 'draft', consentId, client: { id: client.id }, sentAt: null });
    expect([r.fromProgram.id, r.toProgram.id, r.createdBy.id]).toEqual([t.a.id, t.b.id, t.adminA.id]);
  });

  it('MT-11: an internal referral to the own program needs only a consent naming it', async () => {
    const { client } = await consented([]);
    const r = await expectStatus(create(client.id, t.a.id), 201);
    expect([r.fromProgram.id, r.toProgram.id]).toEqual([t.a.id, t.a.id]);
    expect((await send(r.id)).state).toBe('sent');
  });

  it('MT-11: a second open referral is 409 naming the first; once refused or closed a new one may start', async () => {
    const { client } = await consented([t.b.id]);
    const first = await draft(client.id);
    const again = await expectStatus(create(client.id), 409);
    expect(again.existingReferralId).toBe(first);
    await send(first);
    expect((await expectStatus(create(client.id), 409)).existingReferralId).toBe(first);
    await expectStatus(step(c.b, first, 'refuse', { reason: 'no_capacity' }), 200);
    const second = await draft(client.id);
    await send(second);
    await expectStatus(step(c.b, second, 'assign', { userId: provB1.id }), 200);
    expect((await expectStatus(create(client.id), 409)).existingReferralId).toBe(second);
    await expectStatus(step(c.pb1, second, 'status', { status: 'closed_successful' }), 200);
    expect(await draft(client.id)).not.toBe(second);
  });

  it('MT-11: two creates at once for the same client and program: exactly one 201, the other 409', async () => {
    const { client } = await consented([t.b.id]);
    const both = await Promise.all([create(client.id), create(client.id)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const made = both.find((r) => r.statusCode === 201)!.json().id;
    expect(both.find((r) => r.statusCode === 409)!.json().existingReferralId).toBe(made);
  });

  it('MT-11: sending asks to confirm insurance (400 body.insuranceConfirmed) and a consent still valid (409)', async () => {
    const { client, consentId } = await consented([t.b.id]);
    const id = await draft(client.id);
    const unconfirmed = await expectStatus(step(c.a, id, 'send', { insuranceConfirmed: false }), 400);
    expect(fields(unconfirmed)).toEqual(['body.insuranceConfirmed']);
    await revoke(consentId);
    await expectStatus(step(c.a, id, 'send', { insuranceConfirmed: true }), 409);
    expect((await detail(c.a, id)).state).toBe('draft');
  });

  it('MT-4: a program without a valid agency agreement, where the network requires one, is not sent to (409)', async () => {
    const n = await makeTenantPair(db, 'default');
    const cookie = await signIn(app, n.adminA.email);
    const { client } = await consented([n.b.id], n, cookie);
    const id = await draft(client.id, n.b.id, cookie);
    await db
      .update(networks)
      .set({ policy: { ...n.network.policy, requiresAgencyAgreement: true } })
      .where(eq(networks.id, n.network.id));
    const refused = await expectStatus(step(cookie, id, 'send', { insuranceConfirmed: true }), 409);
    expect(refused.detail).toMatch(/agency agreement/);
    const until = new Date(Date.now() + 300 * DAY);
    await db
      .update(programs)
      .set({ agreementValidUntil: until, referralStatus: 'closed' })
      .where(eq(programs.id, n.b.id));
    expect((await expectStatus(step(cookie, id, 'send', { insuranceConfirmed: true }), 409)).detail).toMatch(
      /not accepting/,
    );
    await db.update(programs).set({ referralStatus: 'open' }).where(eq(programs.id, n.b.id));
    expect((await send(id, cookie)).state).toBe('sent');
  });

  it('MT-11: the sender edits its draft, which the receiver cannot see; after sending nobody edits it (409)', async () => {
    const { client } = await consented([t.b.id]);
    const id = await draft(client.id);
    expect((await call(c.b, 'GET', `/api/referrals/${id}`)).statusCode).toBe(404);
    expect((await call(c.b, 'PATCH', `/api/referrals/${id}`, { reason: 'Mine' })).statusCode).toBe(404);
    // B asks for nothing beyond Personal info (no intake form): an answer to a question it never asked is refused.
    const unasked = await expectStatus(call(c.a, 'PATCH', `/api/referrals/${id}`, { intake: { household: 3 } }), 400);
    expect(fields(unasked)).toEqual(['body.intake.household']);
    const edited = await expectStatus(call(c.a, 'PATCH', `/api/referrals/${id}`, { reason: 'Rent arrears' }), 200);
    expect([edited.reason, edited.intake, edited.intakeFormId]).toEqual(['Rent arrears', {}, null]);
    expect((await detail(c.a, id)).can).toMatchObject({ edit: true, send: true, addNote: false });
    await send(id);
    await expectStatus(call(c.a, 'PATCH', `/api/referrals/${id}`, { reason: 'Too late' }), 409);
    await expectStatus(step(c.a, id, 'send', { insuranceConfirmed: true }), 409);
    expect((await detail(c.a, id)).can).toMatchObject({ edit: false, send: false, addNote: true });
  });

  it('MT-12: on send the receiving gatekeepers get an in-app notification and an email (no client name in it)', async () => {
    const { id, client } = await referral();
    const [notice] = await noticesOf(t.adminB.id, id);
    expect(notice).toMatchObject({ kind: 'referral.received', networkId: t.network.id });
    const mail = (await mailsTo(db, t.adminB.email)).find((m) => m.body?.includes(`/referrals/${id}`));
    expect(mail?.subject).toBe(`New referral for ${t.b.name}`);
    expect(mail?.body).not.toContain(client.lastName);
    expect(await noticesOf(provB1.id, id)).toEqual([]);
  });

  it('MT-12: a program without gatekeepers: the network administrators are notified instead', async () => {
    const lone = await makeProgram(db, await makeOrganization(db, t.network.id));
    await makeUser(db, [[lone, ['mt_provider']]]);
    const { client } = await consented([lone.id]);
    const id = await draft(client.id, lone.id);
    await send(id);
    expect((await noticesOf(t.networkAdmin.id, id)).map((n) => n.kind)).toEqual(['referral.received']);
    expect((await mailsTo(db, t.networkAdmin.email)).some((m) => m.body?.includes(`/referrals/${id}`))).toBe(true);
  });

  it('MT-12: the gatekeeper assigns one provider of the program, or itself; assignee and sender hear of it', async () => {
    const { id } = await referral();
    const seen = await detail(c.b, id);
    expect(seen.assignable.map((p: Person) => p.id).sort()).toEqual([t.adminB.id, provB1.id, provB2.id].sort());
    expect(seen.can).toMatchObject({ assign: true, refuse: true });
    const r = await expectStatus(step(c.b, id, 'assign', { userId: provB1.id }), 200);
    expect(r).toMatchObject({ state: 'assigned', assignee: { id: provB1.id } });
    expect(r.acknowledgedAt).not.toBeNull();
    expect((await noticesOf(provB1.id, id)).map((n) => n.kind)).toEqual(['referral.assigned']);
    expect((await noticesOf(t.adminA.id, id)).map((n) => n.kind)).toEqual(['referral.accepted']);
    expect((await mailsTo(db, provB1.email)).some((m) => m.body?.includes(`/referrals/${id}`))).toBe(true);
    await expectStatus(step(c.b, id, 'assign', { userId: provB2.id }), 409);
    const self = await referral();
    const mine = await expectStatus(step(c.b, self.id, 'assign', { userId: t.adminB.id }), 200);
    expect(mine.assignee.id).toBe(t.adminB.id);
  });

  it('MT-12: someone of another program is not assignable (400 body.userId); a provider cannot assign (403)', async () => {
    const { id } = await referral();
    expect(fields(await expectStatus(step(c.b, id, 'assign', { userId: t.adminA.id }), 400))).toEqual(['body.userId']);
    await expectStatus(step(c.pb1, id, 'assign', { userId: provB1.id }), 403);
    await expectStatus(step(c.a, id, 'assign', { userId: provB1.id }), 403);
    expect((await detail(c.pb1, id)).can.assign).toBe(false);
  });

  it('ND-3: refusal takes a reason ("other" needs text: 400 body.text); the sender is notified', async () => {
    const { id } = await referral();
    expect(fields(await expectStatus(step(c.b, id, 'refuse', { reason: 'other' }), 400))).toEqual(['body.text']);
    await expectStatus(step(c.pb1, id, 'refuse', { reason: 'no_capacity' }), 403);
    const r = await expectStatus(step(c.b, id, 'refuse', { reason: 'other', text: 'Program full until May' }), 200);
    expect(r).toMatchObject({ state: 'refused', refusalReason: 'other', refusalText: 'Program full until May' });
    expect(r.closedAt).not.toBeNull();
    expect((await noticesOf(t.adminA.id, id)).map((n) => n.kind)).toEqual(['referral.refused']);
    await expectStatus(step(c.b, id, 'assign', { userId: provB1.id }), 409);
  });

  it('MT-12: the assigned provider reassigns within the program with a note; others cannot (403)', async () => {
    const { id } = await referral(provB1);
    await expectStatus(step(c.pb2, id, 'reassign', { userId: provB2.id, note: 'Taking it' }), 403);
    await expectStatus(step(c.pb1, id, 'reassign', { userId: provB1.id, note: 'Same' }), 400);
    const r = await expectStatus(step(c.pb1, id, 'reassign', { userId: provB2.id, note: 'Speaks Spanish' }), 200);
    expect(r.assignee.id).toBe(provB2.id);
    expect((await noticesOf(provB2.id, id)).map((n) => n.kind)).toEqual(['referral.assigned']);
    await expectStatus(step(c.pb1, id, 'reassign', { userId: provB1.id, note: 'Back' }), 403);
    const last = (await detail(c.b, id)).timeline.at(-1);
    expect(last).toMatchObject({ kind: 'reassigned', actor: { id: provB1.id }, data: { note: 'Speaks Spanish' } });
    await expectStatus(step(c.b, id, 'reassign', { userId: provB1.id, note: 'Gatekeeper decides' }), 200);
  });

  it("ND-3: only care coordinators whose regions include the client's county may be assigned", async () => {
    const nd = await makeTenantPair(db, 'nd-care-coordination');
    const [inCounty, elsewhere] = [
      await makeUser(db, [[nd.b, ['nd_care_coordinator']]]),
      await makeUser(db, [[nd.b, ['nd_care_coordinator']]]),
    ];
    await db
      .update(memberships)
      .set({ regions: ['Cass', 'Traill'] })
      .where(eq(memberships.userId, inCounty.id));
    await db
      .update(memberships)
      .set({ regions: ['Burleigh'] })
      .where(eq(memberships.userId, elsewhere.id));
    const [ndA, ndB] = [await signIn(app, nd.adminA.email), await signIn(app, nd.adminB.email)];
    const { client } = await consented([nd.b.id], nd, ndA);
    const id = await draft(client.id, nd.b.id, ndA);
    await send(id, ndA);
    expect((await detail(ndB, id)).assignable.map((p: Person) => p.id)).toEqual([inCounty.id]);
    expect(fields(await expectStatus(step(ndB, id, 'assign', { userId: elsewhere.id }), 400))).toEqual(['body.userId']);
    await expectStatus(step(ndB, id, 'assign', { userId: nd.adminB.id }), 400);
    expect((await expectStatus(step(ndB, id, 'assign', { userId: inCounty.id }), 200)).assignee.id).toBe(inCounty.id);
  });

  it('MT-13: all 13 statuses are accepted; a closing one closes the referral and no status follows (409)', async () => {
    const codes = Object.keys(SERVICE_STATUSES);
    const { id, client } = await referral(provB1);
    for (const code of codes.filter((s) => !closes(s))) {
      const r = await expectStatus(step(c.pb1, id, 'status', { status: code }), 200);
      expect([r.state, r.serviceStatus, r.closedAt]).toEqual(['assigned', code, null]);
    }
    await expectStatus(step(c.pb1, id, 'status', { status: 'not_a_status' }), 400);
    let open = id;
    for (const code of codes.filter(closes)) {
      const r = await expectStatus(step(c.pb1, open, 'status', { status: code }), 200);
      expect([r.state, r.serviceStatus]).toEqual(['closed', code]);
      expect(r.closedAt).not.toBeNull();
      await expectStatus(step(c.pb1, open, 'status', { status: 'enrolled' }), 409);
      open = await draft(client.id);
      await send(open);
      await expectStatus(step(c.b, open, 'assign', { userId: provB1.id }), 200);
    }
  });

  it('MT-13: the sender reads the status but cannot set it (403); the gatekeeper can', async () => {
    const { id } = await referral(provB1);
    await expectStatus(step(c.a, id, 'status', { status: 'enrolled' }), 403);
    await expectStatus(step(c.pb2, id, 'status', { status: 'enrolled' }), 403);
    await expectStatus(step(c.b, id, 'status', { status: 'waiting_list' }), 200);
    const seen = await detail(c.a, id);
    expect([seen.serviceStatus, seen.can.updateStatus]).toEqual(['waiting_list', false]);
    expect(seen.serviceStatusAt).not.toBeNull();
  });

  it('MT-13: shared notes reach the other program; internal ones stay home and off the timeline', async () => {
    const { id } = await referral(provB1);
    const note = { happenedOn: isoDay(), contactMethod: 'phone', outcome: 'reached', text: 'Intake booked' };
    await expectStatus(step(c.pb1, id, 'notes', note), 200);
    await expectStatus(step(c.pb1, id, 'notes', { ...note, text: 'Mentions debt', shared: false }), 200);
    await expectStatus(
      step(c.pb1, id, 'notes', { kind: 'progress', happenedOn: isoDay(), text: 'First session' }),
      200,
    );
    await expectStatus(step(c.a, id, 'notes', { happenedOn: isoDay(-1), text: 'Prefers mornings' }), 200);
    const future = await expectStatus(step(c.pb1, id, 'notes', { happenedOn: isoDay(2), text: 'Later' }), 400);
    expect(fields(future)).toEqual(['body.happenedOn']);
    const texts = (d: { notes: { text: string; ours: boolean }[] }) => d.notes.map((n) => `${n.text}:${n.ours}`).sort();
    const sender = await detail(c.a, id);
    expect(texts(sender)).toEqual(['First session:false', 'Intake booked:false', 'Prefers mornings:true']);
    const receiver = await detail(c.b, id);
    expect(texts(receiver)).toEqual([
      'First session:true',
      'Intake booked:true',
      'Mentions debt:true',
      'Prefers mornings:false',
    ]);
    for (const d of [sender, receiver]) {
      expect(d.timeline.filter((e: { kind: string }) => ['note', 'progress'].includes(e.kind)).length).toBe(3);
    }
    const { client } = await consented([t.b.id]);
    await expectStatus(step(c.a, await draft(client.id), 'notes', note), 409);
  });

  it('MT-12: the timeline lists created, sent, assigned, status, note in order with their actors; all audited', async () => {
    const { id } = await referral(provB1);
    await expectStatus(step(c.pb1, id, 'status', { status: 'enrolled' }), 200);
    await expectStatus(step(c.pb1, id, 'notes', { happenedOn: isoDay(), text: 'Called' }), 200);
    const { timeline } = await detail(c.a, id);
    expect(timeline.map((e: { kind: string; actor: Person }) => [e.kind, e.actor.id])).toEqual([
      ['created', t.adminA.id],
      ['sent', t.adminA.id],
      ['assigned', t.adminB.id],
      ['status', provB1.id],
      ['note', provB1.id],
    ]);
    const audit = (await auditOf(db, t.network.id)).filter((e) => e.entityId === id);
    expect(audit.map((e) => [e.action, e.actorUserId])).toEqual([
      ['referral.created', t.adminA.id],
      ['referral.sent', t.adminA.id],
      ['referral.assigned', t.adminB.id],
      ['referral.status', provB1.id],
      ['referral.note', provB1.id],
    ]);
  });

  it('X-1: a sent referral shares the client with the receiving program; a draft does not', async () => {
    // The consent names B too, so each client's consent is revoked to see what the referral alone shares.
    const drafted = await consented([t.b.id]);
    await draft(drafted.client.id);
    await revoke(drafted.consentId);
    expect((await call(c.b, 'GET', `/api/clients/${drafted.client.id}`)).statusCode).toBe(404);
    expect((await call(c.b, 'GET', `/api/clients/${drafted.client.id}/referrals`)).statusCode).toBe(404);
    expect((await call(c.a, 'GET', `/api/clients/${drafted.client.id}`)).statusCode).toBe(200);
    const sent = await referral();
    await revoke(sent.consentId);
    expect((await call(c.b, 'GET', `/api/clients/${sent.client.id}`)).statusCode).toBe(200);
    const tiles = await expectStatus(call(c.b, 'GET', `/api/clients/${sent.client.id}/referrals`), 200);
    expect(tiles.items.map((r: { id: string }) => r.id)).toEqual([sent.id]);
    const other = await signIn(app, (await makeUser(db, [[t.office, ['mt_gatekeeper']]])).email);
    expect((await call(other, 'GET', `/api/clients/${sent.client.id}`)).statusCode).toBe(404);
  });
});
