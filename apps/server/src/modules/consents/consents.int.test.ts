import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { DAY, ManualClock, MINUTE } from '../../platform/clock/clock.js';
import { acceptUserAgreement, buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import {
  makeClient,
  makeOrganization,
  makeProgram,
  makeTenantPair,
  makeUser,
  type TestProgram,
} from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';
import { programs } from '../organizations/organizations.table.js';
import { consentPrograms, consents } from './consents.table.js';

type Method = 'GET' | 'POST';
type Person = { id: string; firstName: string; lastName: string };
interface ConsentJson {
  id: string;
  status: string;
  valid: boolean;
  createdByProgramId: string;
  programs: { id: string; name: string; organizationName: string }[];
  sensitiveTypes: string[];
  signedAt: string | null;
  expiresAt: string | null;
  canManage: boolean;
  [k: string]: unknown;
}

const on =
  (server: App) =>
  (cookie: string, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> =>
    server.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const fieldsOf = (res: LightMyRequestResponse): string[] =>
  (res.json().errors ?? []).map((e: { field: string }) => e.field);
const nameOf = (c: Person) => `${c.firstName} ${c.lastName}`;
let serial = 0;

describe(`consents on ${testDriver} (MT-9, MT-10, X-1)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  /** A third organization's program (named on some consents) and a fourth's (never named). */
  let pc: TestProgram;
  let pd: TestProgram;
  let foreignProgram: string;
  const cookie = {} as Record<'a' | 'b' | 'c' | 'd' | 'sibling', string>;
  let call: ReturnType<typeof on>;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    call = on(app);
    t = await makeTenantPair(database.db, 'default');
    pc = await makeProgram(database.db, await makeOrganization(database.db, t.network.id), { name: 'Clinic C' });
    pd = await makeProgram(database.db, await makeOrganization(database.db, t.network.id), { name: 'Shelter D' });
    foreignProgram = (await makeTenantPair(database.db, 'default')).a.id;
    cookie.a = await signIn(app, t.adminA.email);
    cookie.b = await signIn(app, t.adminB.email);
    cookie.c = await signIn(app, (await makeUser(database.db, [[pc, ['mt_provider']]])).email);
    cookie.d = await signIn(app, (await makeUser(database.db, [[pd, ['mt_gatekeeper']]])).email);
    const sibling = await makeProgram(database.db, { id: t.a.organizationId, networkId: t.network.id });
    cookie.sibling = await signIn(app, (await makeUser(database.db, [[sibling, ['mt_gatekeeper']]])).email);
  });
  afterAll(() => app.close());

  const newClient = (p: TestProgram = t.a) =>
    makeClient(database.db, p, { firstName: 'Marta', lastName: `Lindqvist${Date.now()}x${serial++}` });
  const bodyOf = (client: Person, over: object = {}) => ({
    clientId: client.id,
    programIds: [t.b.id],
    infoTypes: ['demographics', 'needs'],
    authorizerKind: 'client',
    authorizerName: nameOf(client),
    ...over,
  });
  const create = async (client: Person, over: object = {}, as = cookie.a): Promise<ConsentJson> => {
    const res = await call(as, 'POST', '/api/consents', bodyOf(client, over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const eSign = (id: string, signerName: string, as = cookie.a, confirm = true) =>
    call(as, 'POST', `/api/consents/${id}/esign`, { signerName, confirm });
  const signed = async (client: Person, over: object = {}) => {
    const k = await create(client, over);
    const res = await eSign(k.id, nameOf(client));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ConsentJson;
  };
  const revoke = (id: string, as: string, reason = 'The client asked to stop sharing') =>
    call(as, 'POST', `/api/consents/${id}/revoke`, { reason });
  /** [GET /api/clients/:id status, listed by a name search]: the two ways a program meets a client. */
  const seen = async (as: string, client: Person, request = call) => {
    const one = await request(as, 'GET', `/api/clients/${client.id}`);
    const found = await request(as, 'GET', `/api/clients?q=${encodeURIComponent(client.lastName)}`);
    expect(found.statusCode, found.body).toBe(200);
    return [one.statusCode, found.json().items.some((i: { client: { id: string } }) => i.client.id === client.id)];
  };
  const rowsOf = async (clientId: string) => {
    const ks = await database.db.select({ id: consents.id }).from(consents).where(eq(consents.clientId, clientId));
    const named = await database.db
      .select({ id: consentPrograms.consentId })
      .from(consentPrograms)
      .where(eq(consentPrograms.networkId, t.network.id));
    return { consents: ks.length, named: named.length };
  };

  it('MT-9: the acting program is always on the consent; every program on it sees it and each other', async () => {
    const client = await newClient();
    const k = await create(client, { programIds: [t.b.id, pc.id] });
    expect(k).toMatchObject({ status: 'pending', valid: false, createdByProgramId: t.a.id, canManage: true });
    const onIt = [t.a.id, t.b.id, pc.id].sort();
    expect(k.programs.map((p) => p.id).sort()).toEqual(onIt);
    expect(k.programs.find((p) => p.id === pc.id)).toMatchObject({ name: 'Clinic C' });

    for (const reader of [cookie.b, cookie.c]) {
      const res = await call(reader, 'GET', `/api/consents/${k.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as ConsentJson).programs.map((p) => p.id).sort()).toEqual(onIt);
      expect(res.json().canManage).toBe(false);
      // until it is signed the consent opens nothing, so the client's name stays with its creator.
      expect(res.body).not.toContain(client.lastName);
      expect(res.json().authorizerName).toBe('Shown once the consent is signed');
      expect((await call(reader, 'GET', `/api/consents/${k.id}/form.pdf`)).statusCode).toBe(403);
    }
    // Not named: another organization's program, and a sibling program of the creator's own organization.
    for (const outsider of [cookie.d, cookie.sibling]) {
      const res = await call(outsider, 'GET', `/api/consents/${k.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(client.lastName);
    }
  });

  it('MT-9: a consent may name only the acting program (its own id given again is not doubled)', async () => {
    const client = await newClient();
    expect((await create(client, { programIds: [] })).programs.map((p) => p.id)).toEqual([t.a.id]);
    expect((await create(client, { programIds: [t.a.id] })).programs.map((p) => p.id)).toEqual([t.a.id]);
  });

  it('MT-9, X-5: bad input answers 400 naming the field, and nothing is saved', async () => {
    const client = await newClient();
    const cases: [object, string][] = [
      [{ infoTypes: [] }, 'body.infoTypes'],
      [{ authorizerKind: 'guardian', authorizerName: 'Rosa Lindqvist' }, 'body.authorizerRelationship'],
      [
        { authorizerKind: 'guardian', authorizerName: 'Rosa Lindqvist', authorizerRelationship: '  ' },
        'body.authorizerRelationship',
      ],
      [{ authorizerKind: 'client', authorizerName: 'Rosa Lindqvist' }, 'body.authorizerName'],
      [{ programIds: [t.b.id, foreignProgram] }, 'body.programIds'],
    ];
    const before = await rowsOf(client.id);
    for (const [over, field] of cases) {
      const res = await call(cookie.a, 'POST', '/api/consents', bodyOf(client, over));
      expect(res.statusCode, field).toBe(400);
      expect(fieldsOf(res), res.body).toContain(field);
    }
    expect(await rowsOf(client.id)).toEqual(before);
    expect(before.consents).toBe(0);
    // A guardian who states the relationship is accepted.
    const guardian = await create(client, {
      authorizerKind: 'guardian',
      authorizerName: 'Rosa Lindqvist',
      authorizerRelationship: 'Mother',
    });
    expect(guardian).toMatchObject({ authorizerKind: 'guardian', authorizerRelationship: 'Mother' });
  });

  it('MT-9, MT-4: naming a program that cannot receive referrals (no agency agreement) is 409, nothing saved', async () => {
    const mt = await makeTenantPair(database.db, 'mt-referral-network');
    const as = await signIn(app, mt.adminA.email);
    await acceptUserAgreement(app, as, mt.adminA.name);
    const client = await makeClient(database.db, mt.a, { firstName: 'Ada', lastName: `Agreement${Date.now()}` });
    const payload = bodyOf(client, { programIds: [mt.b.id] });
    const res = await call(as, 'POST', '/api/consents', payload);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toMatch(/agency agreement/);
    expect((await database.db.select().from(consents).where(eq(consents.clientId, client.id))).length).toBe(0);

    // Once a gatekeeper signs B's agreement (set directly here), the same consent goes through.
    await database.db
      .update(programs)
      .set({ agreementValidUntil: new Date(Date.now() + 30 * DAY) })
      .where(eq(programs.id, mt.b.id));
    expect((await call(as, 'POST', '/api/consents', payload)).statusCode).toBe(201);
  });

  it('MT-9: sensitive categories are kept only when ticked separately, and returned', async () => {
    const client = await newClient();
    const plain = await create(client, { infoTypes: ['demographics', 'health_general'] });
    expect(plain.sensitiveTypes).toEqual([]);
    const ticked = await create(client, { sensitiveTypes: ['hiv_sti', 'substance_use'] });
    expect(ticked.sensitiveTypes).toEqual(['hiv_sti', 'substance_use']);
    const [row] = await database.db.select().from(consents).where(eq(consents.id, ticked.id));
    expect(row?.sensitiveTypes).toEqual(['hiv_sti', 'substance_use']);
    expect(row?.infoTypes).toEqual(['demographics', 'needs']);
    expect((await call(cookie.b, 'GET', `/api/consents/${ticked.id}`)).json().sensitiveTypes).toEqual([
      'hiv_sti',
      'substance_use',
    ]);

    const before = await rowsOf(client.id);
    const bad = await call(cookie.a, 'POST', '/api/consents', bodyOf(client, { sensitiveTypes: ['astrology'] }));
    expect(bad.statusCode).toBe(400);
    expect(
      fieldsOf(bad).some((f) => f.startsWith('body.sensitiveTypes')),
      bad.body,
    ).toBe(true);
    expect(await rowsOf(client.id)).toEqual(before);
  });

  it('MT-10: e-sign takes the authorizer’s own name (case and spacing ignored) and the confirmation; valid 365 days', async () => {
    const client = await newClient();
    const k = await create(client);
    const other = await eSign(k.id, 'Rosa Lindqvist');
    expect(other.statusCode).toBe(400);
    expect(fieldsOf(other)).toContain('body.signerName');
    const unticked = await eSign(k.id, nameOf(client), cookie.a, false);
    expect(unticked.statusCode).toBe(400);
    expect(fieldsOf(unticked)).toContain('body.confirm');
    expect((await call(cookie.a, 'GET', `/api/consents/${k.id}`)).json().status).toBe('pending');

    const typed = `  ${client.firstName.toUpperCase()}    ${client.lastName.toLowerCase()} `;
    const res = await eSign(k.id, typed);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as ConsentJson;
    expect(s).toMatchObject({ status: 'signed', valid: true, method: 'esign', complete: true });
    const signedAt = new Date(s.signedAt!).getTime();
    expect(Math.abs(signedAt - Date.now())).toBeLessThan(MINUTE);
    expect(new Date(s.expiresAt!).getTime() - signedAt).toBe(365 * DAY);

    const twice = await eSign(k.id, nameOf(client));
    expect(twice.statusCode).toBe(409);
  });

  it('MT-10: a guardian signs with their own name, not the client’s', async () => {
    const client = await newClient();
    const k = await create(client, {
      authorizerKind: 'guardian',
      authorizerName: 'Rosa Lindqvist',
      authorizerRelationship: 'Mother',
    });
    expect(fieldsOf(await eSign(k.id, nameOf(client)))).toContain('body.signerName');
    expect((await eSign(k.id, 'rosa lindqvist')).json()).toMatchObject({
      status: 'signed',
      signerName: 'rosa lindqvist',
    });
  });

  it('MT-10: a program on the consent but not its creator cannot collect the signature (403)', async () => {
    const client = await newClient();
    const k = await create(client);
    const res = await eSign(k.id, nameOf(client), cookie.b);
    expect(res.statusCode).toBe(403);
    expect((await call(cookie.a, 'GET', `/api/consents/${k.id}`)).json().status).toBe('pending');
  });

  const stages: ['before signature' | 'after e-sign' | 'after revoke', boolean][] = [
    ['before signature', false],
    ['after e-sign', true],
    ['after revoke', false],
  ];
  it.each(stages)('X-1: program B named on a consent, %s → sees the client: %s', async (stage, visible) => {
    const client = await newClient();
    const k = await create(client);
    if (stage !== 'before signature') expect((await eSign(k.id, nameOf(client))).statusCode).toBe(200);
    if (stage === 'after revoke') expect((await revoke(k.id, cookie.b)).statusCode).toBe(200);
    expect(await seen(cookie.b, client)).toEqual(visible ? [200, true] : [404, false]);
    // The creator always sees its client; a program the consent does not name never does.
    expect(await seen(cookie.a, client)).toEqual([200, true]);
    expect(await seen(cookie.d, client)).toEqual([404, false]);
  });

  it('X-1, MT-10: a named program that did not create the consent revokes it, with a reason; twice is 409', async () => {
    const client = await newClient();
    const k = await signed(client);
    const none = await call(cookie.b, 'POST', `/api/consents/${k.id}/revoke`, {});
    expect(none.statusCode).toBe(400);
    expect(fieldsOf(none)).toContain('body.reason');
    expect(fieldsOf(await revoke(k.id, cookie.b, '   '))).toContain('body.reason');
    expect((await revoke(k.id, cookie.d)).statusCode).toBe(404);

    const res = await revoke(k.id, cookie.b, '  Client withdrew consent by phone ');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'revoked',
      valid: false,
      revokeReason: 'Client withdrew consent by phone',
    });
    expect(res.json().revokedAt).not.toBeNull();
    expect((await revoke(k.id, cookie.a)).statusCode).toBe(409);
    expect((await revoke(k.id, cookie.b)).statusCode).toBe(409);
  });

  it('X-1: a client’s consents list only those naming the acting program, newest first', async () => {
    const client = await newClient();
    const withB = await signed(client);
    const alone = await create(client, { programIds: [] });
    const withC = await signed(client, { programIds: [pc.id] });
    const ids = async (as: string) => {
      const res = await call(as, 'GET', `/api/clients/${client.id}/consents`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as ConsentJson[]).map((k) => k.id);
    };
    expect(await ids(cookie.a)).toEqual([withC.id, alone.id, withB.id]);
    expect(await ids(cookie.b)).toEqual([withB.id]);
    expect(await ids(cookie.c)).toEqual([withC.id]);
    expect((await call(cookie.d, 'GET', `/api/clients/${client.id}/consents`)).statusCode).toBe(404);
  });

  it('MT-10: a year after the signature the consent grants nothing, before the nightly job runs', async () => {
    const clock = new ManualClock();
    const timed = await buildTestApp({ clock });
    try {
      const request = on(timed);
      // Sessions age with the clock: sign in again after each move.
      const signInBoth = async () => [await signIn(timed, t.adminA.email), await signIn(timed, t.adminB.email)];
      let [a, b] = await signInBoth();
      const client = await newClient();
      const k = (await request(a!, 'POST', '/api/consents', bodyOf(client))).json() as ConsentJson;
      expect(
        (await request(a!, 'POST', `/api/consents/${k.id}/esign`, { signerName: nameOf(client), confirm: true }))
          .statusCode,
      ).toBe(200);
      expect(await seen(b!, client, request)).toEqual([200, true]);

      clock.advance(364 * DAY);
      [a, b] = await signInBoth();
      expect(await seen(b!, client, request)).toEqual([200, true]);

      clock.advance(DAY + MINUTE);
      [a, b] = await signInBoth();
      expect(await seen(b!, client, request)).toEqual([404, false]);
      const view = (await request(a!, 'GET', `/api/consents/${k.id}`)).json();
      // Still "signed" in the table (the sweep has not run), yet no longer valid.
      expect(view).toMatchObject({ status: 'signed', valid: false });
    } finally {
      await timed.close();
    }
  });

  it('X-2: creating, signing and revoking a consent are audited, by whoever did each', async () => {
    const client = await newClient();
    const k = await signed(client);
    expect((await revoke(k.id, cookie.b)).statusCode).toBe(200);
    const entries = (await auditOf(database.db, t.network.id)).filter(
      (e) => e.entityType === 'consent' && e.entityId === k.id,
    );
    expect(entries.map((e) => [e.action, e.actorUserId, e.actingProgramId])).toEqual([
      ['consent.create', t.adminA.id, t.a.id],
      ['consent.sign', t.adminA.id, t.a.id],
      ['consent.revoke', t.adminB.id, t.b.id],
    ]);
    expect(entries[1]?.details).toMatchObject({ method: 'esign' });
    // The trail names the record, not the person: no client name in it.
    expect(JSON.stringify(entries)).not.toContain(client.lastName);
  });
});
