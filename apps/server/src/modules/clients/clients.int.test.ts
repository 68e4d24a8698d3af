import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeClient, makeProgram, makeTenantPair, makeUser } from '../../test/factories.js';
import { auditOf, isoDay } from '../../test/helpers.js';
import { consentPrograms, consents } from '../consents/consents.table.js';
import { nameKeys } from './clients.match.js';

type Method = 'GET' | 'POST' | 'PATCH';

const person = (over: object = {}) => ({
  firstName: 'Margaret',
  lastName: 'Okafor',
  birthDate: '1984-03-07',
  genderIdentity: 'woman',
  race: ['black'],
  militaryService: 'never',
  phone: '(406) 555-0142',
  addressLine: '12 Main Street',
  city: 'Helena',
  county: 'Lewis and Clark',
  postalCode: '59601',
  ...over,
});

describe(`clients on ${testDriver} (MT-7, MT-8, CI-1, X-1)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let a: string;
  let b: string;
  let admin: string;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db, 'default');
    a = await signIn(app, t.adminA.email);
    b = await signIn(app, t.adminB.email);
    admin = await signIn(app, t.networkAdmin.email);
  });
  afterAll(() => app.close());

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('MT-8: creates a client with the profile fields; phone stored as E.164; completeness per section', async () => {
    const res = await call(a, 'POST', '/api/clients', person({ lastName: `Okafor${Date.now()}` }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      phone: '+14065550142',
      noPhone: false,
      noFixedAddress: false,
      createdByProgramId: t.a.id,
    });
    expect(c.completeness).toEqual({ personal: true, contact: true, coverage: false });
    const audit = await auditOf(database.db, t.network.id);
    expect(audit.some((e) => e.action === 'client.create' && e.entityId === c.id)).toBe(true);
  });

  it('MT-8: the guide’s placeholders become explicit "no phone" and "no fixed address" flags, not fake values', async () => {
    const res = await call(
      a,
      'POST',
      '/api/clients',
      person({
        firstName: 'Rowan',
        lastName: `Placeholder${Date.now()}`,
        phone: '999-999-9999',
        addressLine: '0000 Street',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ phone: null, noPhone: true, addressLine: null, noFixedAddress: true });
    expect(res.json().completeness.contact).toBe(true);
  });

  it('MT-8: bad input answers 400 naming the field, and nothing is saved', async () => {
    const cases: [object, string][] = [
      [{ birthDate: isoDay(2) }, 'body.birthDate'],
      [{ phone: '12' }, 'body.phone'],
      [{ addressLine: null }, 'body.addressLine'],
      [{ county: null }, 'body.county'],
      [{ genderIdentity: 'robot' }, 'body.genderIdentity'],
      [{ firstName: '' }, 'body.firstName'],
    ];
    for (const [over, field] of cases) {
      const res = await call(a, 'POST', '/api/clients', person({ lastName: 'Nobody-saved', ...over }));
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const found = await call(a, 'GET', '/api/clients?q=Nobody-saved');
    expect(found.json().items).toEqual([]);
  });

  it('MT-7: a likely duplicate answers 409 with scored candidates and reasons; "new person" confirms', async () => {
    const last = `Dupl${Date.now()}`;
    await call(a, 'POST', '/api/clients', person({ firstName: 'William', lastName: last }));
    const res = await call(a, 'POST', '/api/clients', person({ firstName: 'Bill', lastName: last, phone: null }));
    expect(res.statusCode).toBe(409);
    const [top] = res.json().candidates;
    expect(top.visible).toBe(true);
    expect(top.client.firstName).toBe('William');
    expect(top.score).toBeGreaterThan(0.5);
    expect(top.reasons.length).toBeGreaterThan(0);
    const confirmed = await call(
      a,
      'POST',
      '/api/clients',
      person({ firstName: 'Bill', lastName: last, confirmNewPerson: true }),
    );
    expect(confirmed.statusCode).toBe(201);
  });

  it('MT-7: the check spans the network without leaking: another program’s client shows only a score and reasons', async () => {
    const last = `Hidden${Date.now()}`;
    await makeClient(database.db, t.b, {
      firstName: 'Dolores',
      lastName: last,
      birthDate: '1971-11-04',
      phone: '+14065550188',
      nameKeys: nameKeys('Dolores', last),
    });
    const res = await call(
      a,
      'POST',
      '/api/clients',
      person({ firstName: 'Dolores', lastName: last, birthDate: '1971-04-11' }),
    );
    expect(res.statusCode).toBe(409);
    const [top] = res.json().candidates;
    expect(top).toMatchObject({ visible: false, client: null });
    expect(typeof top.candidateToken).toBe('string');
    expect(JSON.stringify(res.json())).not.toContain('+14065550188');
    // A nickname reason must not name the hidden person either.
    await makeClient(database.db, t.b, {
      firstName: 'Wilhelmina',
      lastName: `${last}x`,
      birthDate: '1960-02-02',
      nameKeys: nameKeys('Wilhelmina', `${last}x`),
    });
    const nick = await call(
      a,
      'POST',
      '/api/clients',
      person({ firstName: 'Billie', lastName: `${last}x`, birthDate: '1960-02-02' }),
    );
    expect(nick.body).not.toContain('Wilhelmina');
  });

  it('MT-7/CI-1: search by typo-tolerant name, by member ID, and by first + last name + date of birth', async () => {
    const last = `Thistlewood${Date.now() % 100000}`;
    const created = (
      await call(
        a,
        'POST',
        '/api/clients',
        person({ firstName: 'Eleanor', lastName: last, memberId: `M-${last}`, coverageStatus: 'active' }),
      )
    ).json();
    const typo = await call(a, 'GET', `/api/clients?q=${encodeURIComponent(`Elenor ${last.replace('wood', 'wod')}`)}`);
    expect(typo.json().items.map((i: { client: { id: string } }) => i.client.id)).toContain(created.id);
    const member = await call(a, 'GET', `/api/clients?memberId=m-${last}`);
    expect(member.json().items).toHaveLength(1);
    expect(member.json().items[0].client).toMatchObject({ coverageStatus: 'active' });
    const exact = await call(a, 'GET', `/api/clients?firstName=eleanor&lastName=${last}&birthDate=1984-03-07`);
    expect(exact.json().items).toHaveLength(1);
    const partial = await call(a, 'GET', `/api/clients?firstName=eleanor&lastName=${last}`);
    expect(partial.statusCode).toBe(400);
    expect((await call(a, 'GET', '/api/clients')).json().errors[0].field).toBe('query.q');
  });

  describe('X-1: who sees a client (table-driven)', async () => {
    const day = 86_400_000;
    type Setup = 'creator' | 'on consent' | 'not on consent' | 'after revoke' | 'after expiry' | 'pending consent';
    const cases: [Setup, boolean][] = [
      ['creator', true],
      ['on consent', true],
      ['not on consent', false],
      ['after revoke', false],
      ['after expiry', false],
      ['pending consent', false],
    ];
    it.each(cases)('%s → visible: %s', async (setup, visible) => {
      const client = await makeClient(database.db, t.a, { lastName: `Vis${setup}${Date.now()}` });
      const reader = setup === 'creator' ? a : b;
      if (setup !== 'creator') {
        const now = Date.now();
        const signed = setup !== 'pending consent';
        const [k] = await database.db
          .insert(consents)
          .values({
            networkId: t.network.id,
            organizationId: t.a.organizationId,
            clientId: client.id,
            createdByProgramId: t.a.id,
            createdBy: t.adminA.id,
            authorizerKind: 'client',
            authorizerName: 'Test Client',
            status: setup === 'after revoke' ? 'revoked' : signed ? 'signed' : 'pending',
            signedAt: signed ? new Date(now - 10 * day) : null,
            expiresAt: signed ? new Date(setup === 'after expiry' ? now - day : now + 300 * day) : null,
          })
          .returning();
        const named = setup === 'not on consent' ? [t.a] : [t.a, t.b];
        await database.db.insert(consentPrograms).values(
          named.map((p) => ({
            consentId: k!.id,
            programId: p.id,
            organizationId: p.organizationId,
            networkId: p.networkId,
          })),
        );
      }
      const res = await call(reader, 'GET', `/api/clients/${client.id}`);
      expect(res.statusCode).toBe(visible ? 200 : 404);
      const search = await call(reader, 'GET', `/api/clients?q=${encodeURIComponent(client.lastName)}`);
      expect(search.json().items.some((i: { client: { id: string } }) => i.client.id === client.id)).toBe(visible);
    });
  });

  it('X-1: a second program of the same organization does not see the first program’s client', async () => {
    const sibling = await makeProgram(database.db, { id: t.a.organizationId, networkId: t.network.id });
    const user = await makeUser(database.db, [[sibling, ['mt_provider']]]);
    const cookie = await signIn(app, user.email);
    const client = await makeClient(database.db, t.a);
    expect((await call(cookie, 'GET', `/api/clients/${client.id}`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', `/api/clients/${client.id}`)).statusCode).toBe(200);
  });

  it('MT-8: a profile edit is audited by field name and re-checks the rules', async () => {
    const client = (
      await call(a, 'POST', '/api/clients', person({ firstName: 'Ida', lastName: `Edit${Date.now()}` }))
    ).json();
    const res = await call(a, 'PATCH', `/api/clients/${client.id}`, { phone: '406 555 0199', city: 'Butte' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phone: '+14065550199', city: 'Butte' });
    expect((await call(b, 'PATCH', `/api/clients/${client.id}`, { city: 'X' })).statusCode).toBe(404);
    expect((await call(a, 'PATCH', `/api/clients/${client.id}`, { city: null })).json().errors[0].field).toBe(
      'body.city',
    );
  });
});
