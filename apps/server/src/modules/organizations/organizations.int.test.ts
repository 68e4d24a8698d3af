import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeNetwork, makeOrganization, makeProgram, makeTenantPair, makeUser } from '../../test/factories.js';
import { membershipIdOf } from '../../test/helpers.js';

const ORGANIZATION_KEYS = [
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'country',
  'county',
  'createdAt',
  'description',
  'email',
  'fax',
  'id',
  'mobile',
  'name',
  'networkId',
  'phone',
  'postcode',
  'taxId',
  'town',
  'updatedAt',
  'website',
];

describe(`organizations and programs on ${testDriver}`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let admin: string;
  let gatekeeper: string;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db);
    admin = await signIn(app, t.networkAdmin.email);
    gatekeeper = await signIn(app, t.adminA.email);
  });
  afterAll(() => app.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('ND-2: a network administrator adds an organization and edits it', async () => {
    const created = await call(admin, 'POST', '/api/organizations', {
      name: 'Prairie Housing',
      taxId: '12-3456789',
      website: 'https://prairie.example.test',
      phone: '701-555-0142',
      email: 'office@prairie.example.test',
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(Object.keys(org).sort()).toEqual(ORGANIZATION_KEYS);
    expect(org).toMatchObject({ networkId: t.network.id, name: 'Prairie Housing', taxId: '12-3456789' });

    const edited = await call(admin, 'PATCH', `/api/organizations/${org.id}`, { phone: '701-555-0143', website: null });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: org.id, name: 'Prairie Housing', phone: '701-555-0143', website: null });
    const read = await call(admin, 'GET', `/api/organizations/${org.id}`);
    expect(read.json()).toMatchObject({ phone: '701-555-0143', email: 'office@prairie.example.test' });
  });

  it('ND-2: a network administrator adds a program with address, contact details, regions and referral status, and edits it', async () => {
    const created = await call(admin, 'POST', '/api/programs', {
      organizationId: t.a.organizationId,
      name: 'Care Coordination West',
      addressLine1: '1 Main Street',
      city: 'Fargo',
      state: 'ND',
      postalCode: '58102',
      phone: '701-555-0100',
      email: 'cc@example.test',
      website: 'http://cc.example.test',
      regions: ['Region 5'],
      counties: ['Cass', 'Richland'],
      referralStatus: 'closed',
    });
    expect(created.statusCode).toBe(201);
    const program = created.json();
    expect(program).toMatchObject({
      networkId: t.network.id,
      organizationId: t.a.organizationId,
      name: 'Care Coordination West',
      city: 'Fargo',
      regions: ['Region 5'],
      counties: ['Cass', 'Richland'],
      referralStatus: 'closed',
      description: null,
    });
    expect(typeof program.organizationName).toBe('string');

    const edited = await call(admin, 'PATCH', `/api/programs/${program.id}`, {
      referralStatus: 'open',
      regions: ['Region 4'],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      id: program.id,
      referralStatus: 'open',
      regions: ['Region 4'],
      city: 'Fargo',
    });
  });

  it('ND-2: organization lists page with a cursor; a limit over the maximum is refused naming query.limit', async () => {
    const tag = randomUUID().slice(0, 8);
    for (const n of ['C', 'A', 'B']) {
      expect((await call(admin, 'POST', '/api/organizations', { name: `Paged ${tag} ${n}` })).statusCode).toBe(201);
    }
    const first = await call(admin, 'GET', `/api/organizations?q=${tag}&limit=2`);
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((o: { name: string }) => o.name)).toEqual([`Paged ${tag} A`, `Paged ${tag} B`]);
    expect(first.json().nextCursor).toEqual(expect.any(String));
    const second = await call(admin, 'GET', `/api/organizations?q=${tag}&limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json()).toEqual({ items: [expect.objectContaining({ name: `Paged ${tag} C` })], nextCursor: null });

    const tooMany = await call(admin, 'GET', '/api/organizations?limit=500');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].field).toBe('query.limit');
    const badCursor = await call(admin, 'GET', '/api/organizations?cursor=not-ours');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0].field).toBe('query.cursor');
  });

  it('ND-2: program lists filter by organization and page with a cursor', async () => {
    const org = await makeOrganization(database.db, t.network.id);
    for (const n of ['1', '2', '3']) await makeProgram(database.db, org, { name: `Service ${n}` });
    const first = (await call(admin, 'GET', `/api/programs?organizationId=${org.id}&limit=2`)).json();
    const second = (
      await call(admin, 'GET', `/api/programs?organizationId=${org.id}&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect([...first.items, ...second.items].map((p: { name: string }) => p.name)).toEqual([
      'Service 1',
      'Service 2',
      'Service 3',
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('MT-6: a gatekeeper cannot add organizations or programs (403)', async () => {
    const org = await call(gatekeeper, 'POST', '/api/organizations', { name: 'Not allowed' });
    expect(org.statusCode).toBe(403);
    expect(org.json().code).toBe('forbidden');
    const program = await call(gatekeeper, 'POST', '/api/programs', {
      organizationId: t.a.organizationId,
      name: 'Nope',
    });
    expect(program.statusCode).toBe(403);
  });

  it('MT-6: a gatekeeper reads and edits its own organization and program (organization:write)', async () => {
    const list = (await call(gatekeeper, 'GET', '/api/organizations')).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([t.a.organizationId]);
    expect((await call(gatekeeper, 'GET', `/api/organizations/${t.a.organizationId}`)).statusCode).toBe(200);
    const org = await call(gatekeeper, 'PATCH', `/api/organizations/${t.a.organizationId}`, { phone: '406-555-0177' });
    expect(org.statusCode).toBe(200);
    expect(org.json().phone).toBe('406-555-0177');
    const program = await call(gatekeeper, 'PATCH', `/api/programs/${t.a.id}`, { description: 'Family support' });
    expect(program.statusCode).toBe(200);
    expect(program.json().description).toBe('Family support');
  });

  it('MT-6: a provider reads its own organization and program but cannot edit them (403)', async () => {
    const provider = await signIn(app, (await makeUser(database.db, [[t.a, ['mt_provider']]])).email);
    expect((await call(provider, 'GET', `/api/programs/${t.a.id}`)).statusCode).toBe(200);
    const org = await call(provider, 'PATCH', `/api/organizations/${t.a.organizationId}`, { phone: '406-555-0100' });
    expect(org.statusCode).toBe(403);
    const program = await call(provider, 'PATCH', `/api/programs/${t.a.id}`, { name: 'Renamed' });
    expect(program.statusCode).toBe(403);
    expect((await call(provider, 'GET', `/api/programs/${t.a.id}`)).json().name).toBe(t.a.name);
  });

  it('NCC-2: Read Only sees the organization, service and contacts but every change is refused (403)', async () => {
    const ncc = await makeNetwork(database.db, 'council-payments');
    const service = await makeProgram(database.db, await makeOrganization(database.db, ncc.id));
    const readOnly = await makeUser(database.db, [[service, ['ncc_read_only']]]);
    const colleague = await makeUser(database.db, [[service, ['ncc_payments']]]);
    const cookie = await signIn(app, readOnly.email);

    for (const url of [
      `/api/organizations/${service.organizationId}`,
      `/api/programs/${service.id}`,
      '/api/organizations',
      `/api/programs/${service.id}/contacts`,
    ]) {
      expect((await call(cookie, 'GET', url)).statusCode, url).toBe(200);
    }
    const writes: [string, 'POST' | 'PATCH', string, object][] = [
      ['edit organisation', 'PATCH', `/api/organizations/${service.organizationId}`, { phone: '01603 555 999' }],
      ['edit service', 'PATCH', `/api/programs/${service.id}`, { name: 'Renamed' }],
      ['add organisation', 'POST', '/api/organizations', { name: 'New' }],
      ['add service', 'POST', '/api/programs', { organizationId: service.organizationId, name: 'New' }],
      [
        'add contact',
        'POST',
        `/api/programs/${service.id}/contacts`,
        { email: 'x@example.test', name: 'X', roles: ['ncc_payments'] },
      ],
      [
        'edit contact',
        'PATCH',
        `/api/memberships/${await membershipIdOf(database.db, colleague.id, service.id)}`,
        { title: 'Boss' },
      ],
    ];
    for (const [what, method, url, payload] of writes) {
      expect((await call(cookie, method, url, payload)).statusCode, what).toBe(403);
    }
  });

  it('X-5: a website without http(s):// is refused naming body.website', async () => {
    const res = await call(admin, 'POST', '/api/organizations', { name: 'Bad site', website: 'example.test' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('body.website');
    const patch = await call(admin, 'PATCH', `/api/programs/${t.a.id}`, { website: 'www.example.test' });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors[0].field).toBe('body.website');
  });

  it('X-5: a program for an organization of another network is refused naming body.organizationId', async () => {
    const other = await makeOrganization(database.db, (await makeNetwork(database.db)).id);
    const res = await call(admin, 'POST', '/api/programs', { organizationId: other.id, name: 'Cross-network' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body.organizationId', message: expect.any(String) }]);
  });
});
