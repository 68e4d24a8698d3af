import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { DAY, HOUR } from '../../platform/clock/clock.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeClient, makeTenantPair, makeUser } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';
import { consents } from '../consents/consents.table.js';
import { referrals } from '../referrals/referrals.table.js';
import { MERGE_UNDO_DAYS } from './clients.merge.js';
import { clientMerges } from './clients.table.js';

type Method = 'GET' | 'POST';

describe(`confirming and merging clients on ${testDriver} (MT-7)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let a: string;
  let admin: string;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db, 'default');
    a = await signIn(app, t.adminA.email);
    admin = await signIn(app, t.networkAdmin.email);
  });
  afterAll(() => app.close());

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const hiddenPerson = () =>
    makeClient(database.db, t.b, {
      firstName: 'Ingrid',
      lastName: `Halvorsen${Date.now()}`,
      birthDate: '1969-02-14',
      phone: '+14065550177',
      addressLine: '44 North Main Street',
      postalCode: '59601',
    });
  const consentFor = (clientId: string, name: string) =>
    call(a, 'POST', '/api/consents', {
      clientId,
      programIds: [],
      infoTypes: ['demographics'],
      authorizerKind: 'client',
      authorizerName: name,
    });

  it('MT-7: the client’s phone confirms a person known to another program, without revealing the stored one', async () => {
    const p = await hiddenPerson();
    const wrong = await call(a, 'POST', `/api/clients/${p.id}/confirm`, { phone: '406-555-0100' });
    expect(wrong.statusCode, wrong.body).toBe(200);
    expect(wrong.json()).toEqual({ matches: false, attemptsLeft: 2 });
    expect(wrong.body).not.toContain('0177');
    const right = await call(a, 'POST', `/api/clients/${p.id}/confirm`, { phone: '(406) 555-0177' });
    expect(right.json().matches).toBe(true);
    const audit = await auditOf(database.db, t.network.id);
    const confirms = audit.filter((e) => e.action === 'client.confirm' && e.entityId === p.id);
    expect(confirms.map((e) => e.details)).toEqual([
      { field: 'phone', matched: false },
      { field: 'phone', matched: true },
    ]);
    // Still hidden: only a consent naming the program opens the profile.
    expect((await call(a, 'GET', `/api/clients/${p.id}`)).statusCode).toBe(404);
  });

  it('MT-7: the street address and ZIP confirm too; abbreviations and case do not matter', async () => {
    const p = await hiddenPerson();
    const res = await call(a, 'POST', `/api/clients/${p.id}/confirm`, {
      addressLine: '44 n main st',
      postalCode: '59601-1234',
    });
    expect(res.json().matches).toBe(true);
    const zip = await call(a, 'POST', `/api/clients/${p.id}/confirm`, {
      addressLine: '44 N Main St',
      postalCode: '59602',
    });
    expect(zip.json().matches).toBe(false);
    const blank = await call(a, 'POST', `/api/clients/${p.id}/confirm`, { postalCode: '59601' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].field).toBe('body.addressLine');
  });

  it('MT-7: choosing the confirmed person starts a consent for the existing record; unconfirmed, 404', async () => {
    const p = await hiddenPerson();
    const name = `${p.firstName} ${p.lastName}`;
    expect((await consentFor(p.id, name)).statusCode).toBe(404);
    await call(a, 'POST', `/api/clients/${p.id}/confirm`, { phone: '4065550177' });
    const started = await consentFor(p.id, name);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({ clientId: p.id, status: 'pending' });
    // Once the consent is signed the full profile opens to the program.
    const signed = await call(a, 'POST', `/api/consents/${started.json().id}/esign`, {
      signerName: name,
      confirm: true,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((await call(a, 'GET', `/api/clients/${p.id}`)).json().phone).toBe('+14065550177');
  });

  it('MT-7: guessing is limited: three misses per person a day, then 429', async () => {
    const p = await hiddenPerson();
    for (let i = 0; i < 3; i++) await call(a, 'POST', `/api/clients/${p.id}/confirm`, { phone: `406555010${i}` });
    const res = await call(a, 'POST', `/api/clients/${p.id}/confirm`, { phone: '4065550177' });
    expect(res.statusCode).toBe(429);
  });

  it('MT-7: a client of another network is not found', async () => {
    const other = await makeTenantPair(database.db, 'default');
    const p = await makeClient(database.db, other.a, { phone: '+14065550199' });
    expect((await call(a, 'POST', `/api/clients/${p.id}/confirm`, { phone: '4065550199' })).statusCode).toBe(404);
  });

  it('MT-7: a network administrator merges a duplicate: its consents and referrals move to the survivor; undone within 30 days', async () => {
    const survivor = await makeClient(database.db, t.a, { firstName: 'Ada', lastName: `Merge${Date.now()}` });
    const duplicate = await makeClient(database.db, t.a, { firstName: 'Ada', lastName: survivor.lastName });
    const consent = await consentFor(duplicate.id, `Ada ${survivor.lastName}`);
    expect(consent.statusCode, consent.body).toBe(201);
    const signed = await call(a, 'POST', `/api/consents/${consent.json().id}/esign`, {
      signerName: `Ada ${survivor.lastName}`,
      confirm: true,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    // An internal referral (MT-11: the own program) of the duplicate moves with it.
    const referral = await call(a, 'POST', '/api/referrals', { clientId: duplicate.id, toProgramId: t.a.id });
    expect(referral.statusCode, referral.body).toBe(201);
    const clientOfReferral = async () =>
      (await database.db.select().from(referrals).where(eq(referrals.id, referral.json().id)))[0]?.clientId;
    expect((await call(a, 'POST', `/api/clients/${survivor.id}/merge`, { mergedId: duplicate.id })).statusCode).toBe(
      403,
    );

    const merged = await call(admin, 'POST', `/api/clients/${survivor.id}/merge`, { mergedId: duplicate.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ survivorId: survivor.id, mergedId: duplicate.id, canUndo: true });
    const moved = await database.db.select().from(consents);
    expect(moved.find((c) => c.id === consent.json().id)?.clientId).toBe(survivor.id);
    expect(await clientOfReferral()).toBe(survivor.id);
    expect(merged.json().moved.referrals).toEqual([referral.json().id]);
    expect((await call(a, 'GET', `/api/clients/${duplicate.id}`)).json().mergedIntoId).toBe(survivor.id);
    const twice = await call(admin, 'POST', `/api/clients/${survivor.id}/merge`, { mergedId: duplicate.id });
    expect(twice.statusCode).toBe(409);
    expect((await call(admin, 'GET', '/api/client-merges')).json().items[0].id).toBe(merged.json().id);

    const undone = await call(admin, 'POST', `/api/client-merges/${merged.json().id}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    const back = await database.db.select().from(consents);
    expect(back.find((c) => c.id === consent.json().id)?.clientId).toBe(duplicate.id);
    expect(await clientOfReferral()).toBe(duplicate.id);
    expect((await call(a, 'GET', `/api/clients/${duplicate.id}`)).json().mergedIntoId).toBeNull();
    expect((await call(admin, 'POST', `/api/client-merges/${merged.json().id}/undo`)).statusCode).toBe(409);
    const actions = (await auditOf(database.db, t.network.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['client.merge', 'client.merge_undo']));
  });

  it('MT-7: after 30 days a merge can no longer be undone; merging into itself is refused', async () => {
    const survivor = await makeClient(database.db, t.a);
    const duplicate = await makeClient(database.db, t.a);
    const self = await call(admin, 'POST', `/api/clients/${survivor.id}/merge`, { mergedId: survivor.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].field).toBe('body.mergedId');
    const merged = await call(admin, 'POST', `/api/clients/${survivor.id}/merge`, { mergedId: duplicate.id });
    // Age the merge rather than the clock: the session would lapse too.
    await database.db
      .update(clientMerges)
      .set({ mergedAt: new Date(Date.now() - MERGE_UNDO_DAYS * DAY - HOUR) })
      .where(eq(clientMerges.id, merged.json().id));
    const late = await call(admin, 'POST', `/api/client-merges/${merged.json().id}/undo`);
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('30 days');
  });

  it('X-1: a provider without network administration cannot list merges', async () => {
    const provider = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const cookie = await signIn(app, provider.email);
    expect((await call(cookie, 'GET', '/api/client-merges')).statusCode).toBe(403);
  });
});
