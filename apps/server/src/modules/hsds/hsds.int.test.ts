import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { actAs, buildTestApp } from '../../test/app.js';
import { testDatabase } from '../../test/db.js';
import { makeTenantPair } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';
import { organizations, programs } from '../organizations/organizations.table.js';
import type { HsdsFile } from './hsds.parse.js';
import { expectValid, fixture, fixtureJson, importAndWait, tabularPackage } from './hsds.testkit.js';

let database: Database;
let app: App;
beforeAll(async () => {
  database = await testDatabase();
  app = await buildTestApp({ database });
});
afterAll(() => app.close());

async function adminOfNewNetwork() {
  const t = await makeTenantPair(database.db);
  return { ...t, cookie: await actAs(app, t.networkAdmin.email, t.office.id) };
}
const programsOf = (networkId: string) => database.db.select().from(programs).where(eq(programs.networkId, networkId));
const exportJson = async (cookie: string) => {
  const res = await app.inject({ method: 'GET', url: '/api/directory/export?format=json', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return {
    file: { name: 'export.json', content: res.body } as HsdsFile,
    json: res.json() as Record<string, unknown>[],
  };
};

describe('HSDS 3.0 import (issue 4, MT-9 directory)', () => {
  it('MT-9: service_full.json becomes a program of its organization, with the HSDS fields mapped', async () => {
    const t = await adminOfNewNetwork();
    const run = await importAndWait(app, t.cookie, [fixture('examples/service_full.json')]);
    expect(run).toMatchObject({ status: 'succeeded', created: 2, updated: 0, unchanged: 0, total: 2, errors: [] });
    const [p] = await database.db
      .select()
      .from(programs)
      .where(and(eq(programs.networkId, t.network.id), eq(programs.hsdsId, 'ac148810-d857-441c-9679-408f346de14b')));
    expect(p).toMatchObject({
      name: 'Community Counselling',
      email: 'email@example.com',
      website: 'http://example.com/counselling',
      referralStatus: 'open',
      phone: '+44 1234 234567',
      languages: ['ur'],
      addressLine1: '1-30 Main Street',
      city: 'MyCity',
      state: 'MyState',
      postalCode: 'ABC 1234',
      regions: ['MyRegion'],
    });
    expect(p!.eligibility).toMatch(/aged 12 and over/);
    expect(p!.hours).toMatch(/^Thu, Fri 10:00–18:00\. The service is available/);
    expect(p!.counties[0]).toMatch(/MyCity area/);
    expect(p!.serviceTermIds).toHaveLength(1);
    // What Portico does not model is kept for the export.
    expect(p!.hsdsExtra).toMatchObject({ alternate_name: 'MyCity Counselling Services', minimum_age: 12 });
    const [org] = await database.db.select().from(organizations).where(eq(organizations.id, p!.organizationId));
    expect(org).toMatchObject({
      name: 'Example Organization Inc.',
      hsdsId: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
      town: 'MyCity',
    });
    const audit = (await auditOf(database.db, t.network.id)).filter((e) => e.action === 'directory.import');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
  });

  it('MT-9: organization_full.json, and each example list page (`contents`), import', async () => {
    const t = await adminOfNewNetwork();
    // The organization and the service it nests.
    expect(await importAndWait(app, t.cookie, [fixture('examples/organization_full.json')])).toMatchObject({
      status: 'succeeded',
      created: 2,
    });
    for (const page of [
      'organization_list',
      'service_list',
      'taxonomy_list',
      'taxonomy_term_list',
      'service_at_location_list',
    ]) {
      const run = await importAndWait(app, t.cookie, [fixture(`examples/${page}.json`)]);
      expect(run.status, `${page}: ${JSON.stringify(run.errors)}`).toBe('succeeded');
      expect(run.total).toBeGreaterThan(0);
    }
    expect((await programsOf(t.network.id)).map((p) => p.name)).toContain('Community Counselling');
  });

  it('MT-9: the csv/ tabular package (datapackage.json + CSVs related by foreign keys) imports', async () => {
    const t = await adminOfNewNetwork();
    const run = await importAndWait(app, t.cookie, tabularPackage());
    expect(run).toMatchObject({ status: 'succeeded', errors: [] });
    const [p] = await programsOf(t.network.id).then((rows) => rows.filter((r) => r.hsdsId));
    expect(p).toMatchObject({
      name: 'Community Counselling',
      phone: '+44 1234 234567',
      languages: ['ur'],
      city: 'MyCity',
    });
    expect(p!.hsdsExtra).toMatchObject({ minimum_age: 12, cost_options: [{ amount: 35 }] });
  });

  it('X-5: a file with one bad record imports nothing, and the report names the record and the field', async () => {
    const t = await adminOfNewNetwork();
    const good = fixtureJson('examples/service_full.json');
    const bad = { ...good, id: 'svc-bad', name: '' };
    const noOrg = { id: 'svc-orphan', name: 'Orphan', status: 'active' };
    const run = await importAndWait(app, t.cookie, [
      {
        name: 'feed.json',
        content: JSON.stringify([
          good,
          bad,
          { ...good, id: 'svc-x', phones: [{ id: 'p' }] },
          noOrg,
          { ...noOrg, id: 'svc-lost', organization_id: 'nowhere' },
        ]),
      },
    ]);
    expect(run.status).toBe('failed');
    expect(run.errors).toEqual(
      expect.arrayContaining([
        { record: 'service[1] (id svc-bad)', field: 'name', message: 'is required' },
        {
          record: 'service[4] (id svc-lost)',
          field: 'organization_id',
          message: 'names no organization of this file or network (nowhere)',
        },
        { record: 'service[2] (id svc-x)', field: 'phones[0].number', message: 'is required' },
        {
          record: 'service[3] (id svc-orphan)',
          field: 'organization_id',
          message: 'is required (or a nested organization)',
        },
      ]),
    );
    expect(run).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
    expect(await programsOf(t.network.id)).toHaveLength(3); // the factory's three, nothing imported
  });

  it('MT-9: re-importing the same file updates in place by HSDS id: 0 created, 0 updated', async () => {
    const t = await adminOfNewNetwork();
    const files = [fixture('examples/service_full.json')];
    await importAndWait(app, t.cookie, files);
    expect(await importAndWait(app, t.cookie, files)).toMatchObject({
      status: 'succeeded',
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    // A changed record is updated in place, not duplicated.
    const changed = {
      ...fixtureJson('examples/service_full.json'),
      name: 'Community Counselling (renamed)',
      status: 'inactive',
    };
    const run = await importAndWait(app, t.cookie, [{ name: 's.json', content: JSON.stringify(changed) }]);
    expect(run).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const rows = (await programsOf(t.network.id)).filter((p) => p.hsdsId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Community Counselling (renamed)', referralStatus: 'closed' });
  });

  it('MT-9 round trip (JSON): import the sample, export, import the export again and into a second network: no changes', async () => {
    const a = await adminOfNewNetwork();
    await importAndWait(app, a.cookie, [
      fixture('examples/service_full.json'),
      fixture('examples/organization_full.json'),
    ]);
    const first = await exportJson(a.cookie);
    for (const record of first.json.filter((r) => 'status' in r)) expectValid('service.json', record);
    // Portico's own programs (the factory's) are in the export too, with Portico ids.
    expect(first.json.length).toBeGreaterThanOrEqual(3);
    expect(await importAndWait(app, a.cookie, [first.file])).toMatchObject({
      status: 'succeeded',
      created: 0,
      updated: 0,
    });

    const b = await adminOfNewNetwork();
    const intoB = await importAndWait(app, b.cookie, [first.file]);
    expect(intoB).toMatchObject({ status: 'succeeded', updated: 0, errors: [] });
    expect(intoB.created).toBeGreaterThan(0);
    const second = await exportJson(b.cookie);
    expect(await importAndWait(app, b.cookie, [second.file])).toMatchObject({ created: 0, updated: 0 });
    // The imported service comes back as it went in (its own fields, untouched).
    const original = fixtureJson('examples/service_full.json');
    const back = second.json.find((r) => r.id === original.id)!;
    for (const key of [
      'name',
      'description',
      'status',
      'phones',
      'schedules',
      'service_areas',
      'languages',
      'cost_options',
      'service_at_locations',
    ])
      expect(back[key], key).toEqual(original[key]);
  });

  it('MT-9 round trip (CSV): import the tabular package, export the .zip, import it again: no changes', async () => {
    const a = await adminOfNewNetwork();
    await importAndWait(app, a.cookie, tabularPackage());
    const res = await app.inject({
      method: 'GET',
      url: '/api/directory/export?format=csv',
      headers: { cookie: a.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/zip/);
    const entries = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining(['datapackage.json', 'services.csv', 'organizations.csv']),
    );
    const files = Object.entries(entries).map(([name, bytes]) => ({ name, content: new TextDecoder().decode(bytes) }));
    expect(await importAndWait(app, a.cookie, files)).toMatchObject({ status: 'succeeded', created: 0, updated: 0 });
    const b = await adminOfNewNetwork();
    expect(await importAndWait(app, b.cookie, files)).toMatchObject({ status: 'succeeded', updated: 0 });
    expect(await importAndWait(app, b.cookie, files)).toMatchObject({ created: 0, updated: 0 });
  });

  it('X-1: only a network administrator imports (403); another network’s import is not found (404)', async () => {
    const a = await adminOfNewNetwork();
    const provider = await actAs(app, a.adminA.email, a.a.id);
    const res = await app.inject({
      method: 'POST',
      url: '/api/directory/imports',
      headers: { cookie: provider },
      payload: { files: [fixture('examples/service_full.json')] },
    });
    expect(res.statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'GET', url: '/api/directory/export?format=json', headers: { cookie: provider } }))
        .statusCode,
    ).toBe(403);
    const run = await importAndWait(app, a.cookie, [fixture('examples/organization_full.json')]);
    const b = await adminOfNewNetwork();
    const other = await app.inject({
      method: 'GET',
      url: `/api/directory/imports/${run.id}`,
      headers: { cookie: b.cookie },
    });
    expect(other.statusCode).toBe(404);
    const list = await app.inject({ method: 'GET', url: '/api/directory/imports', headers: { cookie: a.cookie } });
    expect(list.json().items[0]).toMatchObject({ id: run.id, status: 'succeeded', created: 2 });
  });

  it('MT-9: progress is readable while the import runs in the background (both drivers), then the report', async () => {
    const t = await adminOfNewNetwork();
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...fixtureJson('examples/service_full.json'),
      id: `svc-${i}`,
      name: `Service ${i}`,
    }));
    const res = await app.inject({
      method: 'POST',
      url: '/api/directory/imports',
      headers: { cookie: t.cookie },
      payload: { files: [{ name: 'many.json', content: JSON.stringify(many) }] },
    });
    expect(res.statusCode).toBe(202);
    const { id } = res.json();
    const during = await app.inject({
      method: 'GET',
      url: `/api/directory/imports/${id}`,
      headers: { cookie: t.cookie },
    });
    expect(during.statusCode).toBe(200);
    expect(['queued', 'running']).toContain(during.json().status);
    await app.background.drain();
    const after = await app.inject({
      method: 'GET',
      url: `/api/directory/imports/${id}`,
      headers: { cookie: t.cookie },
    });
    expect(after.json()).toMatchObject({ status: 'succeeded', total: 41, done: 41, created: 41 });
  });

  it('MT-9: a field edited in Portico after the import is what the export gives; the rest comes back as imported', async () => {
    const t = await adminOfNewNetwork();
    await importAndWait(app, t.cookie, [fixture('examples/service_full.json')]);
    const original = fixtureJson('examples/service_full.json');
    await database.db
      .update(programs)
      .set({ phone: '406-555-0199', counties: ['Lewis and Clark'] })
      .where(and(eq(programs.networkId, t.network.id), eq(programs.hsdsId, String(original.id))));
    const { json } = await exportJson(t.cookie);
    const back = json.find((r) => r.id === original.id)!;
    expect(back.phones).toEqual([expect.objectContaining({ number: '406-555-0199' })]);
    expect(back.service_areas).toEqual([expect.objectContaining({ name: 'Lewis and Clark' })]);
    expect(back.schedules).toEqual(original.schedules);
    expectValid('service.json', back);
  });
});
